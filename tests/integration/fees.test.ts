/**
 * Fee rules through the API on the local cloud: the amount a filing owes (pages, copies, an
 * exemption ground), and an amount the official sets within the schedule before the applicant pays.
 * The arithmetic is worked in the comments from the legal texts the seeded rules cite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { demoProcedures } from '../../infra/local/seed-catalogue.ts';
import type { Procedure } from '../../shared/domain/procedure.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung', 'admin-quang'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

const read = async (code: string) =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-lan'] })).body;

const fileOnline = (body: Record<string, unknown>) =>
  request(cloud, 'POST', '/v1/dossiers', { token: tokens['citizen-an'], body: birthRegistration(body) });
const fileAtCounter = (body: Record<string, unknown>) =>
  request(cloud, 'POST', '/v1/counter/dossiers', { token: tokens['receiver-lan'], body: birthRegistration(body) });
const pay = (code: string) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/payments`, { token: tokens['citizen-an'], body: {} });

describe('the fee a filing owes', () => {
  it('charges certified copies page by page at the desk (Thông tư 226/2016/TT-BTC, điều 4)', async () => {
    // 3 pages, 2 copies: (2 × 2.000 + 1 × 1.000) × 2 = 5.000 × 2 = 10.000 đồng.
    const filed = await fileAtCounter({ procedureCode: '2.000815', feeFacts: { pages: 3, copies: 2 } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await read(filed.body.code)).fee).toMatchObject({ amount: 10_000, due: 'intake', paid: false });

    // 250 pages, 1 copy: 2 × 2.000 + 248 × 1.000 = 252.000, capped at 200.000 đồng a copy.
    const thick = await fileAtCounter({ procedureCode: '2.000815', feeFacts: { pages: 250 } });
    expect((await read(thick.body.code)).fee).toMatchObject({ amount: 200_000 });
  });

  it('refuses certified copies without the number of pages, naming what is missing', async () => {
    const response = await fileAtCounter({ procedureCode: '2.000815' });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'fee-pages-required' });
  });

  it('charges copies of a civil-status extract per copy (Thông tư 281/2016/TT-BTC): 3 × 8.000 = 24.000 đồng', async () => {
    const filed = await fileOnline({ procedureCode: '2.000635', feeFacts: { copies: 3 } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await read(filed.body.code)).fee).toMatchObject({ amount: 24_000 });
  });

  it('waives the fee on a ground the procedure lists (Luật Hộ tịch 2014, điều 11, khoản 1, điểm a)', async () => {
    // A person of a poor household correcting civil-status information: 0 đồng instead of 15.000.
    const filed = await fileOnline({ procedureCode: '1.004859', feeFacts: { exemption: 'ho-ngheo' } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await read(filed.body.code)).fee).toMatchObject({
      amount: 0,
      exemption: { code: 'ho-ngheo', label: 'Người thuộc hộ nghèo' },
    });
    const payment = await pay(filed.body.code);
    expect(payment.status).toBe(422);
    expect(payment.body).toMatchObject({ code: 'fee-exempt' });
  });

  it('refuses a ground the procedure does not list (422), and malformed facts (400)', async () => {
    const unknown = await fileOnline({ procedureCode: '1.004859', feeFacts: { exemption: 'sinh-vien' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown-fee-exemption' });
    const malformed = await fileOnline({ procedureCode: '2.000635', feeFacts: { copies: 0 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toContain('feeFacts.copies');
  });
});

describe('an amount the official sets within the schedule', () => {
  // A commune procedure of this test (not seeded) whose schedule leaves the amount between 20.000 and
  // 100.000 đồng to the official, due with the result.
  const code = '9.240998';
  beforeAll(async () => {
    const base = demoProcedures.find((p) => p.code === '1.004859') as Procedure;
    const { code: _code, version: _version, ...content } = base;
    const saved = await request(cloud, 'PUT', `/v1/procedures/${code}`, {
      token: tokens['admin-quang'],
      body: { ...content, fee: { schedule: { kind: 'range', min: 20_000, max: 100_000 }, due: 'result' } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  });

  it('is set by the official inside the range, refused outside it, and only then paid', async () => {
    const filed = await fileOnline({ procedureCode: code });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const dossierCode = filed.body.code as string;
    expect((await read(dossierCode)).fee).toMatchObject({ amount: 0, range: { min: 20_000, max: 100_000 } });
    // Nothing to pay before the official sets it.
    expect((await pay(dossierCode)).body).toMatchObject({ code: 'fee-not-set' });

    await actOnDossier(cloud, tokens['receiver-lan'], dossierCode, { type: 'receive' });
    await actOnDossier(cloud, tokens['receiver-lan'], dossierCode, { type: 'forward', assigneeId: 'specialist-ha' });
    const current = await read(dossierCode);
    const attempt = (amount?: number) =>
      request(cloud, 'POST', `/v1/dossiers/${dossierCode}/actions`, {
        token: tokens['specialist-ha'],
        body: { type: 'request-fees', expectedVersion: current.version, ...(amount === undefined ? {} : { amount }) },
      });
    // 100.001 > 100.000 and 19.999 < 20.000: outside the schedule; no amount: nothing to ask for.
    for (const [amount, problem] of [
      [100_001, 'fee-out-of-range'],
      [19_999, 'fee-out-of-range'],
      [undefined, 'fee-amount-required'],
    ] as const) {
      const refused = await attempt(amount);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: problem });
    }
    expect((await read(dossierCode)).version).toBe(current.version);

    // 60.000 lies within [20.000, 100.000].
    expect((await attempt(60_000)).status).toBe(200);
    await cloud.settle();
    const awaiting = await read(dossierCode);
    expect(awaiting).toMatchObject({
      status: 'awaiting-fees',
      fee: { amount: 60_000, paid: false, range: { setBy: 'specialist-ha' } },
    });
    const payment = await pay(dossierCode);
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({ amount: 60_000, currency: 'VND' });
  });
});
