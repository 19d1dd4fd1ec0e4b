/**
 * The service-quality indicators, each a named function of the counts (counts.ts), and the QĐ 766
 * group scores built from them.
 *
 * Sources: DOMAIN.md "Indicators and reports"; Quyết định 766/QĐ-TTg (23/6/2022), "Bộ chỉ số chỉ đạo,
 * điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, DVC theo thời
 * gian thực trên môi trường điện tử", 100 points in all. Of its weighting we know only that publicity-
 * transparency carries 18 points, progress 20 and satisfaction 18; how the remaining 44 split between
 * online service, online payment and digitisation, and the point bands inside each group, are NOT
 * verified here. So a group's score below is our own provisional measure, not the legal one: the
 * unweighted mean of the group's ratios, as a percentage (0–100), ignoring ratios with a zero
 * denominator; `null` when every ratio of the group has one. Every score carries its ratios and every
 * ratio its numerator and denominator, so a reviewer can recompute it, or apply the legal bands.
 */
import { HOURS_PER_WORKING_DAY } from '../calendar/index.ts';
import type { IndicatorCounts } from './counts.ts';

/** A ratio with the counts behind it; `value` is null when the denominator is zero. Rounded to 4 decimals. */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
};

export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : round(numerator / denominator, 4),
});

// --- Progress (tiến độ, kết quả giải quyết) ---------------------------------------------------------

/** Resolved early or on time ÷ resolved (on time = decided by the due instant, extension included). */
export const onTimeRate = (c: IndicatorCounts) => ratio(c.resolvedEarly + c.resolvedOnTime, c.resolved);
/** Resolved early ÷ resolved. */
export const earlyRate = (c: IndicatorCounts) => ratio(c.resolvedEarly, c.resolved);
/** Resolved late ÷ resolved. */
export const lateRate = (c: IndicatorCounts) => ratio(c.resolvedLate, c.resolved);
/** Resolved by the appointment before any extension ÷ resolved: the stricter reading (DOMAIN.md "Deadlines"). */
export const onTimeRateBeforeExtension = (c: IndicatorCounts) => ratio(c.resolvedByOriginalDue, c.resolved);
/** Open and still within time at the period's end ÷ open at the period's end. */
export const inProgressWithinTimeRate = (c: IndicatorCounts) => ratio(c.inProgressWithinTime, c.inProgress);
/** Mean processing time of the resolved dossiers with a known time, in working days (8 h), 2 decimals; null if none. */
export const averageProcessingWorkingDays = (c: IndicatorCounts): number | null =>
  c.timedResolutions === 0 ? null : round(c.processingWorkingHours / HOURS_PER_WORKING_DAY / c.timedResolutions, 2);

// --- Online service (cung cấp dịch vụ trực tuyến) ----------------------------------------------------

/** Filed online ÷ filed in the period. */
export const onlineShare = (c: IndicatorCounts) => ratio(c.newOnline, c.newReceived);
/** Filed online under a fully-online procedure ÷ filed in the period. */
export const fullyOnlineShare = (c: IndicatorCounts) => ratio(c.newFullyOnline, c.newReceived);

// --- Online payment (thanh toán trực tuyến) -----------------------------------------------------------

/** Paid online ÷ fee-bearing dossiers filed in the period. */
export const onlinePaymentShare = (c: IndicatorCounts) => ratio(c.paidOnline, c.feeBearing);

// --- Digitisation (số hóa hồ sơ) ----------------------------------------------------------------------

/** Filed with digitised documents ÷ filed in the period. */
export const digitisedDossierShare = (c: IndicatorCounts) => ratio(c.digitised, c.newReceived);
/** Results issued electronically ÷ resolved. */
export const electronicResultShare = (c: IndicatorCounts) => ratio(c.electronicResults, c.resolved);

// --- Satisfaction (mức độ hài lòng) -------------------------------------------------------------------

