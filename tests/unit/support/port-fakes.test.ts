/**
 * The in-memory ports of payments, feedback, notifications, quotas, the portal sync, reports and
 * filing keep the contracts their DynamoDB adapters keep (shared/adapters/dynamo), or a use case's
 * unit test would pass on a fake that forgives what the table refuses.
 */
import { describe, expect, it } from 'vitest';
import type { Feedback } from '../../../shared/domain/feedback/feedback.ts';
import { SyncLeaseHeld } from '../../../shared/use-cases/ports/dvcqg-sync-repository.ts';
import type { ReportRecord } from '../../../shared/use-cases/ports/report-repository.ts';
import { fakeDeliveryRepository } from '../../support/fakes/delivery-repository.ts';
import { fakeDvcqgSyncRepository } from '../../support/fakes/dvcqg-sync-repository.ts';
import { fakeFeedbackRepository } from '../../support/fakes/feedback-repository.ts';
import { fakeFilingClaims } from '../../support/fakes/filing-claims.ts';
import { fakeNotificationRepository } from '../../support/fakes/notification-repository.ts';
import { fakePaymentRepository } from '../../support/fakes/payment-repository.ts';
import { fakeQuotaCounter } from '../../support/fakes/quota-counter.ts';
import { fakeReportRepository } from '../../support/fakes/report-repository.ts';
import { fakeWatchMarks } from '../../support/fakes/watch-marks.ts';
import { pendingPayment } from '../use-cases/payments/world.ts';

const at = (iso: string) => new Date(iso);

describe('the payment repository fake', () => {
  it('creates an id once, discards only a pending payment, and holds one pending pointer per dossier', async () => {
    const payments = fakePaymentRepository();
    await payments.create(pendingPayment());
    await expect(payments.create(pendingPayment())).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(await payments.claimPending('D', 'PAY-1')).toBe(true);
    expect(await payments.claimPending('D', 'PAY-2')).toBe(false);
    await payments.releasePending('D', 'PAY-2');
    expect(await payments.pendingOf('D')).toBe('PAY-1');
    await payments.settle('PAY-1', {
      status: 'failed',
      transactionId: 'T',
      received: { amount: 0, currency: 'VND' },
      at: at('2026-03-03T00:30:00+07:00'),
    });
    await expect(payments.discard('PAY-1')).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  });

  it('settles once, moving the payment to the local day of its settlement', async () => {
    const payments = fakePaymentRepository([pendingPayment()]);
    const outcome = {
      status: 'paid' as const,
      transactionId: 'T1',
      received: { amount: 1, currency: 'VND' },
      at: at('2026-03-03T00:30:00+07:00'),
    };
    expect(await payments.settle('PAY-1', outcome)).toMatchObject({ status: 'paid', day: '2026-03-03' });
    expect(await payments.settle('PAY-1', { ...outcome, transactionId: 'T2' })).toBeUndefined();
    expect(await payments.settle('PAY-404', outcome)).toBeUndefined();
    expect(await payments.ofDay('2026-03-02')).toEqual([]);
    expect((await payments.ofDay('2026-03-03')).map((p) => p.transactionId)).toEqual(['T1']);
  });
});

describe('the feedback repository fake', () => {
  const feedback = (id: string, status: Feedback['status'], receivedAt: string): Feedback => ({
    id,
    version: 1,
    status,
    title: 't',
    content: 'c',
    agencyId: '24.SXD',
    authorId: 'citizen-an',
    anonymous: false,
    filedAt: receivedAt,
    receivedAt,
    forwards: [],
    history: [],
  });

  it('creates an id once, saves on the version read, and lists an agency’s by status then oldest first', async () => {
    const repo = fakeFeedbackRepository();
    const a = feedback('a', 'received', '2026-03-02T10:00:00+07:00');
    expect(await repo.create(a)).toBe(true);
    expect(await repo.create({ ...a, title: 'other' })).toBe(false);
    expect((await repo.get('a'))?.title).toBe('t');
    await repo.save(a, { ...a, version: 2 });
    await expect(repo.save(a, { ...a, version: 2 })).rejects.toMatchObject({
      code: 'version-conflict',
      details: { currentVersion: 2 },
    });
    await repo.create(feedback('b', 'assigned', '2026-03-01T10:00:00+07:00'));
    await repo.create(feedback('c', 'received', '2026-03-01T10:00:00+07:00'));
    expect((await repo.listByAgency('24.SXD', undefined, { limit: 10 })).items.map((f) => f.id)).toEqual([
      'b',
      'c',
      'a',
    ]);
    expect((await repo.listByAgency('24.SXD', 'received', { limit: 10 })).items.map((f) => f.id)).toEqual(['c', 'a']);
  });
});

describe('the delivery repository fake', () => {
  it('claims a delivery once while fresh, again after a failure or the lease, and ignores a replaced claim’s settle', async () => {
    const deliveries = fakeDeliveryRepository(300);
    const t0 = at('2026-03-02T10:00:00Z');
    const first = await deliveries.claim('e', 'email', 'u', t0);
    expect(first.outcome).toBe('claimed');
    expect(await deliveries.claim('e', 'email', 'u', at('2026-03-02T10:05:00Z'))).toEqual({ outcome: 'busy' });
    const second = await deliveries.claim('e', 'email', 'u', at('2026-03-02T10:05:01Z'));
    expect(second.outcome).toBe('claimed');
    if (first.outcome !== 'claimed' || second.outcome !== 'claimed') throw new Error('not claimed');
    await deliveries.settle('e', 'email', 'u', first.token, { status: 'sent', at: '' });
    expect(deliveries.records.get('e#email#u')?.status).toBe('sending');
    await deliveries.settle('e', 'email', 'u', second.token, { status: 'failed', at: '', reason: 'x' });
    const third = await deliveries.claim('e', 'email', 'u', at('2026-03-02T10:06:00Z'));
    if (third.outcome !== 'claimed') throw new Error('not claimed');
    await deliveries.settle('e', 'email', 'u', third.token, { status: 'skipped', at: '', reason: 'limit' });
    expect(await deliveries.claim('e', 'email', 'u', at('2026-03-03T10:00:00Z'))).toEqual({ outcome: 'settled' });
    expect(await deliveries.claim('e', 'sms', 'u', t0)).toMatchObject({ outcome: 'claimed' });
  });
});

