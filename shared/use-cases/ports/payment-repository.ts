import type { Payment, PaymentStatus } from '../../domain/payments/payment.ts';
import type { Reconciliation } from '../../domain/payments/reconciliation.ts';

/** How the platform settled a pending payment: its transaction and what it says was paid. */
export interface PaymentSettlement {
  status: Exclude<PaymentStatus, 'pending'>;
  transactionId: string;
  received: Payment['received'];
  at: Date;
}

/** A day's reconciliation as stored, with the instant it ran. */
export type StoredReconciliation = Reconciliation & { ranAt: string };

/**
 * Online payments, found by the id the platform echoes; each dossier has at most one pending payment
 * (a pointer claimed before the payment is offered); each local day's payments are listed for the
 * reconciliation.
 */
export interface PaymentRepository {
  /** Undefined when absent. Strongly consistent. */
  get(id: string): Promise<Payment | undefined>;

  /** Writes a new payment; fails when one with its id exists. */
  create(payment: Payment): Promise<void>;

  /** Drops a payment that lost the race to be the dossier's pending one (never shown to anyone); only while pending. */
  discard(id: string): Promise<void>;

  /** The id of the dossier's pending payment, if one was claimed. */
  pendingOf(code: string): Promise<string | undefined>;

  /** Makes `id` the dossier's pending payment; false when another one already is. */
  claimPending(code: string, id: string): Promise<boolean>;

  /** Frees the dossier for a new payment once `id` is settled (no-op if another one holds it). */
  releasePending(code: string, id: string): Promise<void>;

  /**
   * Settles a pending payment with the platform's transaction, once: undefined when it was no longer
   * pending (another delivery settled it first). It then counts in the day of its settlement.
   */
  settle(id: string, outcome: PaymentSettlement): Promise<Payment | undefined>;

  /** Payments requested (still pending) or settled on a local date (`yyyy-mm-dd`). */
  ofDay(date: string): Promise<Payment[]>;

  /** Stores a day's reconciliation; a re-run replaces it with the same facts. */
  putReconciliation(reconciliation: StoredReconciliation): Promise<void>;

  /** The day's reconciliation; undefined until one ran. */
  getReconciliation(date: string): Promise<StoredReconciliation | undefined>;
}
