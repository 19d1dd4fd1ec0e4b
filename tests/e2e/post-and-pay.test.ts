/**
 * Issue #7's end to end: a dossier filed by post, its fee paid online, decided and signed, and its
 * result returned by post, driven as the applicant, the officials, the payment platform and the
 * post office would drive it, with the whole timeline the applicant reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';

/** A first land registration at Phường Bắc Giang: 100.000 đồng, due with the result. */
const landRegistration = '1.013978';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

const read = async (code: string, sub = 'citizen-an') =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens[sub] })).body;

async function step(sub: string, code: string, body: Record<string, unknown>) {
  await actOnDossier(cloud, tokens[sub], code, body);
  await cloud.settle();
}

describe('filed by post, paid online, decided and returned by post', () => {
  it('runs the whole way, each partner call applied once, with every step on the applicant’s timeline', async () => {
    // The applicant asks the post office to carry the papers in, and the result back.
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration({ procedureCode: landRegistration, returnMethod: 'post', postal: { pickup: {} } }),
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const code = filed.body.code as string;
    await cloud.settle();

    const postal = cloud.partners.postal;
    const pickup = postal.shipmentOf(code, 'pickup');
    expect(pickup?.waybill).toMatch(/^EB\d+VN$/);
    expect(await read(code)).toMatchObject({ channel: 'post', postal: { pickup: { waybill: pickup?.waybill } } });
    expect(postal.shipmentOf(code, 'delivery')).toBeUndefined();

    // The carrier brings the papers; its callbacks are applied once however often they arrive.
    for (const status of ['accepted', 'in-transit', 'delivered'] as const) {
      const sent = await postal.track(pickup?.waybill ?? '', status, { eventId: `pickup-${status}` });
      expect(sent.status).toBe(200);
      expect((await postal.track(pickup?.waybill ?? '', status, { eventId: `pickup-${status}` })).status).toBe(200);
    }

    // Received at the one-stop desk, processed, decided by the leader: the result is signed.
    await step('receiver-lan', code, { type: 'receive' });
    await step('receiver-lan', code, { type: 'forward', assigneeId: 'specialist-ha' });
    await step('specialist-ha', code, { type: 'forward', assigneeId: 'specialist-ha' });
    await step('specialist-ha', code, { type: 'forward', assigneeId: 'leader-hung' });
    await step('leader-hung', code, { type: 'decide', outcome: 'approved' });
    const decided = await read(code);
    expect(decided.status).toBe('decided');
    expect(decided.timeline.map((e: { action: string }) => e.action)).toContain('result-signed');
    // The fee is due with the result: nothing goes out by post before it is paid.
    expect(postal.shipmentOf(code, 'delivery')).toBeUndefined();

    // Paid online: the platform's callback, delivered three times, pays once.
    const payment = await request(cloud, 'POST', `/v1/dossiers/${code}/payments`, {
      token: tokens['citizen-an'],
      body: {},
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({ amount: 100_000, currency: 'VND', status: 'pending' });
    const paid = await cloud.partners.payments.pay(payment.body.paymentId as string);
    expect(paid.status).toBe(200);
    await cloud.settle();
    const paidDossier = await read(code);
    expect(paidDossier.fee).toMatchObject({ paid: true, paidOnline: true });
    const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    expect(documents.body.items.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['receipt', 'result']),
    );

    // Now the result goes out by post; delivered (reported twice), the dossier is returned, once.
    const delivery = postal.shipmentOf(code, 'delivery');
    expect(delivery?.waybill).toMatch(/^EB\d+VN$/);
    expect(delivery?.waybill).not.toBe(pickup?.waybill);
    for (const status of ['accepted', 'delivered', 'delivered'] as const) {
      expect((await postal.track(delivery?.waybill ?? '', status, { eventId: `delivery-${status}` })).status).toBe(200);
    }
    await cloud.settle();

    const returned = await read(code);
    expect(returned.status).toBe('returned');
    expect(returned.returnedAt).toEqual(expect.any(String));
    const timeline = await request(cloud, 'GET', `/v1/dossiers/${code}/timeline`, { token: tokens['citizen-an'] });
    expect(timeline.status).toBe(200);
    const entries = timeline.body.timeline as Array<{ action: string; to?: string; note: string }>;
    expect(entries.map((e) => e.action)).toEqual(EXPECTED_TIMELINE);
    // Every step reads in Vietnamese; the applicant never sees officials' internal notes.
    for (const entry of entries) expect(entry.note.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain('internalNote');
    expect(entries.filter((e) => e.to === 'returned')).toHaveLength(1);

    const notifications = await request(cloud, 'GET', '/v1/me/notifications?limit=100', {
      token: tokens['citizen-an'],
    });
    const titles = (notifications.body.items as Array<{ dossierCode: string; title: string }>)
      .filter((n) => n.dossierCode === code)
      .map((n) => n.title);
    expect(titles.filter((t) => t.includes('đã nhận thanh toán'))).toHaveLength(1);
    expect(titles.filter((t) => t.includes('đã trả kết quả'))).toHaveLength(1);

    // The national portal heard every status change, in order, once.
    const pushed = cloud.partners.dvcqg.statusUpdates(code).map((u: { status: number }) => u.status);
    expect(pushed).toEqual([1, 2, 4, 9, 10]);
  });
});

/** What the applicant reads, in order: filing, the pickup, the desk's steps, signing, payment, the delivery, the return. */
const EXPECTED_TIMELINE = [
  'file',
  'route-to-intake',
  'postal-booked',
  'postal-tracking',
  'postal-tracking',
  'postal-tracking',
  'receive',
  'forward',
  'forward',
  'forward',
  'decide',
  'result-signed',
  'payment-received',
  'postal-booked',
  'postal-tracking',
  'postal-tracking',
  'return-result',
];
