import type { Dossier } from '../dossier/dossier.ts';
import { RuleViolation } from '../rule-violation.ts';
import { formatVnd } from '../money.ts';
import { assessFee, type FeeFacts, officialAmount } from './fee.ts';
import { type FeeRule, feeRuleOf, type FlatFee } from './rule.ts';

type DossierFee = NonNullable<Dossier['fee']>;

/** The fee a dossier carries from its filing: assessed from the procedure's rule and the filing's facts. */
export function dossierFee(stored: FeeRule | FlatFee | null, facts: FeeFacts = {}): Dossier['fee'] {
  if (!stored) return null;
  const rule = feeRuleOf(stored);
  const assessment = assessFee(rule, facts);
  if (assessment.kind === 'to-be-set') {
    return { amount: 0, due: rule.due, paid: false, range: { min: assessment.min, max: assessment.max } };
  }
  return {
    amount: assessment.amount,
    due: rule.due,
    paid: false,
    detail: assessment.detail,
    ...(assessment.exemption ? { exemption: assessment.exemption } : {}),
  };
}

/** Whether the fee still has to be paid (or set, then paid): not for an exempt or a paid one. */
export const feeOutstanding = (fee: Dossier['fee']): boolean => fee !== null && !fee.paid && !fee.exemption;

/** A range fee the official has not set yet: it cannot be paid before. */
export const feeAwaitsAmount = (fee: Dossier['fee']): boolean => !!fee?.range && !fee.range.setAt;

/**
 * The official sets a range fee's amount for this dossier (within the schedule), or confirms an
 * amount already reached: the fee the applicant is then asked to pay.
 */
export function feeRequested(fee: DossierFee, amount: number | undefined, by: string, at: string): DossierFee {
  if (fee.exemption) {
    throw new RuleViolation('invalid', 'fee-exempt', `Hồ sơ được miễn phí, lệ phí (${fee.exemption.label}).`);
  }
  if (!fee.range) {
    if (amount !== undefined && amount !== fee.amount) {
      throw new RuleViolation(
        'invalid',
        'fee-not-adjustable',
        `Mức thu của thủ tục này được tính theo biểu phí (${formatVnd(fee.amount)}); cán bộ không ấn định lại.`,
      );
    }
    return fee;
  }
  if (amount === undefined) {
    throw new RuleViolation(
      'invalid',
      'fee-amount-required',
      `Cần ấn định mức thu trong khoảng ${formatVnd(fee.range.min)} đến ${formatVnd(fee.range.max)} trước khi yêu cầu nộp.`,
      { min: fee.range.min, max: fee.range.max },
    );
  }
  const set = officialAmount(fee.range, amount);
  return {
    ...fee,
    amount: set,
    detail: `Mức thu do cán bộ ấn định: ${formatVnd(set)}`,
    range: { ...fee.range, setBy: by, setAt: at },
  };
}
