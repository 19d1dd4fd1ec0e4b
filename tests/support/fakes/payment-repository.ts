import type { Payment } from '../../../shared/domain/payments/payment.ts';
import { toVnDate } from '../../../shared/domain/time.ts';
import type { PaymentRepository, StoredReconciliation } from '../../../shared/use-cases/ports/payment-repository.ts';
import { ConditionalCheckFailed } from './dossier-repository.ts';
import { copy } from './page.ts';

/**
 * Payments in memory, as dynamo/payment-repository.ts keeps them: `create` fails on an id ever used,
 * `discard` only while pending (a conditional delete otherwise fails), `claimPending` is a put-if-absent
 * of the dossier's pointer and `releasePending` deletes it only when it names this payment; `settle`
 * answers undefined unless the payment is still pending, and moves it to the day of its settlement.
 */
export function fakePaymentRepository(initial: readonly Payment[] = []): PaymentRepository {
  const payments = new Map<string, Payment>(initial.map((p) => [p.id, copy(p)]));
  const pending = new Map<string, string>();
  const reconciliations = new Map<string, StoredReconciliation>();

  return {
    async get(id) {
      const payment = payments.get(id);
      return payment && copy(payment);
    },
    async create(payment) {
      if (payments.has(payment.id)) throw new ConditionalCheckFailed();
      payments.set(payment.id, copy(payment));
    },
    async discard(id) {
      if (payments.get(id)?.status !== 'pending') throw new ConditionalCheckFailed();
      payments.delete(id);
    },
    async pendingOf(code) {
      return pending.get(code);
    },
    async claimPending(code, id) {
      if (pending.has(code)) return false;
      pending.set(code, id);
      return true;
    },
    async releasePending(code, id) {
      if (pending.get(code) === id) pending.delete(code);
    },
    async settle(id, outcome) {
      const payment = payments.get(id);
      if (payment?.status !== 'pending') return undefined;
      const settled: Payment = {
        ...payment,
        status: outcome.status,
        transactionId: outcome.transactionId,
        received: copy(outcome.received),
        settledAt: outcome.at.toISOString(),
        day: toVnDate(outcome.at),
      };
      payments.set(id, settled);
      return copy(settled);
    },
    async ofDay(date) {
      return [...payments.values()].filter((p) => p.day === date).map(copy);
    },
    async putReconciliation(reconciliation) {
      reconciliations.set(reconciliation.date, copy(reconciliation));
    },
    async getReconciliation(date) {
      const reconciliation = reconciliations.get(date);
      return reconciliation && copy(reconciliation);
    },
  };
}
