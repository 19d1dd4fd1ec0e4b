import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { portalDossier } from '../support/dvcqg.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';

/**
 * Issue 7, item 2: every status change is pushed to the national portal with its DVCQG code,
 * retried until acknowledged, once and in order per dossier — with workers racing (three pollers).
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    scheduler: false,
    visibilityTimeoutSeconds: 1,
    pollerConcurrency: 3,
  });
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

const step = async (sub: string, code: string, version: number, body: Record<string, unknown>) =>
  (await actOnDossier(cloud, tokens[sub], code, body, version)).version as number;

const pushed = (code: string) => cloud.partners.dvcqg.statusUpdates(code);

describe('status changes pushed to the national portal', () => {
  it('delivers a push that fails twice once it succeeds, exactly once', async () => {
    cloud.partners.dvcqg.failNext(2);
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    expect(filed.status).toBe(201);
    const code = filed.body.code as string;
    await cloud.settle();
    expect(pushed(code)).toEqual([
      expect.objectContaining({
        id: `${code}:1`,
        dossierCode: code,
        sequence: 1,
        status: 1,
        statusText: 'Mới đăng ký',
      }),
    ]);
    expect(pushed(code)[0]).not.toHaveProperty('dvcqgId');
    // Acknowledged: the indicator fact says the portal holds it (QĐ 766/QĐ-TTg, chỉ số 1.4), with no new
    // version of the dossier (filed online here, so only the acknowledgement can have set it).
    const dossier = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body;
    const { indicatorFactRepository } = await import('../../shared/adapters/dynamo/indicator-facts.ts');
    const month = new Date(dossier.submittedAt)
      .toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' })
      .slice(0, 7);
    const { facts } = await indicatorFactRepository(cloud.tableName).listMonth(dossier.competentAgencyId, month);
    expect(facts.find((f) => f.code === code)).toMatchObject({
      version: dossier.version,
      channel: 'online',
      dvcqgSynced: true,
    });
  });

  it("pushes a portal dossier's every change in order, once each, while the portal fails some calls", async () => {
    const delivered = await cloud.partners.dvcqg.sendDossier(portalDossier('G22.24-100001', 'vneid-1001'));
    expect(delivered.status).toBe(201);
    const code = (delivered.body as { code: string }).code;
    cloud.partners.dvcqg.failNext(1);
    await cloud.settle();

    let version = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-lan'] })).body
      .version as number;
    version = await step('receiver-lan', code, version, { type: 'receive' });
    cloud.partners.dvcqg.failNext(2);
    version = await step('receiver-lan', code, version, { type: 'forward', assigneeId: 'specialist-ha' });
    version = await step('specialist-ha', code, version, {
      type: 'request-supplement',
      defects: ['Thiếu giấy chứng sinh bản chính'],
    });
    cloud.partners.dvcqg.failNext(1);
    version = await step('receiver-lan', code, version, { type: 'supplement' });
    version = await step('specialist-ha', code, version, { type: 'forward', assigneeId: 'leader-hung' });
    cloud.partners.dvcqg.failNext(3);
    await step('leader-hung', code, version, { type: 'decide', outcome: 'approved' });
    // The sign worker records the signed result (a new version) before the result can go back.
    await cloud.settle();
    version = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-lan'] })).body.version;
    await step('receiver-lan', code, version, { type: 'return-result' });
    await cloud.settle();

    const updates = pushed(code);
    expect(updates.map((u) => u.status)).toEqual([1, 2, 4, 5, 4, 9, 10]);
    expect(updates.map((u) => u.id)).toEqual(updates.map((_, i) => `${code}:${i + 1}`));
    expect(new Set(updates.map((u) => u.dvcqgId))).toEqual(new Set(['G22.24-100001']));
  });
});
