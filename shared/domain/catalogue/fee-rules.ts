import type { FeeRule } from '../fees/rule.ts';
import type { ProcedureRuleError } from './validation.ts';

/**
 * The rules a fee must follow beyond its schema, each named by its field:
 * - an amount charged is more than 0 (a free procedure has no fee: `fee: null`);
 * - page tiers start at page 1 and go up, one tier per starting page;
 * - a range has a minimum below its maximum (equal ends are a fixed fee);
 * - exemption grounds have distinct codes.
 */
export function feeRuleErrors(fee: FeeRule | null): ProcedureRuleError[] {
  if (!fee) return [];
  const errors: ProcedureRuleError[] = [];
  const positive = (field: string, amount: number) => {
    if (amount <= 0)
      errors.push({ field, message: 'Mức thu phải lớn hơn 0; thủ tục không thu phí thì để fee là null.' });
  };
  const { schedule } = fee;
  switch (schedule.kind) {
    case 'fixed':
      positive('fee.schedule.amount', schedule.amount);
      break;
    case 'per-copy':
      positive('fee.schedule.amount', schedule.amount);
      if (schedule.cap !== undefined && schedule.cap < schedule.amount) {
        errors.push({ field: 'fee.schedule.cap', message: 'Mức tối đa không được nhỏ hơn mức thu một bản.' });
      }
      break;
    case 'per-page':
      schedule.tiers.forEach((tier, index) => {
        positive(`fee.schedule.tiers.${index}.amount`, tier.amount);
        const previous = schedule.tiers[index - 1];
        if (index === 0 && tier.fromPage !== 1) {
          errors.push({ field: 'fee.schedule.tiers.0.fromPage', message: 'Bậc đầu tiên tính từ trang 1.' });
        }
        if (previous && tier.fromPage <= previous.fromPage) {
          errors.push({
            field: `fee.schedule.tiers.${index}.fromPage`,
            message: 'Các bậc xếp theo trang bắt đầu tăng dần, mỗi bậc một trang bắt đầu.',
          });
        }
      });
      if (schedule.capPerCopy !== undefined) positive('fee.schedule.capPerCopy', schedule.capPerCopy);
      break;
    case 'range':
      if (schedule.min >= schedule.max) {
        errors.push({
          field: 'fee.schedule.max',
          message: 'Mức tối đa phải lớn hơn mức tối thiểu (mức thu cố định thì dùng kind fixed).',
        });
      }
      break;
  }
  const seen = new Set<string>();
  (fee.exemptions ?? []).forEach((exemption, index) => {
    if (seen.has(exemption.code)) {
      errors.push({ field: `fee.exemptions.${index}.code`, message: 'Trùng mã với một trường hợp miễn khác.' });
    }
    seen.add(exemption.code);
  });
  return errors;
}
