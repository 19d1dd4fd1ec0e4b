import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { pdfText } from '../support/pdf.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of ['citizen-an', 'citizen-binh', 'receiver-lan', 'specialist-ha', 'leader-hung']) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
});
afterAll(() => cloud?.stop());

/** A copy of a civil-status extract at Phường Bắc Giang: 8.000 đồng, due at intake. */
const extractCopy = '2.000635';
/** A first land registration at Phường Bắc Giang: 100.000 đồng, due at the result. */
const landRegistration = '1.013978';

async function file(procedureCode: string): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration({ procedureCode }),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  await cloud.settle();
  return filed.body.code as string;
}

const read = async (code: string, sub = 'receiver-lan') =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens[sub] })).body;

const step = (sub: string, code: string, body: Record<string, unknown>) => actOnDossier(cloud, tokens[sub], code, body);

const pay = (code: string, options: { token?: string; body?: unknown; key?: string } = {}) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/payments`, {
    token: options.token ?? tokens['citizen-an'],
    body: options.body ?? {},
    ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}),
  });

const actions = (dossier: { timeline: { action: string }[] }) => dossier.timeline.map((e) => e.action);

describe('requesting an online payment', () => {
  it('takes the amount from the fee, returns the pending payment again, and refuses what cannot be paid', async () => {
    const free = await file('1.001193');
    const noFee = await pay(free);
    expect(noFee.status).toBe(422);
    expect(noFee.body).toMatchObject({ code: 'no-fee' });

    const code = await file(extractCopy);
    expect((await pay(code, { token: tokens['citizen-binh'] })).status).toBe(404);
    // The client cannot name an amount.
    expect((await pay(code, { body: { amount: 1 } })).status).toBe(400);

    // The platform is down: nothing is stored, and the applicant may try again.
    cloud.partners.payments.failNext(1);
    const down = await pay(code);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: 'payment-platform-unavailable' });

    // The portal's own page, on the deployment's origin (PUBLIC_URL: the local gateway here).
    const returnUrl = `${cloud.apiUrl}/portal/ho-so-cua-toi/${code}?da=thanh-toan`;
    const first = await pay(code, { key: 'pay-once', body: { returnUrl } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: 8000, currency: 'VND', status: 'pending' });
    expect(first.body.payUrl).toMatch(new RegExp(`^${cloud.partnersUrl}/payments/pay/`));
    const retried = await pay(code, { key: 'pay-once', body: { returnUrl } });
    expect(retried.body).toEqual(first.body);
    const again = await pay(code);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const calls = cloud.partners.payments.received.filter(
      (c) => (c.body as { dossierCode: string }).dossierCode === code,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe('/payment-requests');
    expect(calls[0]?.body).toMatchObject({ paymentId: first.body.paymentId, amount: 8000, currency: 'VND' });
  });
});

describe('the payment platform reports a transaction', () => {
  it('refuses forged, stale and replayed callbacks; pays an awaiting-fees dossier once, back to processing', async () => {
    const code = await file(extractCopy);
    await step('receiver-lan', code, { type: 'receive' });
    await step('receiver-lan', code, { type: 'forward', assigneeId: 'specialist-ha' });
    await step('specialist-ha', code, { type: 'request-fees' });
    await cloud.settle();
    const awaiting = await read(code);
    expect(awaiting.status).toBe('awaiting-fees');

    const { paymentId } = (await pay(code)).body as { paymentId: string };
    const simulator = cloud.partners.payments;
    const transaction = { transactionId: 'TX-forged-1', paymentId, amount: 8000, currency: 'VND', status: 'success' };
    const path = '/v1/partners/payments/callbacks';
    const forged = await simulator.webhook(path, transaction, { secret: 'not-the-platform' });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: 'invalid-signature' });
    const stale = await simulator.webhook(path, transaction, { at: new Date(Date.now() - 10 * 60_000) });
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ code: 'stale-timestamp' });
    expect((await read(code)).version).toBe(awaiting.version);
    expect((await pay(code)).body).toMatchObject({ paymentId, status: 'pending' });

    const paid = await simulator.pay(paymentId);
    expect(paid.status).toBe(200);
    expect(paid.body).toEqual({ outcome: 'paid', paymentId });
    const afterPayment = await read(code);

    const replay = await simulator.webhook(path, JSON.parse(paid.sentBody), { headers: paid.sentHeaders });
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ code: 'replayed-request' });
    // The platform retries the same transaction twice more, freshly signed (other seconds: other signatures).
    const sent = simulator.transactions.find((t) => t.paymentId === paymentId);
    if (!sent) throw new Error('the simulator kept no transaction');
    const retries = [
      await simulator.report(sent, new Date(Date.now() + 2_000)),
      await simulator.report(sent, new Date(Date.now() + 4_000)),
    ];
    for (const delivery of retries) {
      expect(delivery.status).toBe(200);
      expect(delivery.body).toEqual({ outcome: 'paid', paymentId });
    }
    await cloud.settle();

    const dossier = await read(code);
    expect(dossier.status).toBe('processing');
    expect(dossier.fee).toMatchObject({ amount: 8000, paid: true, paidOnline: true, paymentId });
    expect(actions(dossier).filter((a) => a === 'payment-received')).toHaveLength(1);
    // One change, one event: the redeliveries added no version (the only later change is none).
    expect(dossier.version).toBe(afterPayment.version);
    expect(afterPayment.version).toBe(awaiting.version + 1);
    const entry = dossier.timeline.at(-1);
    expect(entry).toMatchObject({ action: 'payment-received', from: 'awaiting-fees', to: 'processing' });
    expect(entry.note).toContain('8.000 đồng');

    // The event reached the indicators: the dossier's fact counts a fee paid online.
    const { indicatorFactRepository } = await import('../../shared/adapters/dynamo/indicator-facts.ts');
    const month = new Date(dossier.submittedAt)
      .toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' })
      .slice(0, 7);
    const { facts } = await indicatorFactRepository(cloud.tableName).listMonth(dossier.competentAgencyId, month);
    expect(facts.find((f) => f.code === code)).toMatchObject({ paidOnline: true, version: dossier.version });

    // The citizen sees the electronic receipt among the dossier's documents.
    const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    const receipts = (documents.body.items as { kind: string; download?: { url: string } }[]).filter(
      (d) => d.kind === 'receipt',
    );
    expect(receipts).toHaveLength(1);
    const bytes = Buffer.from(await (await fetch(receipts[0]?.download?.url ?? '')).arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ');
    expect(text).toContain('8.000 đồng');
    expect(text).toContain(code);

    const paidAlready = await pay(code);
    expect(paidAlready.status).toBe(422);
    expect(paidAlready.body).toMatchObject({ code: 'fee-already-paid' });
  });

  it('flags an amount that differs from the fee and leaves the dossier unpaid; a failed payment pays nothing', async () => {
    const code = await file(extractCopy);
    const before = await read(code);
    const { paymentId } = (await pay(code)).body as { paymentId: string };
    const answer = await cloud.partners.payments.pay(paymentId, { amount: 5000 });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ outcome: 'mismatch', paymentId });

    const dossier = await read(code);
    expect(dossier.status).toBe(before.status);
    expect(dossier.fee).toMatchObject({
      paid: false,
      flag: { code: 'amount-mismatch', paymentId, expected: { amount: 8000 }, received: { amount: 5000 } },
    });
    expect(dossier.fee.paidOnline).toBeUndefined();
    const note = dossier.timeline.at(-1);
    expect(note).toMatchObject({ action: 'payment-flagged' });
    expect(note.internalNote).toContain('5.000 đồng');
    const citizenView = await read(code, 'citizen-an');
    expect(JSON.stringify(citizenView.timeline)).not.toContain('5.000 đồng');

    // The flagged payment no longer blocks a new one; a failed one pays nothing.
    const retry = await pay(code);
    expect(retry.status).toBe(201);
    expect(retry.body.paymentId).not.toBe(paymentId);
    const failed = await cloud.partners.payments.pay(retry.body.paymentId, { outcome: 'failed' });
    expect(failed.body).toEqual({ outcome: 'failed', paymentId: retry.body.paymentId });
    const after = await read(code);
    expect(after.version).toBe(dossier.version);
    expect(after.fee.paid).toBe(false);
  });

  it('flags, for a refund, an online payment that arrives after the fee was paid at the counter', async () => {
    const code = await file(extractCopy);
    await step('receiver-lan', code, { type: 'receive' });
    await step('receiver-lan', code, { type: 'forward', assigneeId: 'specialist-ha' });
    await step('specialist-ha', code, { type: 'request-fees' });
    const { paymentId } = (await pay(code)).body as { paymentId: string };
    await step('receiver-lan', code, { type: 'confirm-payment' });
    expect((await cloud.partners.payments.pay(paymentId)).body).toEqual({ outcome: 'paid', paymentId });
    const dossier = await read(code);
    expect(dossier.status).toBe('processing');
    expect(dossier.fee).toMatchObject({ paid: true, flag: { code: 'already-paid', paymentId } });
    expect(dossier.fee.paidOnline).toBeUndefined();
    expect(actions(dossier)).not.toContain('payment-received');
    const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    expect((documents.body.items as { kind: string }[]).some((d) => d.kind === 'receipt')).toBe(false);
  });

  it('cannot return a result whose fee is unpaid, and can once it is paid online', async () => {
    const code = await file(landRegistration);
    await step('receiver-lan', code, { type: 'receive' });
    await step('receiver-lan', code, { type: 'forward', assigneeId: 'specialist-ha' });
    await step('specialist-ha', code, { type: 'forward', assigneeId: 'specialist-ha' });
    await step('specialist-ha', code, { type: 'forward', assigneeId: 'leader-hung' });
    await step('leader-hung', code, { type: 'decide', outcome: 'approved' });
    await cloud.settle();

    const refused = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
      token: tokens['receiver-lan'],
      body: { type: 'return-result', expectedVersion: (await read(code)).version },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'fee-unpaid' });

    const { paymentId, amount } = (await pay(code)).body as { paymentId: string; amount: number };
    expect(amount).toBe(100_000);
    expect((await cloud.partners.payments.pay(paymentId)).body).toMatchObject({ outcome: 'paid' });
    await cloud.settle();
    const paid = await read(code);
    expect(paid.status).toBe('decided');
    expect(paid.timeline.at(-1)).toMatchObject({ action: 'payment-received', from: 'decided', to: 'decided' });
    const returned = await step('receiver-lan', code, { type: 'return-result' });
    expect(returned.status).toBe('returned');
  });
});

describe('the nightly reconciliation', () => {
  it("reports the platform's transactions we do not have and amounts that differ, the same on a re-run", async () => {
    const code = await file(extractCopy);
    const { paymentId } = (await pay(code)).body as { paymentId: string };
    await cloud.partners.payments.pay(paymentId, { amount: 9000 });
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    cloud.partners.payments.transactions.push({
      transactionId: 'TX-theirs-only',
      paymentId: 'PAY-unknown-to-us',
      amount: 20_000,
      currency: 'VND',
      status: 'success',
      date: today,
    });

    const [{ reconcilePayments }, { paymentRepository }, { callPartner }] = await Promise.all([
      import('../../shared/use-cases/payments/reconcile-payments.ts'),
      import('../../shared/adapters/dynamo/payment-repository.ts'),
      import('../../shared/adapters/partners/partner-client.ts'),
    ]);
    const payments = paymentRepository(cloud.tableName);
    const reconcile = reconcilePayments({
      payments,
      platform: (path, body) => callPartner('payments', path, body),
      now: () => new Date(),
    });
    const first = await reconcile(today);
    expect(first.differences).toEqual(
      expect.arrayContaining([
        { kind: 'theirs-not-ours', paymentId: 'PAY-unknown-to-us', transactionId: 'TX-theirs-only', amount: 20_000 },
        expect.objectContaining({ kind: 'amount-differs', paymentId, ours: 8000, theirs: 9000 }),
      ]),
    );
    // The payments paid in full earlier in this file match.
    expect(first.counts.matched).toBeGreaterThan(0);
    expect(first.differences.some((d) => d.kind === 'ours-not-theirs')).toBe(false);
    const second = await reconcile(today);
    expect(second).toEqual(first);
    expect(await payments.getReconciliation(today)).toMatchObject({ ...first });
    const auditor = await tokenFor(cloud, 'auditor-thu');
    const stored = await request(cloud, 'GET', `/v1/payment-reconciliations/${today}`, { token: auditor });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ date: today, counts: first.counts });
    const citizen = await request(cloud, 'GET', `/v1/payment-reconciliations/${today}`, {
      token: tokens['citizen-an'],
    });
    expect(citizen.status).toBe(403);
    const never = await request(cloud, 'GET', '/v1/payment-reconciliations/2020-01-01', { token: auditor });
    expect(never.status).toBe(404);

    // The schedule reconciles the previous day: nothing happened then.
    expect(await cloud.runSchedule('reconcile-payments')).toMatchObject({ ours: 0, theirs: 0, differences: 0 });
  });
});

describe('the payment page of the local payment platform', () => {
  it('shows the amount, and its button pays the dossier through the signed callback', async () => {
    const code = await file(extractCopy);
    const requested = (await pay(code)).body as { payUrl: string };
    const page = await fetch(requested.payUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('8.000 VND');

    const paid = await fetch(requested.payUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=success',
    });
    expect(paid.status).toBe(200);
    await cloud.settle();
    expect((await read(code)).fee).toMatchObject({ paid: true, paidOnline: true });
  });
});
