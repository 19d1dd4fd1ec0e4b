/**
 * Fees paid online through the national payment platform: what a payment is, when a dossier may be
 * paid, and how the platform's report of a transaction is judged. Pure: ids and instants are passed in.
 */
import type { Dossier } from '../dossier/dossier.ts';
import { finalStatuses } from '../dossier/transitions.ts';
import { feeAwaitsAmount } from '../fees/dossier-fee.ts';
import { RuleViolation } from '../rule-violation.ts';

export const paymentCurrency = 'VND';

export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'mismatch';

export interface Payment {
  id: string;
  dossierCode: string;
  /** The dossier's applicant: only they may see or request it. */
  applicantId: string;
  /** What the dossier's fee asked for, never what a client said. */
  amount: number;
  currency: typeof paymentCurrency;
  status: PaymentStatus;
  /** The platform's reference of the payment request, and where the applicant pays. */
  platformRef: string;
  payUrl: string;
  createdAt: string;
  /** Local date (`yyyy-mm-dd`) of the request: the reconciliation's day. */
  day: string;
  /** Once the platform reported it: its transaction, and what it says was paid. */
  transactionId?: string;
  received?: { amount: number; currency: string };
  settledAt?: string;
}

/** The platform's report of one transaction (its callback body). */
export interface TransactionReport {
  transactionId: string;
  paymentId: string;
  status: 'success' | 'failed';
  amount: number;
  currency: string;
}

/** Why a dossier cannot be paid online now (a stable code and the Vietnamese sentence), or undefined when it can. */
export function unpayable(dossier: Pick<Dossier, 'fee' | 'status'>): { code: string; message: string } | undefined {
  if (dossier.fee?.exemption) {
    return { code: 'fee-exempt', message: `Hồ sơ được miễn phí, lệ phí (${dossier.fee.exemption.label}).` };
  }
  if (feeAwaitsAmount(dossier.fee ?? null)) {
    return { code: 'fee-not-set', message: 'Cán bộ giải quyết chưa ấn định mức phí, lệ phí của hồ sơ này.' };
  }
  if (!dossier.fee || dossier.fee.amount <= 0) {
    return { code: 'no-fee', message: 'Thủ tục của hồ sơ này không thu phí, lệ phí.' };
  }
  if (dossier.fee.paid) return { code: 'fee-already-paid', message: 'Phí, lệ phí của hồ sơ này đã được nộp.' };
  if (finalStatuses.includes(dossier.status)) {
    return { code: 'dossier-closed', message: 'Hồ sơ đã kết thúc: không thể nộp phí, lệ phí trực tuyến.' };
  }
  return undefined;
}

/** The fee a dossier may be paid online now; refuses (Vietnamese) when there is nothing to pay. */
export function payableFee(dossier: Pick<Dossier, 'fee' | 'status'>): { amount: number } {
  const reason = unpayable(dossier);
  if (reason) throw new RuleViolation('invalid', reason.code, reason.message);
  // unpayable() has made sure there is a fee.
  return { amount: dossier.fee?.amount ?? 0 };
}

/**
 * What a pending payment becomes from the platform's report: a failure fails it; a success is paid
 * only when amount and currency are exactly what was asked — anything else is a mismatch, never accepted.
 */
export function judgeReport(
  payment: Pick<Payment, 'amount' | 'currency'>,
  report: TransactionReport,
): Exclude<PaymentStatus, 'pending'> {
  if (report.status === 'failed') return 'failed';
  return report.amount === payment.amount && report.currency === payment.currency ? 'paid' : 'mismatch';
}
