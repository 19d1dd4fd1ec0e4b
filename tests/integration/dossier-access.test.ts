import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
const tokens: Record<string, string | undefined> = {};
const people = ['citizen-an', 'citizen-binh', 'receiver-lan', 'leader-hung', 'specialist-minh', 'auditor-thu'];
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of people) tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

/** A fresh birth registration of citizen-an at Phường Bắc Giang, routed to its intake queue. */
async function fileOne(): Promise<{ code: string; version: number; pin: string }> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration(),
  });
  await cloud.settle();
  const read = await request(cloud, 'GET', `/v1/dossiers/${filed.body.code}`, { token: tokens['citizen-an'] });
  return { code: filed.body.code, version: read.body.version, pin: filed.body.lookupPin };
}

const act = (sub: string | undefined, code: string, body: Record<string, unknown>) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/actions`, { token: sub ? tokens[sub] : undefined, body });

// owner · another citizen · an official of the holding commune · an official of another agency · anonymous
const actors = [
  ['owner', 'citizen-an'],
  ['other citizen', 'citizen-binh'],
  ['same-agency official', 'receiver-lan'],
  ['other-agency official', 'specialist-minh'],
  ['anonymous', undefined],
] as const;

describe('the authorization matrix of every dossier route', () => {
  const reads: Record<string, number> = {
    owner: 200,
    'other citizen': 404,
    'same-agency official': 200,
    'other-agency official': 404,
    anonymous: 401,
  };
  it.each(actors)('GET the dossier and its timeline as %s', async (label, sub) => {
    const { code } = await fileOne();
    const token = sub ? tokens[sub] : undefined;
    expect((await request(cloud, 'GET', `/v1/dossiers/${code}`, { token })).status).toBe(reads[label]);
    expect((await request(cloud, 'GET', `/v1/dossiers/${code}/timeline`, { token })).status).toBe(reads[label]);
  });

  const actions: Record<string, [Record<string, unknown>, number]> = {
    owner: [{ type: 'withdraw', reason: 'Nộp nhầm thủ tục' }, 200],
    'other citizen': [{ type: 'withdraw', reason: 'Thử rút hồ sơ của người khác' }, 404],
    'same-agency official': [{ type: 'receive' }, 200],
    'other-agency official': [{ type: 'receive' }, 404],
    anonymous: [{ type: 'withdraw', reason: 'x' }, 401],
  };
  it.each(actors)('POST an action as %s', async (label, sub) => {
    const { code, version } = await fileOne();
    const [action, status] = actions[label] as [Record<string, unknown>, number];
    const response = await act(sub, code, { ...action, expectedVersion: version });
    expect(response.status).toBe(status);
    const after = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] });
    expect(after.body.version).toBe(status === 200 ? version + 1 : version);
  });

  it('lets an official of the holding agency read it but not act beyond their role (403)', async () => {
    const { code, version } = await fileOne();
    const decideAtIntake = await act('leader-hung', code, { type: 'receive', expectedVersion: version });
    expect(decideAtIntake.status).toBe(403);
    expect(decideAtIntake.body.code).toBe('action-not-allowed');
  });

  it('shows citizens only their own dossiers, and officials only their agency’s queue', async () => {
    const { code } = await fileOne();
    const mine = await request(cloud, 'GET', '/v1/me/dossiers', { token: tokens['citizen-an'] });
    expect(mine.body.items.map((d: { code: string }) => d.code)).toContain(code);
    const theirs = await request(cloud, 'GET', '/v1/me/dossiers', { token: tokens['citizen-binh'] });
    expect(theirs.body.items.map((d: { code: string }) => d.code)).not.toContain(code);
    expect((await request(cloud, 'GET', '/v1/me/dossiers', { token: tokens['receiver-lan'] })).status).toBe(403);

    const queue = (sub: string | undefined, agency: string) =>
      request(cloud, 'GET', `/v1/agencies/${agency}/dossiers`, { token: sub ? tokens[sub] : undefined });
    // receiver-lan works at the commune's service centre, which holds dossiers at intake.
    expect((await queue('receiver-lan', '24.07210.TTPVHCC')).status).toBe(200);
    expect((await queue('auditor-thu', '24.07210.TTPVHCC')).status).toBe(200);
    expect((await queue('specialist-minh', '24.07210.TTPVHCC')).status).toBe(404);
    expect((await queue('citizen-an', '24.07210.TTPVHCC')).status).toBe(403);
    expect((await queue(undefined, '24.07210.TTPVHCC')).status).toBe(401);
  });
});

describe('concurrency', () => {
  it('lets exactly one of ten concurrent actions win; the nine others get 409 with the current version', async () => {
    const { code, version } = await fileOne();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => act('receiver-lan', code, { type: 'receive', expectedVersion: version })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const lost of responses.filter((r) => r.status === 409)) {
      expect(lost.headers.get('content-type')).toContain('application/problem+json');
      expect(lost.body).toMatchObject({ code: 'version-conflict', currentVersion: version + 1 });
    }
    const timeline = await request(cloud, 'GET', `/v1/dossiers/${code}/timeline`, { token: tokens['citizen-an'] });
    expect(timeline.body.timeline.filter((e: { action: string }) => e.action === 'receive')).toHaveLength(1);
  });
});

describe('mass assignment', () => {
  it.each([
    ['status', { status: 'decided' }],
    ['agencyId', { agencyId: '24.STP' }],
    ['fee', { fee: { amount: 0, due: 'intake', paid: true } }],
  ])('refuses a citizen’s %s with 400 and changes nothing', async (field, extra) => {
    const { code, version } = await fileOne();
    const response = await act('citizen-an', code, {
      type: 'withdraw',
      reason: 'x',
      expectedVersion: version,
      ...extra,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const after = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] });
    expect(after.body).toMatchObject({ version, status: 'submitted' });
  });
});

describe('the public look-up by code and PIN', () => {
  it('shows status, agency and appointment only, and the same 404 for a wrong PIN as for an unknown code', async () => {
    const { code, pin } = await fileOne();
    const found = await request(cloud, 'POST', '/v1/dossier-lookups', { body: { code, pin } });
    expect(found.status).toBe(200);
    expect(Object.keys(found.body).sort()).toEqual(
      ['agencyName', 'appointment', 'code', 'dueAt', 'procedureName', 'status', 'statusText'].sort(),
    );
    // Nghị định 118/2025: the commune's service centre holds it at intake.
    expect(found.body.agencyName).toBe('Trung tâm Phục vụ hành chính công Phường Bắc Giang');
    const wrongPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await request(cloud, 'POST', '/v1/dossier-lookups', { body: { code, pin: wrongPin } });
    const unknown = await request(cloud, 'POST', '/v1/dossier-lookups', {
      body: { code: '24.07210-200101-0001', pin },
    });
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('locks a code after five wrong PINs, even for the right one', async () => {
    const { code, pin } = await fileOne();
    const wrongPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) await request(cloud, 'POST', '/v1/dossier-lookups', { body: { code, pin: wrongPin } });
    const locked = await request(cloud, 'POST', '/v1/dossier-lookups', { body: { code, pin } });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too-many-attempts');
  });
});

describe('filing at the counter', () => {
  it('receives on the spot at the competent agency’s service centre (form 01)', async () => {
    const filed = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['receiver-lan'],
      body: { ...birthRegistration(), applicantSub: 'citizen-an' },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.status).toBe('received');
    const dossier = await request(cloud, 'GET', `/v1/dossiers/${filed.body.code}`, { token: tokens['citizen-an'] });
    expect(dossier.body.channel).toBe('counter');
    expect(dossier.body.timeline.at(-1)).toMatchObject({ action: 'receive', form: '01' });
  });

  it('files for the competent agency from another desk, which receives it later', async () => {
    const elsewhere = await tokenFor(cloud, 'receiver-hoa'); // the province's service centre
    const filed = await request(cloud, 'POST', '/v1/counter/dossiers', { token: elsewhere, body: birthRegistration() });
    expect(filed.status).toBe(201);
    // The commune's own centre receives it later; the commune decides.
    expect(filed.body).toMatchObject({ status: 'submitted', agencyId: '24.07210.TTPVHCC' });
    const held = await request(cloud, 'GET', `/v1/dossiers/${filed.body.code}`, { token: tokens['receiver-lan'] });
    expect(held.body).toMatchObject({ agencyId: '24.07210.TTPVHCC', competentAgencyId: '24.07210' });
  });

  it('is closed to citizens', async () => {
    const response = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    expect(response.status).toBe(403);
  });
});

describe('an agency’s work queue', () => {
  it('lists by due date, filters by status and overdue, and pages', async () => {
    for (let i = 0; i < 3; i++) await fileOne();
    const token = tokens['receiver-lan'];
    const all = await request(cloud, 'GET', '/v1/agencies/24.07210.TTPVHCC/dossiers?limit=100', { token });
    const due = all.body.items.map((d: { dueAt: string }) => d.dueAt);
    expect(due).toEqual([...due].sort());
    expect(all.body.items.length).toBeGreaterThanOrEqual(3);

    const submitted = await request(cloud, 'GET', '/v1/agencies/24.07210.TTPVHCC/dossiers?status=submitted&limit=100', {
      token,
    });
    expect(submitted.body.items.every((d: { status: string }) => d.status === 'submitted')).toBe(true);
    const overdue = await request(cloud, 'GET', '/v1/agencies/24.07210.TTPVHCC/dossiers?overdue=true', { token });
    expect(overdue.body.items).toEqual([]);

    const first = await request(cloud, 'GET', '/v1/agencies/24.07210.TTPVHCC/dossiers?limit=2', { token });
    const second = await request(
      cloud,
      'GET',
      `/v1/agencies/24.07210.TTPVHCC/dossiers?limit=2&cursor=${first.body.nextCursor}`,
      { token },
    );
    const codes = [...first.body.items, ...second.body.items].map((d: { code: string }) => d.code);
    expect(new Set(codes).size).toBe(4);
    expect(codes).toEqual(all.body.items.slice(0, 4).map((d: { code: string }) => d.code));
  });
});
