import { describe, expect, it } from 'vitest';
import type { PlatformTransaction } from '../../../../shared/domain/payments/reconciliation.ts';
import { getReconciliation } from '../../../../shared/use-cases/payments/get-reconciliation.ts';
import { previousVnDate, reconcilePayments } from '../../../../shared/use-cases/payments/reconcile-payments.ts';
import { fakePaymentRepository } from '../../../support/fakes/payment-repository.ts';
import { fee, pendingPayment } from './world.ts';

const date = '2026-03-02';
const ranAt = new Date('2026-03-03T01:00:00+07:00');
const tx = (paymentId: string, over: Partial<PlatformTransaction> = {}): PlatformTransaction => ({
  transactionId: `TX-${paymentId}`,
  paymentId,
  amount: fee,
  currency: 'VND',
  status: 'success',
  ...over,
});
const settled = { transactionId: 'TX', settledAt: '2026-03-02T05:00:00.000Z' };

function world(theirs: PlatformTransaction[]) {
  const payments = fakePaymentRepository([
    pendingPayment({ id: 'PAY-ok', status: 'paid', ...settled }),
    pendingPayment({ id: 'PAY-failed', status: 'failed', ...settled }),
    pendingPayment({ id: 'PAY-missing', status: 'paid', ...settled }),
    pendingPayment({ id: 'PAY-waiting' }),
    pendingPayment({ id: 'PAY-other-day', status: 'paid', ...settled, day: '2026-03-01' }),
  ]);
  const asked: { date: string }[] = [];
  const reconcile = reconcilePayments({
    payments,
    platform: async (_path, body) => {
      asked.push(body);
      return { transactions: theirs };
    },
    now: () => ranAt,
  });
  return { payments, asked, reconcile };
}

describe('the nightly reconciliation of payments', () => {
  it('reconciles the local day before a run after midnight', () => {
    // 00:30 on 3 March in Vietnam is 17:30 UTC on 2 March: the day reconciled is 2 March.
    expect(previousVnDate(new Date('2026-03-03T00:30:00+07:00'))).toBe('2026-03-02');
  });

  it('compares the day’s payments with the platform’s transactions and stores the differences', async () => {
    const { payments, asked, reconcile } = world([
      tx('PAY-ok'),
      tx('PAY-failed', { status: 'success' }),
      tx('PAY-unknown', { amount: 10_000 }),
    ]);
    const result = await reconcile(date);
    expect(asked).toEqual([{ date }]);
    expect(result.counts).toEqual({ ours: 4, theirs: 3, matched: 1, differences: 3 });
    expect(result.differences).toEqual(
      expect.arrayContaining([
        {
          kind: 'status-differs',
          paymentId: 'PAY-failed',
          transactionId: 'TX-PAY-failed',
          ours: 'failed',
          theirs: 'success',
        },
        { kind: 'theirs-not-ours', paymentId: 'PAY-unknown', transactionId: 'TX-PAY-unknown', amount: 10_000 },
        { kind: 'ours-not-theirs', paymentId: 'PAY-missing', status: 'paid', amount: fee },
      ]),
    );
    // A payment still pending is not expected at the platform yet.
    expect(result.differences.map((d) => d.paymentId)).not.toContain('PAY-waiting');
    expect(await payments.getReconciliation(date)).toEqual({ ...result, ranAt: ranAt.toISOString() });
  });

  it('reports an amount that differs', async () => {
    const { reconcile } = world([
      tx('PAY-ok', { amount: fee - 1000 }),
      tx('PAY-failed', { status: 'failed' }),
      tx('PAY-missing'),
    ]);
    const result = await reconcile(date);
    expect(result.differences).toEqual([
      { kind: 'amount-differs', paymentId: 'PAY-ok', transactionId: 'TX-PAY-ok', ours: fee, theirs: fee - 1000 },
    ]);
    expect(result.counts.matched).toBe(2);
  });

  it('replaces the stored result with the same facts when run again', async () => {
    const { payments, reconcile } = world([tx('PAY-ok')]);
    const first = await reconcile(date);
    const second = await reconcile(date);
    expect(second).toEqual(first);
    expect(await payments.getReconciliation(date)).toEqual({ ...first, ranAt: ranAt.toISOString() });
  });

  it('is read back once it ran, and not found before', async () => {
    const { payments, reconcile } = world([]);
    const read = getReconciliation(payments);
    await expect(read(date)).rejects.toMatchObject({
      kind: 'not-found',
      code: 'not-found',
      message: 'Chưa có kết quả đối soát thanh toán ngày 2026-03-02.',
    });
    const result = await reconcile(date);
    expect(await read(date)).toEqual({ ...result, ranAt: ranAt.toISOString() });
  });
});
