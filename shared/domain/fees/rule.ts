/**
 * A procedure's fee (phí, lệ phí) as data: how the amount is reached, when it is due, and the grounds
 * on which it is waived. Luật Phí và lệ phí 2015 leaves the amounts to the Ministry of Finance's
 * circulars and the provincial People's Council's resolutions; the catalogue records what they say.
 */

/**
 * When the applicant pays: when the dossier is received, when a supplement is handed in, or when
 * the result is returned (a result whose fee is due then is not returned unpaid).
 */
export type FeeDue = 'intake' | 'supplement' | 'result';

export const feeDues: readonly FeeDue[] = ['intake', 'supplement', 'result'];

/** From `fromPage` on (1-based), each page costs `amount` đồng. */
export interface PageTier {
  fromPage: number;
  amount: number;
}

/**
 * How the amount is reached:
 * - `fixed`: one amount per dossier (e.g. chứng thực chữ ký, 10.000 đồng a case);
 * - `per-page`: each copy is charged page by page at the tier its page falls in, then capped per
 *   copy (Thông tư 226/2016/TT-BTC, điều 4: certified copies 2.000 đồng a page for pages 1–2,
 *   1.000 đồng a page from the third, at most 200.000 đồng a copy);
 * - `per-copy`: an amount per copy issued, optionally capped in total (e.g. a copy of a civil-status
 *   extract, 8.000 đồng a copy, Thông tư 281/2016/TT-BTC);
 * - `range`: the schedule gives a range and the official sets the amount of the case within it
 *   before the applicant pays (the `request-fees` action).
 */
export type FeeSchedule =
  | { kind: 'fixed'; amount: number }
  | { kind: 'per-page'; tiers: PageTier[]; capPerCopy?: number }
  | { kind: 'per-copy'; amount: number; cap?: number }
  | { kind: 'range'; min: number; max: number };

/** A ground on which the fee is waived, selected by the applicant at filing or the receiver at the desk. */
export interface FeeExemption {
  /** Stable key, e.g. `ho-ngheo`. */
  code: string;
  /** What the applicant reads, e.g. "Người thuộc hộ nghèo". */
  label: string;
  /** The text that grants it, e.g. "Luật Hộ tịch 2014, điều 11, khoản 1, điểm a". */
  basis?: string;
}

export interface FeeRule {
  /** The charge as the law names it: "Phí chứng thực", "Lệ phí đăng ký hộ tịch". */
  label?: string;
  schedule: FeeSchedule;
  due: FeeDue;
  exemptions?: FeeExemption[];
  /** The text that sets the amount. */
  basis?: string;
}

/** A fee as stored before fee rules: one flat amount. Still read from older procedure versions. */
export interface FlatFee {
  amount: number;
  due: 'intake' | 'result';
}

export const isFlatFee = (fee: FeeRule | FlatFee): fee is FlatFee => !('schedule' in fee);

/** Any stored fee as a rule: a flat amount is a fixed schedule. */
export const feeRuleOf = (fee: FeeRule | FlatFee): FeeRule =>
  isFlatFee(fee) ? { schedule: { kind: 'fixed', amount: fee.amount }, due: fee.due } : fee;

export const exemptionCodePattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A fee as the catalogue API takes it: a rule, or the old flat `amount` in place of `schedule`. */
export type FeeInput = Omit<FeeRule, 'schedule'> & { schedule?: FeeSchedule; amount?: number };

/** The rule an admin's input stands for (the schema has made sure exactly one of the two is there). */
export function feeRuleFromInput({ amount, schedule, ...rest }: FeeInput): FeeRule {
  return { ...rest, schedule: schedule ?? { kind: 'fixed', amount: amount ?? 0 } };
}
