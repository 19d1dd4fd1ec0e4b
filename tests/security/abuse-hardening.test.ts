/**
 * Attacks a penetration test of the local cloud reproduced (issue 15, items 7 and 9), each replayed
 * here: Idempotency-Key records shared across routes, oversized or strange keys, body-less routes,
 * records holding the look-up PIN and the applicant's data in clear; payment return URLs off the
 * portal; counter filings attached to an official; JSON answers without HSTS or nosniff.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'ERROR' });
  for (const sub of ['citizen-an', 'receiver-lan', 'admin-quang']) tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

/** A copy of a civil-status extract at Phường Bắc Giang: 8.000 đồng, due at intake (tests/integration/payments.test.ts). */
const extractCopy = '2.000635';

async function fileOnline(procedureCode = extractCopy, headers: Record<string, string> = {}) {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration({ procedureCode }),
    headers,
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  return filed;
}

const pay = (code: string, body: unknown, headers: Record<string, string> = {}) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/payments`, { token: tokens['citizen-an'], body, headers });

async function tableItems(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await cloud.clients.dynamo.send(
      new ScanCommand({ TableName: cloud.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return items;
}

describe('Idempotency-Key', () => {
  it('binds a key to its route: the same key on another dossier’s payment pays that dossier', async () => {
    const first = (await fileOnline()).body.code as string;
    const second = (await fileOnline()).body.code as string;
    const key = `pay-${crypto.randomUUID()}`;
    const paidFirst = await pay(first, {}, { 'idempotency-key': key });
    const paidSecond = await pay(second, {}, { 'idempotency-key': key });
    expect(paidFirst.status).toBe(201);
    expect(paidSecond.status).toBe(201);
    expect(paidSecond.body.paymentId).not.toBe(paidFirst.body.paymentId);
    const forSecond = cloud.partners.payments.received.filter(
      (c) => (c.body as { dossierCode: string }).dossierCode === second,
    );
    expect(forSecond).toHaveLength(1);
    // The same key on the same route is still a replay.
    expect((await pay(second, {}, { 'idempotency-key': key })).body).toEqual(paidSecond.body);
  });

  it.each([
    ['over 255 characters', 'k'.repeat(256)],
    ['about 2 KB (a 500 before)', 'k'.repeat(2100)],
    ['with a space', 'two words'],
    ['with a non-ASCII letter', 'khóa-1'],
  ])('refuses a key %s with 400 problem+json in Vietnamese', async (_label, key) => {
    const response = await fetch(new URL('/v1/dossiers', cloud.apiUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens['citizen-an']}`,
        'content-type': 'application/json',
        // A header value is sent as Latin-1 bytes: the non-ASCII letter arrives as such.
        'idempotency-key': Buffer.from(key, 'utf8').toString('latin1'),
      },
      body: JSON.stringify(birthRegistration()),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('invalid-idempotency-key');
    expect(problem.detail).toContain('ký tự');
  });

  it('takes a key of exactly 255 visible ASCII characters', async () => {
    const key = `${'~'.repeat(219)}${crypto.randomUUID()}`;
    expect(key).toHaveLength(255);
    const filed = await fileOnline(extractCopy, { 'idempotency-key': key });
    const replay = await fileOnline(extractCopy, { 'idempotency-key': key });
    expect(replay.body).toEqual(filed.body);
  });

  it('deduplicates a body-less route (a 500 before)', async () => {
    const key = crypto.randomUUID();
    const mark = () =>
      request(cloud, 'POST', '/v1/me/notifications/N-unknown/read', {
        token: tokens['citizen-an'],
        headers: { 'idempotency-key': key },
      });
    const first = await mark();
    expect(first.status).toBeLessThan(500);
    const again = await mark();
    expect(again.status).toBe(first.status);
    expect(again.body.code).toBe(first.body.code);
  });

  it('replays the filing’s receipt with its PIN, yet keeps neither the PIN nor the applicant’s data in clear', async () => {
    const key = crypto.randomUUID();
    const filed = await fileOnline(extractCopy, { 'idempotency-key': key });
    const pin = filed.body.lookupPin as string;
    expect(pin).toMatch(/^\d{6}$/);
    const replay = await fileOnline(extractCopy, { 'idempotency-key': key });
    expect(replay.body).toEqual(filed.body);

    const applicant = birthRegistration().applicant;
    const records = (await tableItems()).filter((item) => {
      const pk = String(item.pk);
      return pk.startsWith('IDEMPOTENCY#') || pk.startsWith('FILING#');
    });
    expect(records.length).toBeGreaterThan(0);
    const stored = JSON.stringify(records);
    expect(stored).not.toContain(applicant.idNumber);
    expect(stored).not.toContain(applicant.fullName);
    expect(stored).not.toContain(applicant.phone);
    // Six digits can occur by chance in base64: look for the PIN as a value or a JSON field.
    for (const record of records) {
      expect(Object.values(record)).not.toContain(pin);
      expect(String(record.data ?? '')).not.toContain(`"lookupPin":"${pin}"`);
    }
  });
});

describe('payment return URL', () => {
  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['another host', 'https://evil.example/portal/ho-so'],
    ['plain http off loopback', 'http://dichvucong.example/portal/ho-so'],
    ['credentials in the URL', 'http://user:pass@127.0.0.1/portal/ho-so'],
  ])('refuses %s with 400', async (_label, returnUrl) => {
    const code = (await fileOnline()).body.code as string;
    const response = await pay(code, { returnUrl });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'returnUrl' })]);
  });

  it('takes a page of the portal on the deployment’s own origin', async () => {
    const code = (await fileOnline()).body.code as string;
    const returnUrl = `${cloud.apiUrl}/portal/ho-so-cua-toi/${code}?da=thanh-toan`;
    expect((await pay(code, { returnUrl })).status).toBe(201);
  });
});

describe('filing at the counter for an applicant’s account', () => {
  it.each(['admin-quang', 'leader-hung', 'receiver-lan'])(
    'refuses to attach the dossier to an official (%s)',
    async (sub) => {
      const response = await request(cloud, 'POST', '/v1/counter/dossiers', {
        token: tokens['receiver-lan'],
        body: { ...birthRegistration(), applicantSub: sub },
      });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('applicant-not-citizen');
    },
  );

  it('attaches it to a citizen’s account', async () => {
    const response = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['receiver-lan'],
      body: { ...birthRegistration(), applicantSub: 'citizen-an' },
    });
    expect(response.status).toBe(201);
  });
});

describe('JSON answers', () => {
  it('carry HSTS and nosniff, on success and on a problem', async () => {
    const ok = await request(cloud, 'GET', '/v1/procedures?limit=1');
    const problem = await request(cloud, 'GET', '/v1/dossiers/24.07210-260101-0001', { token: tokens['citizen-an'] });
    expect(ok.status).toBe(200);
    expect(problem.status).toBe(404);
    for (const response of [ok, problem]) {
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