/** Ratings of 4–5 ÷ ratings. */
export const satisfactionRate = (c: IndicatorCounts) => ratio(c.satisfiedRatings, c.ratings);
/** Feedback answered ÷ feedback received. */
export const feedbackAnsweredRate = (c: IndicatorCounts) => ratio(c.feedbackAnswered, c.feedbackReceived);

// --- Publicity and transparency (công khai, minh bạch) ------------------------------------------------

/** Dossiers whose progress the applicant can follow online ÷ received. */
export const publicTraceabilityRate = (c: IndicatorCounts) => ratio(c.publiclyTraceable, c.received);

export const indicatorGroups = [
  'publicityTransparency',
  'progress',
  'onlineService',
  'onlinePayment',
  'satisfaction',
  'digitisation',
] as const;
export type IndicatorGroup = (typeof indicatorGroups)[number];

/** The groups' Vietnamese names and the points QĐ 766 gives them where known (null: not verified here). */
export const indicatorGroupInfo: Readonly<Record<IndicatorGroup, { vi: string; legalMaxPoints: number | null }>> = {
  publicityTransparency: { vi: 'Công khai, minh bạch', legalMaxPoints: 18 },
  progress: { vi: 'Tiến độ, kết quả giải quyết', legalMaxPoints: 20 },
  onlineService: { vi: 'Cung cấp dịch vụ trực tuyến', legalMaxPoints: null },
  onlinePayment: { vi: 'Thanh toán trực tuyến', legalMaxPoints: null },
  satisfaction: { vi: 'Mức độ hài lòng', legalMaxPoints: 18 },
  digitisation: { vi: 'Số hóa hồ sơ', legalMaxPoints: null },
};

/** The ratios of each group, by name. */
export const groupRatios: Readonly<Record<IndicatorGroup, Record<string, (c: IndicatorCounts) => Ratio>>> = {
  publicityTransparency: { publicTraceabilityRate },
  progress: { onTimeRate, inProgressWithinTimeRate },
  onlineService: { onlineShare, fullyOnlineShare },
  onlinePayment: { onlinePaymentShare },
  satisfaction: { satisfactionRate, feedbackAnsweredRate },
  digitisation: { digitisedDossierShare, electronicResultShare },
};

export interface GroupScore {
  group: IndicatorGroup;
  vi: string;
  legalMaxPoints: number | null;
  /** Provisional: mean of the defined ratios × 100, 2 decimals; null when none is defined. */
  score: number | null;
  ratios: Record<string, Ratio>;
}

export function groupScore(group: IndicatorGroup, c: IndicatorCounts): GroupScore {
  const ratios = Object.fromEntries(Object.entries(groupRatios[group]).map(([name, f]) => [name, f(c)]));
  const defined = Object.values(ratios).flatMap((r) => (r.value === null ? [] : [r.value]));
  const score = defined.length === 0 ? null : round((defined.reduce((a, b) => a + b, 0) / defined.length) * 100, 2);
  return { group, ...indicatorGroupInfo[group], score, ratios };
}

/** Every indicator of one slice: the ratios, the average time and the six group scores. */
export function indicatorsOf(c: IndicatorCounts) {
  return {
    onTimeRate: onTimeRate(c),
    earlyRate: earlyRate(c),
    lateRate: lateRate(c),
    onTimeRateBeforeExtension: onTimeRateBeforeExtension(c),
    inProgressWithinTimeRate: inProgressWithinTimeRate(c),
    onlineShare: onlineShare(c),
    fullyOnlineShare: fullyOnlineShare(c),
    onlinePaymentShare: onlinePaymentShare(c),
    digitisedDossierShare: digitisedDossierShare(c),
    electronicResultShare: electronicResultShare(c),
    satisfactionRate: satisfactionRate(c),
    feedbackAnsweredRate: feedbackAnsweredRate(c),
    averageProcessingWorkingDays: averageProcessingWorkingDays(c),
    groups: indicatorGroups.map((g) => groupScore(g, c)),
  };
}
export type Indicators = ReturnType<typeof indicatorsOf>;
