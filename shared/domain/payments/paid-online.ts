import type { Decision, Dossier, PaymentFlag } from '../dossier/dossier.ts';
import { dossierChanged } from '../dossier/lifecycle-events.ts';
import { toVnIso } from '../time.ts';
import { type Amount, formatAmount, formatVnd } from '../money.ts';
import type { Payment } from './payment.ts';

const system = { sub: 'system', role: 'system' } as const;

/**
 * Records on the dossier that its fee was paid online: `fee.paid` and `fee.paidOnline`, a timeline
 * entry for the applicant, and a `DossierChanged` (`payment-received`) so notifications, indicators and
 * the portal sync follow. A dossier awaiting fees (status 6) goes back to processing; otherwise the
 * status stays (from = to). Undefined when the fee is already paid: by this payment (a redelivered
 * callback) or another way (the caller flags the payment `already-paid` then, see {@link flagPayment}).
 */
export function recordOnlinePayment(
  dossier: Dossier,
  payment: Pick<Payment, 'id' | 'amount'>,
  at: Date,
): Decision | undefined {
  if (!dossier.fee || dossier.fee.paid) return undefined;
  const to = dossier.status === 'awaiting-fees' ? 'processing' : dossier.status;
  const next: Dossier = {
    ...dossier,
    version: dossier.version + 1,
    status: to,
    fee: { ...dossier.fee, paid: true, paidOnline: true, paymentId: payment.id },
    timeline: [
      ...dossier.timeline,
      {
        at: toVnIso(at),
        actor: system,
        action: 'payment-received',
        from: dossier.status,
        to,
        agencyId: dossier.agencyId,
        note:
          `Đã nhận thanh toán trực tuyến phí, lệ phí: ${formatVnd(payment.amount)}. ` +
          'Biên lai điện tử có trong danh sách tài liệu của hồ sơ.',
      },
    ],
  };
  return { dossier: next, events: [dossierChanged(next, 'payment-received', dossier.status)] };
}

/**
 * Flags a payment the platform reported that the dossier cannot accept (amount or currency differs
 * from the fee, or the fee was already paid): nothing is marked paid by it, officials see `fee.flag`
 * and an internal note with the amounts. Once per payment.
 */
export function flagPayment(
  dossier: Dossier,
  flag: { code: PaymentFlag['code']; paymentId: string; transactionId: string; expected: Amount; received: Amount },
  at: Date,
): Decision | undefined {
  if (!dossier.fee || dossier.fee.flag?.paymentId === flag.paymentId) return undefined;
  const next: Dossier = {
    ...dossier,
    version: dossier.version + 1,
    fee: { ...dossier.fee, flag: { ...flag, at: at.toISOString() } },
    timeline: [
      ...dossier.timeline,
      {
        at: toVnIso(at),
        actor: system,
        action: 'payment-flagged',
        from: dossier.status,
        to: dossier.status,
        agencyId: dossier.agencyId,
        note: flagNotes[flag.code],
        internalNote:
          `Giao dịch ${flag.transactionId} (thanh toán ${flag.paymentId}): nhận ${formatAmount(flag.received)}, ` +
          `phải nộp ${formatAmount(flag.expected)}. ${flagActions[flag.code]}`,
      },
    ],
  };
  return { dossier: next, events: [] };
}

const flagNotes: Record<PaymentFlag['code'], string> = {
  'amount-mismatch':
    'Giao dịch thanh toán trực tuyến chưa được chấp nhận vì số tiền không khớp; cơ quan giải quyết sẽ kiểm tra.',
  'already-paid':
    'Phí, lệ phí của hồ sơ đã được nộp trước đó; khoản thanh toán trực tuyến này sẽ được cơ quan giải quyết kiểm tra để hoàn trả.',
};

const flagActions: Record<PaymentFlag['code'], string> = {
  'amount-mismatch': 'Cần đối soát và hoàn trả hoặc thu bổ sung.',
  'already-paid': 'Phí đã nộp bằng hình thức khác: cần hoàn trả khoản này.',
};