describe('the notification repository fake', () => {
  it('records an event’s message once per recipient, and marks read only in the recipient’s own inbox', async () => {
    const inbox = fakeNotificationRepository();
    const message = { recipientId: 'u', title: 't', body: 'b', dossierCode: 'D' };
    expect(await inbox.record(message, 'e1', '2026-03-02T10:00:00+07:00')).toBe('created');
    expect(await inbox.record(message, 'e1', '2026-03-02T10:00:00+07:00')).toBe('duplicate');
    expect(await inbox.record({ ...message, recipientId: 'v' }, 'e1', '2026-03-02T10:00:00+07:00')).toBe('created');
    const [entry] = (await inbox.listFor('u', { limit: 10 })).items;
    await expect(inbox.markRead('v', entry?.id ?? '', 'x')).resolves.toMatchObject({ recipientId: 'v' });
    await expect(inbox.markRead('w', entry?.id ?? '', 'x')).rejects.toMatchObject({ code: 'not-found' });
    await expect(inbox.markRead('u', 'bm90LW91cnM', 'x')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the quota counter fake', () => {
  it('grants the limit per window on Vietnam’s clock and gives a released claim back once', async () => {
    const counter = fakeQuotaCounter();
    const quota = { limit: 1, windowSeconds: 24 * 60 * 60 };
    const claim = await counter.claim('f', 's', quota, at('2026-03-02T23:00:00+07:00'));
    // 23:00 local is 16:00 UTC: an hour to local midnight, not eight to UTC's.
    expect(await counter.claim('f', 's', quota, at('2026-03-02T23:00:00+07:00'))).toEqual({
      granted: false,
      retryAfterSeconds: 3600,
    });
    expect(await counter.claim('f', 's', quota, at('2026-03-03T00:00:00+07:00'))).toMatchObject({ granted: true });
    if (!claim.granted) throw new Error('not granted');
    await claim.release();
    await claim.release();
    const quota2 = { limit: 2, windowSeconds: 24 * 60 * 60 };
    // Released twice, counted down once: two more claims fill the window, not three.
    await counter.claim('f', 's', quota2, at('2026-03-02T23:00:00+07:00'));
    await counter.claim('f', 's', quota2, at('2026-03-02T23:00:00+07:00'));
    expect(await counter.claim('f', 's', quota2, at('2026-03-02T23:00:00+07:00'))).toMatchObject({ granted: false });
  });
});

describe('the portal sync repository fake', () => {
  it('lets the lease’s owner alone advance, from the count it holds, and a non-owner’s release changes nothing', async () => {
    const sync = fakeDvcqgSyncRepository(60);
    const t0 = at('2026-03-02T10:00:00Z');
    await sync.acquire('D', 'w1', t0);
    await expect(sync.acquire('D', 'w2', t0)).rejects.toBeInstanceOf(SyncLeaseHeld);
    await expect(sync.advance('D', 'w2', 0, t0)).rejects.toBeInstanceOf(SyncLeaseHeld);
    await expect(sync.advance('D', 'w1', 1, t0)).rejects.toBeInstanceOf(SyncLeaseHeld);
    await sync.advance('D', 'w1', 0, t0);
    await sync.release('D', 'w2');
    await expect(sync.acquire('D', 'w2', t0)).rejects.toBeInstanceOf(SyncLeaseHeld);
    await sync.advance('D', 'w1', 1, t0, { release: true });
    expect(await sync.acquire('D', 'w2', t0)).toEqual({ acknowledged: 2, told: false });
  });
});

describe('the report repository, filing claims and watch marks fakes', () => {
  it('keep the first write: a report, a claim, a mark', async () => {
    const reports = fakeReportRepository();
    const record: ReportRecord = {
      id: 'r',
      agencyId: 'A',
      agencyName: 'A',
      period: { kind: 'year', year: 2026 },
      periodId: '2026',
      origin: 'request',
      requestedBy: 'x',
      requestedAt: '2026-03-02T00:00:00Z',
      scopes: ['A', 'ALL'],
      status: 'pending',
    };
    expect(await reports.create(record)).toMatchObject({ created: true });
    expect(await reports.create({ ...record, requestedBy: 'y' })).toMatchObject({
      created: false,
      report: { requestedBy: 'x' },
    });
    await expect(
      reports.markReady('nope', { summary: {} as never, children: [], files: {} as never, readyAt: '', readUnits: 0 }),
    ).rejects.toThrow();

    const claims = fakeFilingClaims();
    expect(await claims.bind('g', { code: 'C1', filedAt: 't1' })).toEqual({ code: 'C1', filedAt: 't1' });
    expect(await claims.bind('g', { code: 'C2', filedAt: 't2' })).toEqual({ code: 'C1', filedAt: 't1' });

    const marks = fakeWatchMarks();
    expect(await marks.firstSentAt('s', 'm', at('2026-03-02T00:00:00Z'))).toBe('2026-03-02T00:00:00.000Z');
    expect(await marks.firstSentAt('s', 'm', at('2026-03-03T00:00:00Z'))).toBe('2026-03-02T00:00:00.000Z');
  });
});
