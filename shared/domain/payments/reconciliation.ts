/**
 * The nightly reconciliation: the platform's transactions of a day against our payments of that day.
 * Pure: both lists are passed in; the result holds ids and amounts only, never personal data.
 */
import type { Payment, PaymentStatus } from './payment.ts';

/** A transaction as the platform lists it. */
export interface PlatformTransaction {
  transactionId: string;
  paymentId: string;
  amount: number;
  currency: string;
  status: 'success' | 'failed';
}

export type Difference =
  | { kind: 'theirs-not-ours'; paymentId: string; transactionId: string; amount: number }
  | { kind: 'ours-not-theirs'; paymentId: string; status: PaymentStatus; amount: number }
  | { kind: 'amount-differs'; paymentId: string; transactionId: string; ours: number; theirs: number }
  | { kind: 'status-differs'; paymentId: string; transactionId: string; ours: PaymentStatus; theirs: string };

export interface Reconciliation {
  /** Local date (`yyyy-mm-dd`) reconciled. */
  date: string;
  counts: { ours: number; theirs: number; matched: number; differences: number };
  differences: Difference[];
}

/** What our payment's status says the platform should list for it. */
const expectedTheirs: Partial<Record<PaymentStatus, PlatformTransaction['status']>> = {
  paid: 'success',
  mismatch: 'success',
  failed: 'failed',
};

export function reconcile(
  date: string,
  ours: readonly Pick<Payment, 'id' | 'amount' | 'status'>[],
  theirs: readonly PlatformTransaction[],
): Reconciliation {
  const byId = new Map(ours.map((p) => [p.id, p]));
  const listed = new Set<string>();
  const differences: Difference[] = [];
  let matched = 0;
  for (const t of theirs) {
    const payment = byId.get(t.paymentId);
    if (!payment) {
      differences.push({
        kind: 'theirs-not-ours',
        paymentId: t.paymentId,
        transactionId: t.transactionId,
        amount: t.amount,
      });
      continue;
    }
    listed.add(payment.id);
    if (t.amount !== payment.amount) {
      differences.push({
        kind: 'amount-differs',
        paymentId: payment.id,
        transactionId: t.transactionId,
        ours: payment.amount,
        theirs: t.amount,
      });
    } else if (expectedTheirs[payment.status] !== t.status) {
      differences.push({
        kind: 'status-differs',
        paymentId: payment.id,
        transactionId: t.transactionId,
        ours: payment.status,
        theirs: t.status,
      });
    } else matched++;
  }
  // A payment still pending at the platform has no transaction yet: only settled ones must be listed.
  for (const p of ours) {
    if (!listed.has(p.id) && p.status !== 'pending') {
      differences.push({ kind: 'ours-not-theirs', paymentId: p.id, status: p.status, amount: p.amount });
    }
  }
  return {
    date,
    counts: { ours: ours.length, theirs: theirs.length, matched, differences: differences.length },
    differences,
  };
}
