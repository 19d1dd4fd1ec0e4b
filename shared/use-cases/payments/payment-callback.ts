import * as z from 'zod/mini';
import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { DocumentRepository } from '../ports/document-repository.ts';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { PaymentRepository } from '../ports/payment-repository.ts';
import { receiptTitle, renderReceipt } from '../../documents/receipt.ts';
import { keepGeneratedPdf } from '../documents/keep-generated-pdf.ts';
import type { PaymentFlag } from '../../domain/dossier/dossier.ts';
import { flagPayment, recordOnlinePayment } from '../../domain/payments/paid-online.ts';
import { judgeReport, type Payment } from '../../domain/payments/payment.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { changeDossier } from '../change-dossier.ts';

/** The platform's report of one transaction. */
export const TransactionReportBody = z.object({
  transactionId: z.string().check(z.minLength(1), z.maxLength(100)),
  paymentId: z.string().check(z.minLength(1), z.maxLength(100)),
  status: z.enum(['success', 'failed']),
  amount: z.number().check(z.int(), z.minimum(0)),
  currency: z.string().check(z.minLength(3), z.maxLength(3)),
});

export interface PaymentCallbackDeps {
  dossiers: DossierRepository;
  payments: PaymentRepository;
  documents: DocumentRepository;
  agencies: AgencyRepository;
  store: DocumentStore;
  publicUrl: string;
  now: () => Date;
}

export type CallbackOutcome = Payment['status'] | 'ignored';

export const receiptId = (paymentId: string) => `receipt-${paymentId}`;
export const receiptKey = (code: string, paymentId: string) => `dossiers/${code}/receipts/${paymentId}.pdf`;

/**
 * The platform reports a transaction. The payment is settled once, by the platform's transaction id:
 * a redelivery (a fresh signature, the same transaction) finds it settled and only finishes what a
 * crashed delivery may have left (the dossier's record, the receipt), which are idempotent themselves.
 * A success whose amount or currency differs is a mismatch: flagged on the dossier, never accepted.
 */
export function paymentCallback(deps: PaymentCallbackDeps) {
  return async (
    report: z.infer<typeof TransactionReportBody>,
  ): Promise<{ outcome: CallbackOutcome; paymentId: string }> => {
    const payment = await deps.payments.get(report.paymentId);
    if (!payment) throw new RuleViolation('not-found', 'payment-not-found', 'Không tìm thấy yêu cầu thanh toán.');
    let settled: Payment | undefined = payment;
    if (payment.status === 'pending') {
      settled = await deps.payments.settle(payment.id, {
        status: judgeReport(payment, report),
        transactionId: report.transactionId,
        received: { amount: report.amount, currency: report.currency },
        at: deps.now(),
      });
      // Another delivery settled it between our read and write: go on with what it stored.
      settled ??= await deps.payments.get(payment.id);
    }
    if (!settled || settled.transactionId !== report.transactionId) {
      // Another transaction for a payment already settled: the reconciliation reports it, nothing changes here.
      return { outcome: 'ignored', paymentId: payment.id };
    }
    await follow(settled);
    return { outcome: settled.status, paymentId: settled.id };
  };

  async function follow(payment: Payment): Promise<void> {
    const at = new Date(payment.settledAt ?? deps.now());
    const flag = (code: PaymentFlag['code']) => ({
      code,
      paymentId: payment.id,
      transactionId: payment.transactionId ?? '',
      expected: { amount: payment.amount, currency: payment.currency },
      received: payment.received ?? { amount: 0, currency: payment.currency },
    });
    if (payment.status === 'paid') {
      let accepted = false;
      await changeDossier(deps, payment.dossierCode, ({ dossier }) => {
        // Unpaid, or paid by this very payment (a redelivery): accepted. Paid meanwhile another way
        // (at the counter): this money is to be refunded.
        accepted = !dossier.fee?.paid || dossier.fee.paymentId === payment.id;
        return accepted ? recordOnlinePayment(dossier, payment, at) : flagPayment(dossier, flag('already-paid'), at);
      });
      if (accepted) await issueReceipt(payment, at);
    } else if (payment.status === 'mismatch') {
      await changeDossier(deps, payment.dossierCode, ({ dossier }) =>
        flagPayment(dossier, flag('amount-mismatch'), at),
      );
    }
    await deps.payments.releasePending(payment.dossierCode, payment.id);
  }

  /** Renders, stores and lists the receipt once: its id derives from the payment. */
  async function issueReceipt(payment: Payment, paidAt: Date): Promise<void> {
    const id = receiptId(payment.id);
    if (await deps.documents.get(payment.dossierCode, id)) return;
    const stored = await deps.dossiers.get(payment.dossierCode);
    if (!stored) throw new Error(`Dossier ${payment.dossierCode} not found`);
    const { dossier } = stored;
    const agency = await deps.agencies.get(dossier.competentAgencyId);
    const bytes = await renderReceipt({
      dossier,
      payment,
      agencyName: agency?.name ?? dossier.competentAgencyId,
      publicUrl: deps.publicUrl,
      paidAt,
    });
    await keepGeneratedPdf(deps, {
      id,
      dossierCode: dossier.code,
      kind: 'receipt',
      name: receiptTitle.charAt(0) + receiptTitle.slice(1).toLocaleLowerCase('vi-VN'),
      key: receiptKey(dossier.code, payment.id),
      bytes,
      at: paidAt.toISOString(),
    });
  }
}
