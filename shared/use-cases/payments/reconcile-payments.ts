import type { PaymentRepository } from '../ports/payment-repository.ts';
import { type PlatformTransaction, type Reconciliation, reconcile } from '../../domain/payments/reconciliation.ts';
import { toVnDate } from '../../domain/time.ts';

export type ListTransactions = (
  path: '/transactions',
  body: { date: string },
) => Promise<{ transactions: PlatformTransaction[] }>;

export interface ReconcilePaymentsDeps {
  payments: PaymentRepository;
  platform: ListTransactions;
  now: () => Date;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The local date before `at`'s: what a run after midnight reconciles. */
export const previousVnDate = (at: Date): string => toVnDate(new Date(at.getTime() - dayMs));

/**
 * Compares the platform's transactions of a local date with our payments of that date and stores the
 * differences. A re-run for the same date recomputes and replaces the stored result: idempotent.
 */
export function reconcilePayments(deps: ReconcilePaymentsDeps) {
  return async (date: string): Promise<Reconciliation> => {
    const [ours, theirs] = await Promise.all([
      deps.payments.ofDay(date),
      deps.platform('/transactions', { date }).then((r) => r.transactions),
    ]);
    const result = reconcile(date, ours, theirs);
    await deps.payments.putReconciliation({ ...result, ranAt: deps.now().toISOString() });
    return result;
  };
}
