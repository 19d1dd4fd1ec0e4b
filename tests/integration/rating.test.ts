import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { monthOf } from '../../shared/domain/indicators/period.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';

/**
 * Issue 7, item 6: the applicant rates a returned dossier once; the rating travels through the
 * outbox to the indicator facts and the report counts it; nobody is messaged about it.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of ['citizen-an', 'citizen-binh', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

const step = (sub: string, code: string, version: number, body: Record<string, unknown>) =>
  actOnDossier(cloud, tokens[sub], code, body, version);

const current = async (code: string) =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body as {
    version: number;
    status: string;
    rating?: unknown;
    timeline: { action: string }[];
  };

async function fileAndDecide(): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration(),
  });
  expect(filed.status).toBe(201);
  const code = filed.body.code as string;
  await cloud.settle();
  let d = await step('receiver-lan', code, (await current(code)).version, { type: 'receive' });
  d = await step('receiver-lan', code, d.version, { type: 'forward', assigneeId: 'specialist-ha' });
  d = await step('specialist-ha', code, d.version, { type: 'forward', assigneeId: 'leader-hung' });
  await step('leader-hung', code, d.version, { type: 'decide', outcome: 'approved' });
  await cloud.settle();
  return code;
}

const rate = (code: string, body: unknown, sub = 'citizen-an', key?: string) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/rating`, {
    token: tokens[sub],
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

const thisMonth = () => {
  const [year = 0, index = 0] = monthOf(new Date()).split('-').map(Number);
  return { periodKind: 'month', year, index };
};

async function reportCounts() {
  const asked = await request(cloud, 'POST', '/v1/reports', { token: tokens['leader-hung'], body: thisMonth() });
  expect(asked.status).toBe(202);
  await cloud.settle();
  const got = await request(cloud, 'GET', `/v1/reports/${asked.body.id}`, { token: tokens['leader-hung'] });
  expect(got.body.status).toBe('ready');
  return got.body.summary.counts as { ratings: number; satisfiedRatings: number; resolved: number };
}

describe('POST /v1/dossiers/{code}/rating', () => {
  it('refuses a dossier not yet returned (409, in Vietnamese), rates a returned one once, and the report counts it', async () => {
    const code = await fileAndDecide();
    const early = await rate(code, { score: 5 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'not-returned',
      detail: expect.stringContaining('chưa được trả kết quả'),
    });

    await step('receiver-lan', code, (await current(code)).version, { type: 'return-result' });
    await cloud.settle();
    const before = await reportCounts();
    expect(before.ratings).toBe(0);
    const notifications = async () =>
      (await request(cloud, 'GET', '/v1/me/notifications?limit=100', { token: tokens['citizen-an'] })).body.items
        .length as number;
    const notifiedBefore = await notifications();

    const stranger = await rate(code, { score: 1 }, 'citizen-binh');
    expect(stranger.status).toBe(404);

    const rated = await rate(code, { score: 5, comment: 'Cán bộ hướng dẫn tận tình.' }, 'citizen-an', 'rate-1');
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    expect(rated.body).toMatchObject({ code, rating: { score: 5, comment: 'Cán bộ hướng dẫn tận tình.' } });
    // A retry with the same key is the same answer, not a second rating.
    const replay = await rate(code, { score: 5, comment: 'Cán bộ hướng dẫn tận tình.' }, 'citizen-an', 'rate-1');
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(rated.body);
    const again = await rate(code, { score: 2 }, 'citizen-an', 'rate-2');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-rated');

    await cloud.settle();
    const dossier = await current(code);
    expect(dossier.status).toBe('returned');
    expect(dossier.rating).toMatchObject({ score: 5 });
    expect(dossier.timeline.filter((e) => e.action === 'rate')).toHaveLength(1);
    // Nobody is told about their own rating.
    expect(await notifications()).toBe(notifiedBefore);

    const after = await reportCounts();
    expect(after).toMatchObject({ ratings: 1, satisfiedRatings: 1 });
    expect(after.resolved).toBe(before.resolved);
  });

  it('validates the score and the comment (400)', async () => {
    const code = await fileAndDecide();
    for (const body of [{ score: 0 }, { score: 6 }, { score: 4.5 }, { score: 3, comment: 'x'.repeat(1001) }, {}]) {
      const response = await rate(code, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('counts a low score as a rating but not a satisfied one', async () => {
    const code = await fileAndDecide();
    await step('receiver-lan', code, (await current(code)).version, { type: 'return-result' });
    const before = await reportCounts();
    expect((await rate(code, { score: 2 })).status).toBe(201);
    await cloud.settle();
    const after = await reportCounts();
    expect(after.ratings).toBe(before.ratings + 1);
    expect(after.satisfiedRatings).toBe(before.satisfiedRatings);
  });
});
