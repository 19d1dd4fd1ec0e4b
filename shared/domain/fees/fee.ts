import { RuleViolation } from '../rule-violation.ts';
import type { FeeExemption, FeeRule, FeeSchedule, PageTier } from './rule.ts';
import { formatVnd } from '../money.ts';

/**
 * What the filing says that the amount depends on: the pages of the original (per-page fees), the
 * copies asked for (per-page and per-copy fees), the exemption ground claimed.
 */
export interface FeeFacts {
  pages?: number;
  copies?: number;
  exemption?: string;
}

/**
 * The outcome for one filing:
 * - `amount`: what is due (0 when `exemption` is set), with how it was reached;
 * - `to-be-set`: a range fee, set by the official within [min, max] before the applicant pays.
 */
export type FeeAssessment =
  | { kind: 'amount'; amount: number; detail: string; exemption?: Pick<FeeExemption, 'code' | 'label'> }
  | { kind: 'to-be-set'; min: number; max: number };

const refuse = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new RuleViolation('invalid', code, message, details);

/**
 * The price of one copy of `pages` pages: each page at the tier it falls in (the tier with the
 * greatest `fromPage` not after it), the sum capped at `capPerCopy`.
 */
export function perCopyByPages(tiers: readonly PageTier[], pages: number, capPerCopy?: number): number {
  const ordered = [...tiers].sort((a, b) => a.fromPage - b.fromPage);
  let sum = 0;
  ordered.forEach((tier, index) => {
    const until = index + 1 < ordered.length ? (ordered[index + 1] as PageTier).fromPage - 1 : pages;
    const count = Math.max(0, Math.min(until, pages) - tier.fromPage + 1);
    sum += count * tier.amount;
  });
  return capPerCopy === undefined ? sum : Math.min(sum, capPerCopy);
}

const wholeAtLeastOne = (value: number | undefined, fallback: number | undefined): number | undefined => {
  const n = value ?? fallback;
  return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
};

function amountOf(
  schedule: Exclude<FeeSchedule, { kind: 'range' }>,
  facts: FeeFacts,
): { amount: number; detail: string } {
  switch (schedule.kind) {
    case 'fixed':
      return { amount: schedule.amount, detail: formatVnd(schedule.amount) };
    case 'per-copy': {
      const copies = wholeAtLeastOne(facts.copies, 1);
      if (copies === undefined) throw refuse('fee-copies-invalid', 'Số bản phải là số nguyên từ 1 trở lên.');
      const raw = copies * schedule.amount;
      const amount = schedule.cap === undefined ? raw : Math.min(raw, schedule.cap);
      const capped = amount < raw ? ` (tối đa ${formatVnd(schedule.cap as number)})` : '';
      return { amount, detail: `${copies} bản × ${formatVnd(schedule.amount)}${capped} = ${formatVnd(amount)}` };
    }
    case 'per-page': {
      const pages = wholeAtLeastOne(facts.pages, undefined);
      if (pages === undefined) {
        throw refuse('fee-pages-required', 'Cần nêu số trang của bản chính (số nguyên từ 1 trở lên) để tính phí.');
      }
      const copies = wholeAtLeastOne(facts.copies, 1);
      if (copies === undefined) throw refuse('fee-copies-invalid', 'Số bản phải là số nguyên từ 1 trở lên.');
      const perCopy = perCopyByPages(schedule.tiers, pages, schedule.capPerCopy);
      const amount = copies * perCopy;
      return { amount, detail: `${pages} trang × ${copies} bản: ${formatVnd(perCopy)}/bản = ${formatVnd(amount)}` };
    }
  }
}

/**
 * The fee of one filing under `rule`, from the filing's facts. A claimed exemption must be one the
 * rule lists; it waives the whole amount. A range fee is left for the official to set.
 */
export function assessFee(rule: FeeRule, facts: FeeFacts = {}): FeeAssessment {
  if (facts.exemption !== undefined) {
    const ground = (rule.exemptions ?? []).find((e) => e.code === facts.exemption);
    if (!ground) {
      throw refuse(
        'unknown-fee-exemption',
        'Trường hợp miễn phí, lệ phí đã chọn không có trong quy định của thủ tục.',
        {
          exemptions: (rule.exemptions ?? []).map((e) => e.code),
        },
      );
    }
    return {
      kind: 'amount',
      amount: 0,
      detail: `Miễn: ${ground.label}`,
      exemption: { code: ground.code, label: ground.label },
    };
  }
  if (rule.schedule.kind === 'range') return { kind: 'to-be-set', min: rule.schedule.min, max: rule.schedule.max };
  return { kind: 'amount', ...amountOf(rule.schedule, facts) };
}

/**
 * The amount an official sets for a range fee: whole đồng inside the schedule's range, else refused
 * with the range in the message.
 */
export function officialAmount(range: { min: number; max: number }, amount: number): number {
  if (!Number.isInteger(amount) || amount < range.min || amount > range.max) {
    throw refuse(
      'fee-out-of-range',
      `Mức thu phải là số nguyên đồng trong khoảng ${formatVnd(range.min)} đến ${formatVnd(range.max)} theo biểu phí, lệ phí của thủ tục.`,
      { min: range.min, max: range.max },
    );
  }
  return amount;
}
