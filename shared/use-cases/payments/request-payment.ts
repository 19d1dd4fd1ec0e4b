import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import type { PaymentRepository } from '../ports/payment-repository.ts';
import type { Caller } from '../../domain/caller.ts';
import { type Payment, payableFee, paymentCurrency } from '../../domain/payments/payment.ts';
import { isPortalReturnUrl } from '../../domain/payments/return-url.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { toVnDate } from '../../domain/time.ts';

/** The request's body; `publicUrl` is the deployment's own address (config PUBLIC_URL), where the portal is. */
export const paymentRequestBody = (publicUrl: string) =>
  z.strictObject({
    /** Where the platform sends the applicant back after paying: a page of this portal (return-url.ts). */
    returnUrl: z.optional(
      z.string().check(
        z.maxLength(2000),
        z.refine(
          (value) => isPortalReturnUrl(value, publicUrl),
          'Địa chỉ trở về phải là một trang của Cổng dịch vụ công này (https).',
        ),
      ),
    ),
  });
export type PaymentRequestBody = z.infer<ReturnType<typeof paymentRequestBody>>;

/** The platform's answer to a payment request. */
export interface PlatformPaymentRequest {
  reference: string;
  payUrl: string;
}

export type CallPlatform = (path: '/payment-requests', body: unknown) => Promise<PlatformPaymentRequest>;

export interface RequestPaymentDeps {
  dossiers: DossierRepository;
  payments: PaymentRepository;
  platform: CallPlatform;
  newId?: () => string;
  now: () => Date;
}

export interface PaymentView {
  paymentId: string;
  payUrl: string;
  amount: number;
  currency: string;
  status: Payment['status'];
}

const view = (p: Payment): PaymentView => ({
  paymentId: p.id,
  payUrl: p.payUrl,
  amount: p.amount,
  currency: p.currency,
  status: p.status,
});

const notFound = () => new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ.');

/**
 * The applicant asks to pay the dossier's fee online: the amount is the dossier's fee, never the
 * client's. While one payment is pending it is returned again (`created: false`) instead of a second
 * one; a settled one frees the dossier for a new request (after a failure, say).
 */
export function requestPayment(deps: RequestPaymentDeps) {
  const newId = deps.newId ?? (() => `PAY-${randomUUID()}`);
  return async (
    caller: Caller,
    code: string,
    body: PaymentRequestBody,
  ): Promise<{ created: boolean; payment: PaymentView }> => {
    const stored = await deps.dossiers.get(code);
    // Only the owner may pay; to anyone else the dossier does not exist.
    if (!stored || stored.dossier.applicantId !== caller.sub) throw notFound();
    const { dossier } = stored;
    const { amount } = payableFee(dossier);

    const existing = await pending(code);
    if (existing) return { created: false, payment: view(existing) };

    const id = newId();
    const now = deps.now();
    const reply = await deps.platform('/payment-requests', {
      paymentId: id,
      dossierCode: code,
      amount,
      currency: paymentCurrency,
      description: `Nộp phí, lệ phí hồ sơ ${code}`,
      ...(body.returnUrl ? { returnUrl: body.returnUrl } : {}),
    });
    const payment: Payment = {
      id,
      dossierCode: code,
      applicantId: dossier.applicantId,
      amount,
      currency: paymentCurrency,
      status: 'pending',
      platformRef: reply.reference,
      payUrl: reply.payUrl,
      createdAt: now.toISOString(),
      day: toVnDate(now),
    };
    await deps.payments.create(payment);
    if (await deps.payments.claimPending(code, id)) return { created: true, payment: view(payment) };
    // A concurrent request claimed the dossier first: drop ours, answer with theirs.
    await deps.payments.discard(id);
    const winner = await pending(code);
    if (!winner)
      throw new RuleViolation(
        'conflict',
        'payment-in-progress',
        'Yêu cầu thanh toán đang được xử lý; vui lòng thử lại.',
      );
    return { created: false, payment: view(winner) };
  };

  /** The dossier's payment still pending; a stale pointer to a settled one is released on the way. */
  async function pending(code: string): Promise<Payment | undefined> {
    const id = await deps.payments.pendingOf(code);
    if (!id) return undefined;
    const payment = await deps.payments.get(id);
    if (payment?.status === 'pending') return payment;
    await deps.payments.releasePending(code, id);
    return undefined;
  }
}
