import * as z from 'zod/mini';
import type { PaymentRepository } from '../ports/payment-repository.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';

export const ReconciliationParams = z.strictObject({
  date: z.iso.date('Ngày phải có dạng yyyy-mm-dd'),
});

/** A day's stored reconciliation with the payment platform (ids and amounts only). */
export function getReconciliation(payments: PaymentRepository) {
  return async (date: string) => {
    const reconciliation = await payments.getReconciliation(date);
    if (!reconciliation) {
      throw new RuleViolation('not-found', 'not-found', `Chưa có kết quả đối soát thanh toán ngày ${date}.`);
    }
    return reconciliation;
  };
}
