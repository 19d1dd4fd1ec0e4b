import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { catalogueRepository } from '../../shared/adapters/dynamo/catalogue-repository.ts';
import { actOnDossier, request, tokenFor } from '../support/http.ts';
import { permit } from '../unit/lifecycle/fixtures.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({
    scheduler: false,
    seed: async (ctx) => {
      await seedDemoProvince(ctx);
      await catalogueRepository(ctx.tableName, DynamoDBDocumentClient.from(ctx.clients.dynamo)).putProcedure(permit);
    },
  });
  for (const sub of ['citizen-an', 'receiver-mai', 'specialist-nam', 'leader-son', 'specialist-ha']) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
});
afterAll(() => cloud?.stop());

const application = {
  procedureCode: permit.code,
  communeCode: '07210',
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Phường Bắc Giang, Bắc Ninh' },
  returnMethod: 'counter',
};

/** One lifecycle step as `sub`, on the version last seen; returns the dossier after it. */
const step = (sub: string, code: string, version: number, action: Record<string, unknown>) =>
  actOnDossier(cloud, tokens[sub], code, action, version);

describe('a joint dossier’s whole life, over HTTP', () => {
  it('is filed, received, processed in two steps, sent to the commune and back, decided and returned', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', { token: tokens['citizen-an'], body: application });
    expect(filed.status).toBe(201);
    const code = filed.body.code as string;
    expect(code).toMatch(/^24\.SXD-\d{6}-\d{4}$/);
    await cloud.settle();

    const current = async () =>
      (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-mai'] })).body;
    let d = await step('receiver-mai', code, (await current()).version, { type: 'receive' });
    expect(d.status).toBe('received');
    // The province's service centre received it; it forwards it to the competent department (Sở Xây dựng).
    expect(d.agencyId).toBe('24.TTPVHCC');
    d = await step('receiver-mai', code, d.version, { type: 'forward', assigneeId: 'specialist-nam' });
    expect(d.agencyId).toBe('24.SXD');
    d = await step('specialist-nam', code, d.version, {
      type: 'transfer',
      agencyId: '24.07210',
      note: 'Đề nghị xác nhận hiện trạng.',
    });
    expect(d.agencyId).toBe('24.07210');
    d = await step('specialist-ha', code, d.version, {
      type: 'transfer',
      agencyId: '24.SXD',
      internalNote: 'Đã xác minh tại thực địa',
    });
    expect(d.agencyId).toBe('24.SXD');
    d = await step('specialist-nam', code, d.version, { type: 'request-fees' });
    // The applicant pays at the centre's counter while the department holds the dossier.
    d = await step('receiver-mai', code, d.version, { type: 'confirm-payment' });
    d = await step('specialist-nam', code, d.version, { type: 'forward', assigneeId: 'leader-son' });
    d = await step('leader-son', code, d.version, { type: 'decide', outcome: 'approved' });
    expect(d.status).toBe('decided');
    // The centre that received it returns the result.
    expect(d.agencyId).toBe('24.TTPVHCC');
    // The sign worker signs the result and the dossier records it (a version of its own).
    await cloud.settle();
    d = await step('receiver-mai', code, (await current()).version, { type: 'return-result' });
    expect(d.status).toBe('returned');
    await cloud.settle();

    const timeline = await request(cloud, 'GET', `/v1/dossiers/${code}/timeline`, { token: tokens['citizen-an'] });
    expect(timeline.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'file',
      'route-to-intake',
      'receive',
      'forward',
      'transfer',
      'transfer',
      'request-fees',
      'confirm-payment',
      'forward',
      'decide',
      'result-signed',
      'return-result',
    ]);
    // The applicant sees every step, but not the officials' internal notes.
    expect(JSON.stringify(timeline.body)).not.toContain('Đã xác minh tại thực địa');
    const officialView = await request(cloud, 'GET', `/v1/dossiers/${code}/timeline`, {
      token: tokens['receiver-mai'],
    });
    expect(JSON.stringify(officialView.body)).toContain('Đã xác minh tại thực địa');

    // The commune that handled its leg may still read it; the leg is recorded with its own deadline.
    const byCommune = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['specialist-ha'] });
    expect(byCommune.status).toBe(200);
    expect(byCommune.body.legs).toEqual([
      expect.objectContaining({ agencyId: '24.07210', endedAt: expect.any(String) }),
    ]);

    const inbox = await request(cloud, 'GET', '/v1/me/notifications?limit=100', { token: tokens['citizen-an'] });
    const titles = inbox.body.items
      .filter((n: { dossierCode: string }) => n.dossierCode === code)
      .map((n: { title: string }) => n.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        `Hồ sơ ${code} đã được tiếp nhận`,
        `Hồ sơ ${code}: đề nghị nộp phí, lệ phí`,
        `Hồ sơ ${code} đã có kết quả`,
        `Hồ sơ ${code}: kết quả điện tử đã được ký số`,
        `Hồ sơ ${code} đã trả kết quả`,
      ]),
    );
    const specialistInbox = await request(cloud, 'GET', '/v1/me/notifications', { token: tokens['specialist-nam'] });
    expect(specialistInbox.body.items.map((n: { title: string }) => n.title)).toContain(
      `Hồ sơ ${code} được giao cho bạn`,
    );
  });
});
