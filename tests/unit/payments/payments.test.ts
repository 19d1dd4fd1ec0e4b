import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { factOf } from '../../../shared/domain/indicators/fact.ts';
import { flagPayment, recordOnlinePayment } from '../../../shared/domain/payments/paid-online.ts';
import { judgeReport, payableFee } from '../../../shared/domain/payments/payment.ts';
import { reconcile } from '../../../shared/domain/payments/reconciliation.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import { submittedPermit } from '../lifecycle/fixtures.ts';

const at = new Date('2026-03-03T10:00:00+07:00');
const withStatus = (status: Dossier['status']): Dossier => ({ ...submittedPermit(), status });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof RuleViolation ? error.code : 'other';
  }
  return undefined;
};

describe('what may be paid online', () => {
  it("pays the dossier's own fee, and refuses no fee, a paid fee and a closed dossier", () => {
    expect(payableFee(withStatus('processing'))).toEqual({ amount: 150_000 });
    expect(codeOf(() => payableFee({ ...withStatus('processing'), fee: null }))).toBe('no-fee');
    const paid = withStatus('processing');
    expect(
      codeOf(() => payableFee({ ...paid, fee: { ...(paid.fee as NonNullable<Dossier['fee']>), paid: true } })),
    ).toBe('fee-already-paid');
    for (const status of ['refused', 'withdrawn', 'stopped', 'returned'] as const) {
      expect(codeOf(() => payableFee(withStatus(status)))).toBe('dossier-closed');
    }
  });

  it('accepts a success only for the exact amount and currency', () => {
    const payment = { amount: 150_000, currency: 'VND' as const };
    const report = { transactionId: 't', paymentId: 'p', status: 'success' as const, amount: 150_000, currency: 'VND' };
    expect(judgeReport(payment, report)).toBe('paid');
    expect(judgeReport(payment, { ...report, amount: 149_999 })).toBe('mismatch');
    expect(judgeReport(payment, { ...report, currency: 'USD' })).toBe('mismatch');
    expect(judgeReport(payment, { ...report, status: 'failed', amount: 0 })).toBe('failed');
  });
});

describe('recording a payment on the dossier', () => {
  it('releases status 6 back to processing, once, and the indicators count it as paid online', () => {
    const awaiting = withStatus('awaiting-fees');
    const decision = recordOnlinePayment(awaiting, { id: 'PAY-1', amount: 150_000 }, at);
    expect(decision?.dossier).toMatchObject({
      status: 'processing',
      version: awaiting.version + 1,
      fee: { paid: true, paidOnline: true, paymentId: 'PAY-1' },
    });
    expect(decision?.dossier.timeline.at(-1)?.note).toContain('150.000 đồng');
    expect(decision?.events).toEqual([
      expect.objectContaining({
        type: 'DossierChanged',
        data: expect.objectContaining({ action: 'payment-received', from: 'awaiting-fees', to: 'processing' }),
      }),
    ]);
    expect(recordOnlinePayment(decision?.dossier as Dossier, { id: 'PAY-1', amount: 150_000 }, at)).toBeUndefined();
    const procedure = { name: 'x', field: 'y', serviceLevel: 'fully-online' as const };
    expect(factOf(awaiting, procedure).paidOnline).toBe(false);
    expect(factOf(decision?.dossier as Dossier, procedure).paidOnline).toBe(true);
  });

  it('keeps the status when not awaiting fees, still telling the others (from = to)', () => {
    const decision = recordOnlinePayment(withStatus('decided'), { id: 'PAY-2', amount: 150_000 }, at);
    expect(decision?.dossier.status).toBe('decided');
    expect(decision?.events[0]?.data).toMatchObject({ action: 'payment-received', from: 'decided', to: 'decided' });
  });

  it('flags a mismatch once, unpaid, with the details for officials only', () => {
    const flag = {
      code: 'amount-mismatch' as const,
      paymentId: 'PAY-3',
      transactionId: 'TX-3',
      expected: { amount: 150_000, currency: 'VND' },
      received: { amount: 15_000, currency: 'VND' },
    };
    const decision = flagPayment(withStatus('processing'), flag, at);
    expect(decision?.dossier.fee).toMatchObject({ paid: false, flag: { code: 'amount-mismatch', paymentId: 'PAY-3' } });
    expect(decision?.events).toEqual([]);
    const entry = decision?.dossier.timeline.at(-1);
    expect(entry?.internalNote).toContain('15.000 đồng');
    expect(entry?.note).not.toContain('15.000');
    expect(flagPayment(decision?.dossier as Dossier, flag, at)).toBeUndefined();
  });

  it('flags a success on a fee already paid another way, for a refund, without paying anything', () => {
    const paid = withStatus('processing');
    const dossier = { ...paid, fee: { ...(paid.fee as NonNullable<Dossier['fee']>), paid: true } };
    expect(recordOnlinePayment(dossier, { id: 'PAY-4', amount: 150_000 }, at)).toBeUndefined();
    const amount = { amount: 150_000, currency: 'VND' };
    const flag = {
      code: 'already-paid' as const,
      paymentId: 'PAY-4',
      transactionId: 'TX-4',
      expected: amount,
      received: amount,
    };
    const decision = flagPayment(dossier, flag, at);
    expect(decision?.dossier.fee).toMatchObject({ paid: true, flag: { code: 'already-paid', paymentId: 'PAY-4' } });
    expect(decision?.dossier.fee?.paidOnline).toBeUndefined();
    expect(decision?.dossier.timeline.at(-1)?.internalNote).toContain('hoàn trả');
  });
});

describe('reconciling a day', () => {
  it('reports theirs not ours, ours not theirs, amount and status differences; pending ones are not missing', () => {
    const result = reconcile(
      '2026-03-03',
      [
        { id: 'A', amount: 10, status: 'paid' },
        { id: 'B', amount: 20, status: 'paid' },
        { id: 'C', amount: 30, status: 'failed' },
        { id: 'D', amount: 40, status: 'paid' },
        { id: 'E', amount: 50, status: 'pending' },
      ],
      [
        { transactionId: 'ta', paymentId: 'A', amount: 10, currency: 'VND', status: 'success' },
        { transactionId: 'tb', paymentId: 'B', amount: 25, currency: 'VND', status: 'success' },
        { transactionId: 'tc', paymentId: 'C', amount: 30, currency: 'VND', status: 'success' },
        { transactionId: 'tx', paymentId: 'X', amount: 70, currency: 'VND', status: 'success' },
      ],
    );
    expect(result.counts).toEqual({ ours: 5, theirs: 4, matched: 1, differences: 4 });
    expect(result.differences).toEqual([
      { kind: 'amount-differs', paymentId: 'B', transactionId: 'tb', ours: 20, theirs: 25 },
      { kind: 'status-differs', paymentId: 'C', transactionId: 'tc', ours: 'failed', theirs: 'success' },
      { kind: 'theirs-not-ours', paymentId: 'X', transactionId: 'tx', amount: 70 },
      { kind: 'ours-not-theirs', paymentId: 'D', status: 'paid', amount: 40 },
    ]);
  });
});
