import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, type TestResponse, tokenFor } from '../support/http.ts';

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

/** A look-up sent from one loopback address: the gateway sees it as that client's source IP. */
function lookupFrom(address: string, body: { code: string; pin: string }): Promise<TestResponse> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL('/v1/dossier-lookups', cloud.apiUrl),
      {
        method: 'POST',
        localAddress: address,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === 'string') headers.set(name, value);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const otherPin = (pin: string) => String((Number(pin) + 1) % 1_000_000).padStart(6, '0');

describe('the look-up limits hold under concurrency and across codes', () => {
  it('compares at most five PINs of a code however many guesses race, and then refuses the right one', async () => {
    const { code, pin } = await fileOne();
    // 40 guesses at once, each from its own address so that only the code's own limit applies.
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => lookupFrom(`127.0.1.${i + 1}`, { code, pin: otherPin(pin) })),
    );
    const statuses = guesses.map((g) => g.status);
    // 5 wrong PINs compared (404), the other 35 refused before any comparison (429).
    expect(statuses.filter((s) => s === 404)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const right = await lookupFrom('127.0.1.41', { code, pin });
    expect(right.status).toBe(429);
    expect(right.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(right.body.code).toBe('too-many-attempts');
    // The window is 15 minutes from the first guess: the client waits at most that long.
    const retryAfter = Number(right.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('does not lock a code that has not been issued yet', async () => {
    const { code } = await fileOne();
    const [, prefix, day, sequence] = /^(.+)-(\d{6})-(\d+)$/.exec(code) ?? [];
    const next = `${prefix}-${day}-${String(Number(sequence) + 1).padStart(sequence?.length ?? 4, '0')}`;
    for (let i = 0; i < 5; i++) {
      const guess = await lookupFrom('127.0.2.1', { code: next, pin: '123456' });
      expect(guess.status).toBe(404);
    }
    const filed = await fileOne();
    expect(filed.code).toBe(next);
    const found = await lookupFrom('127.0.2.2', { code: filed.code, pin: filed.pin });
    expect(found.status).toBe(200);
  });

  it('refuses a client after 20 failed look-ups across codes, and only that client', async () => {
    const { code, pin } = await fileOne();
    // 20 unknown codes (the default LOOKUP_FAILURES_PER_CLIENT), each answered 404 ...
    for (let i = 1; i <= 20; i++) {
      const guess = await lookupFrom('127.0.3.1', { code: `24.07210-200101-${String(i).padStart(4, '0')}`, pin });
      expect(guess.status).toBe(404);
    }
    // ... then the 21st look-up from that address is refused, even with a right code and PIN.
    const refused = await lookupFrom('127.0.3.1', { code, pin });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too-many-lookups');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    // Another client is not affected, and the code itself is not locked (its PIN was never compared).
    const other = await lookupFrom('127.0.3.2', { code, pin });
    expect(other.status).toBe(200);
  });

  it('does not count a right PIN: a holder may look the dossier up again and again', async () => {
    const { code, pin } = await fileOne();
    for (let i = 0; i < 8; i++) expect((await lookupFrom('127.0.4.1', { code, pin })).status).toBe(200);
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
