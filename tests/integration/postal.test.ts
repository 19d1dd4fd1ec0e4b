import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import type { PostalSimulator } from '../../infra/local/partners/postal-simulator.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';

/**
 * Issue 7, item 4: filing and return by post. The carrier is the local cloud's postal simulator; every
 * booking and tracking callback goes through the signed partner calls a real carrier would make.
 */
let cloud: LocalCloud;
let postal: PostalSimulator;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, visibilityTimeoutSeconds: 1 });
  postal = cloud.partners.postal;
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

interface Entry {
  action: string;
  note: string;
  from?: string;
  to?: string;
  actor: { sub: string; role: string };
}

const read = async (code: string, sub = 'citizen-an') =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens[sub] })).body;
const timeline = async (code: string): Promise<Entry[]> =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}/timeline`, { token: tokens['citizen-an'] })).body.timeline;
const bookings = (shipmentId: string) =>
  postal.received.filter(
    (c) => c.path === '/shipments' && (c.body as { shipmentId: string }).shipmentId === shipmentId,
  );

async function file(body: Record<string, unknown>): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration(body),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  await cloud.settle();
  return filed.body.code as string;
}

const step = (sub: string, code: string, body: Record<string, unknown>) => actOnDossier(cloud, tokens[sub], code, body);

async function decide(code: string) {
  await step('receiver-lan', code, { type: 'receive' });
  await step('receiver-lan', code, { type: 'forward', assigneeId: 'specialist-ha' });
  await step('specialist-ha', code, { type: 'forward', assigneeId: 'leader-hung' });
  await step('leader-hung', code, { type: 'decide', outcome: 'approved' });
  await cloud.settle();
}

async function redeliver(event: Record<string, unknown>, times: number) {
  for (let i = 0; i < times; i++) {
    await cloud.clients.sqs.send(
      new SendMessageCommand({ QueueUrl: cloud.queueUrls['book-postal'].url, MessageBody: JSON.stringify(event) }),
    );
  }
  await cloud.settle();
}

describe('filing by post', () => {
  it('books the pickup once, though the carrier fails the first call and the filing is redelivered', async () => {
    postal.failNext(1);
    const code = await file({ returnMethod: 'post', postal: { pickup: { address: 'Thôn Đông, xã Tân Yên' } } });

    const dossier = await read(code);
    expect(dossier.channel).toBe('post');
    const shipment = postal.shipmentOf(code, 'pickup');
    expect(shipment).toMatchObject({
      shipmentId: `${code}-pickup`,
      from: { kind: 'applicant', name: 'Nguyễn Văn An', address: 'Thôn Đông, xã Tân Yên', phone: '0912345678' },
      to: { kind: 'agency', agencyId: dossier.agencyId },
    });
    expect(dossier.postal.pickup).toMatchObject({ waybill: shipment?.waybill, shipmentId: `${code}-pickup` });
    // Return by post: the delivery waits for the decision.
    expect(dossier.postal.delivery).toEqual(
      expect.objectContaining({ address: 'Phường Bắc Giang, tỉnh Bắc Ninh', shipmentId: `${code}-delivery` }),
    );
    expect(dossier.postal.delivery.waybill).toBeUndefined();
    expect(bookings(`${code}-pickup`)).toHaveLength(1);

    await redeliver(
      {
        id: `${code}:1:DossierSubmitted`,
        type: 'DossierSubmitted',
        dossierCode: code,
        occurredAt: dossier.submittedAt,
        data: { applicantId: 'citizen-an', agencyId: dossier.agencyId, procedureCode: '1.001193' },
      },
      2,
    );
    expect(bookings(`${code}-pickup`)).toHaveLength(1);
    const booked = (await timeline(code)).filter((e) => e.action === 'postal-booked');
    expect(booked).toEqual([
      expect.objectContaining({
        actor: { sub: 'system', role: 'system' },
        note: expect.stringContaining(`Đã đặt dịch vụ bưu chính thu gom hồ sơ: mã vận đơn ${shipment?.waybill}.`),
      }),
    ]);
    expect((await read(code)).version).toBe(dossier.version);
  });

  it("shows the carrier's tracking on the applicant's timeline, each event once", async () => {
    const code = await file({ postal: { pickup: {} } });
    const waybill = (await read(code)).postal.pickup.waybill as string;

    const accepted = await postal.track(waybill, 'accepted', { eventId: 'vnp-1', location: 'Bưu cục Bắc Giang' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ waybill, eventId: 'vnp-1', applied: true });
    expect((await postal.track(waybill, 'accepted', { eventId: 'vnp-1' })).body).toMatchObject({ applied: false });
    expect((await postal.track(waybill, 'delivered', { eventId: 'vnp-2' })).status).toBe(200);
    // Late and out of order: the papers already arrived.
    expect((await postal.track(waybill, 'in-transit', { eventId: 'vnp-0' })).body).toMatchObject({ applied: false });

    const tracking = (await timeline(code)).filter((e) => e.action === 'postal-tracking');
    expect(tracking.map((e) => e.note)).toEqual([
      `Bưu điện đã nhận hồ sơ giấy từ Ông/Bà (Bưu cục Bắc Giang), mã vận đơn ${waybill}.`,
      `Bưu điện đã chuyển hồ sơ giấy đến cơ quan giải quyết, mã vận đơn ${waybill}.`,
    ]);
    expect((await read(code)).status).toBe('submitted');
  });
});

describe('return by post', () => {
  it('books the delivery when decided, and the delivered result returns the dossier once', async () => {
    const code = await file({ returnMethod: 'post', postal: { delivery: { address: 'Số 9 Trần Phú, Bắc Giang' } } });
    expect(postal.shipmentOf(code, 'pickup')).toBeUndefined();
    expect((await read(code)).channel).toBe('online');
    await decide(code);

    const shipment = postal.shipmentOf(code, 'delivery');
    expect(shipment).toMatchObject({
      to: { kind: 'applicant', address: 'Số 9 Trần Phú, Bắc Giang' },
      from: { kind: 'agency' },
    });
    const decided = await read(code);
    expect(decided.status).toBe('decided');
    expect(decided.postal.delivery.waybill).toBe(shipment?.waybill);
    const waybill = shipment?.waybill as string;

    for (let i = 0; i < 3; i++) {
      const delivered = await postal.track(waybill, 'delivered', { eventId: 'vnp-delivered' });
      expect(delivered.status).toBe(200);
    }
    await cloud.settle();

    const returned = await read(code);
    expect(returned.status).toBe('returned');
    expect(returned.returnedAt).toEqual(expect.any(String));
    expect(returned.workQueue).toBeUndefined();
    const entries = await timeline(code);
    expect(entries.filter((e) => e.action === 'return-result')).toEqual([
      expect.objectContaining({
        actor: { sub: 'system', role: 'system' },
        from: 'decided',
        to: 'returned',
        note: 'Đã trả kết quả cho người nộp hồ sơ qua dịch vụ bưu chính.',
      }),
    ]);
    expect(entries.filter((e) => e.action === 'postal-tracking')).toHaveLength(1);
    expect(bookings(`${code}-delivery`)).toHaveLength(1);

    const inbox = await request(cloud, 'GET', '/v1/me/notifications?limit=100', { token: tokens['citizen-an'] });
    const told = (inbox.body.items as { dossierCode: string; title: string }[]).filter(
      (n) => n.dossierCode === code && n.title === `Hồ sơ ${code} đã trả kết quả`,
    );
    expect(told).toHaveLength(1);
  });

  it('refuses forged, replayed and unknown callbacks without changing the dossier', async () => {
    const code = await file({ returnMethod: 'post' });
    await decide(code);
    const before = await read(code);
    const waybill = before.postal.delivery.waybill as string;
    expect(waybill).toEqual(expect.any(String));

    const forged = await postal.track(waybill, 'delivered', { secret: 'not-the-shared-secret' });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: 'invalid-signature' });

    const unknown = await postal.track('EB000000000VN', 'delivered');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'unknown-waybill' });

    const accepted = await postal.track(waybill, 'accepted', { eventId: 'vnp-a' });
    expect(accepted.status).toBe(200);
    const replayed = await postal.webhook('/v1/partners/postal/tracking', JSON.parse(accepted.sentBody), {
      headers: accepted.sentHeaders,
    });
    expect(replayed.status).toBe(409);

    await cloud.settle();
    const after = await read(code);
    expect(after.status).toBe('decided');
    expect(after.version).toBe(before.version + 1);
    expect(after.postal.delivery.status).toBe('accepted');
  });
});
