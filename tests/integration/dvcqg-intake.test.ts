import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { dossiersOf, portalDossier } from '../support/dvcqg.ts';
import { request, tokenFor } from '../support/http.ts';

/** Issue 7, item 2: dossiers delivered by the national portal are filed once per portal id. */
let cloud: LocalCloud;
let receiver: string;
/** A re-send as the portal makes it: the same body, signed again a few seconds later (not a replay). */
let resends = 0;
const later = () => ({ at: new Date(Date.now() - 60_000 + ++resends * 1000) });
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, visibilityTimeoutSeconds: 1 });
  receiver = await tokenFor(cloud, 'receiver-lan');
});
afterAll(() => cloud?.stop());

describe('a dossier delivered by the national portal', () => {
  it('is filed once on the dvcqg channel however often it is delivered, with its attachments referenced', async () => {
    const payload = portalDossier('G22.24-000001', 'vneid-0001');
    const first = await cloud.partners.dvcqg.sendDossier(payload);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const code = (first.body as { code: string }).code;
    expect(first.body).toMatchObject({ dvcqgId: 'G22.24-000001', status: 'submitted', dvcqgStatus: 1 });

    // The portal re-sends it (fresh timestamp and signature): same code, nothing new.
    const second = await cloud.partners.dvcqg.sendDossier(payload, later());
    const third = await cloud.partners.dvcqg.sendDossier(payload, later());
    expect([second.status, third.status]).toEqual([200, 200]);
    expect([second.body, third.body]).toEqual([expect.objectContaining({ code }), expect.objectContaining({ code })]);
    expect(await dossiersOf(cloud, 'dvcqg:vneid-0001')).toEqual([code]);

    const dossier = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: receiver })).body;
    expect(dossier).toMatchObject({
      channel: 'dvcqg',
      external: { dvcqgId: 'G22.24-000001' },
      applicantId: 'dvcqg:vneid-0001',
      procedure: { code: '1.001193' },
    });
    const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: receiver });
    expect(documents.status).toBe(200);
    expect(documents.body.items).toEqual([
      expect.objectContaining({
        id: 'dvcqg-01',
        kind: 'referenced',
        status: 'referenced',
        name: 'Giấy chứng sinh',
        size: 204_800,
        sha256: payload.attachments[0]?.sha256,
        source: { partner: 'dvcqg', url: payload.attachments[0]?.url, documentType: 'GIAY_CHUNG_SINH' },
      }),
    ]);
    expect(documents.body.items[0]).not.toHaveProperty('download');
  });

  it('files one dossier when two deliveries of it arrive at once', async () => {
    const payload = portalDossier('G22.24-000002', 'vneid-0002');
    const responses = await Promise.all([
      cloud.partners.dvcqg.sendDossier(payload, later()),
      cloud.partners.dvcqg.sendDossier(payload, later()),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
    const codes = new Set(responses.map((r) => (r.body as { code: string }).code));
    expect(codes.size).toBe(1);
    expect(await dossiersOf(cloud, 'dvcqg:vneid-0002')).toEqual([...codes]);
  });

  it('finishes a delivery that crashed after claiming the portal id, with the claimed code', async () => {
    const template = await cloud.partners.dvcqg.sendDossier(portalDossier('G22.24-000003', 'vneid-0003'));
    const claimedCode = (template.body as { code: string }).code.replace(/-\d{4}$/, '-9999');
    const doc = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    await doc.send(
      new PutCommand({
        TableName: cloud.tableName,
        Item: { pk: 'DVCQG#G22.24-000004', sk: 'CLAIM', code: claimedCode, filedAt: new Date().toISOString() },
      }),
    );
    const redelivered = await cloud.partners.dvcqg.sendDossier(portalDossier('G22.24-000004', 'vneid-0004'));
    expect(redelivered.status).toBe(201);
    expect(redelivered.body).toMatchObject({ code: claimedCode });
    expect(await dossiersOf(cloud, 'dvcqg:vneid-0004')).toEqual([claimedCode]);
    const again = await cloud.partners.dvcqg.sendDossier(portalDossier('G22.24-000004', 'vneid-0004'), later());
    expect(again).toMatchObject({ status: 200, body: { code: claimedCode } });
  });

  it('files nothing from a forged signature, a stale timestamp or a replayed request', async () => {
    const forged = await cloud.partners.dvcqg.sendDossier(portalDossier('G22.24-000010', 'vneid-0010'), {
      secret: 'not-the-portal-secret',
    });
    expect(forged).toMatchObject({ status: 401, body: { code: 'invalid-signature' } });
    const stale = await cloud.partners.dvcqg.sendDossier(portalDossier('G22.24-000011', 'vneid-0011'), {
      at: new Date(Date.now() - 10 * 60_000),
    });
    expect(stale).toMatchObject({ status: 401, body: { code: 'stale-timestamp' } });
    expect(await dossiersOf(cloud, 'dvcqg:vneid-0010')).toEqual([]);
    expect(await dossiersOf(cloud, 'dvcqg:vneid-0011')).toEqual([]);

    const accepted = await cloud.partners.dvcqg.sendDossier(portalDossier('G22.24-000012', 'vneid-0012'));
    expect(accepted.status).toBe(201);
    const replayed = await cloud.partners.dvcqg.sendDossier(portalDossier('G22.24-000012', 'vneid-0012'), {
      headers: accepted.sentHeaders,
    });
    expect(replayed).toMatchObject({ status: 409, body: { code: 'replayed-request' } });
    expect(await dossiersOf(cloud, 'dvcqg:vneid-0012')).toHaveLength(1);
  });

  it('refuses a payload outside the contract without filing anything', async () => {
    const bad = await cloud.partners.dvcqg.sendDossier(
      portalDossier('G22.24-000020', 'vneid-0020', { status: 'decided' }),
    );
    expect(bad.status).toBe(400);
    expect(await dossiersOf(cloud, 'dvcqg:vneid-0020')).toEqual([]);
  });
});
