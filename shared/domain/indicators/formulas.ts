/**
 * The service-quality indicators, each a named function of the counts (counts.ts), and the score of
 * Quyết định 766/QĐ-TTg of 23/6/2022 ("Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ
 * người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên
 * môi trường điện tử") built from them: five groups, 100 points (docs/domain.md "Indicators and
 * reports"):
 *   1. Công khai, minh bạch ............ 18
 *   2. Tiến độ, kết quả giải quyết ..... 20
 *   3. Số hóa hồ sơ .................... 22
 *   4. Cung cấp dịch vụ trực tuyến ..... 22 (thanh toán trực tuyến is part of it)
 *   5. Mức độ hài lòng ................. 18
 *
 * The points of each indicator inside its group are those the national portal (Cổng DVCQG) scores
 * the index with (its published maximum per indicator), which agree with what the decision's annex
 * is reported to say (e.g. "tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC" 6 of the 18 points of
 * satisfaction, "tỷ lệ TTHC được cập nhật, công khai đúng hạn" 4 of the 18 of publicity, on-time
 * processing the whole 20 of progress). The annex's own table could not be read here: where even the
 * portal gives no split (inside "dịch vụ công trực tuyến" 12 and "thanh toán trực tuyến" 10), the
 * sub-group's points are split equally between its indicators, and that is said at each one.
 * The formulas and the "full points from X %" thresholds follow the portal's published description
 * of the index's formulas (numbered 1.1 … 5.4 below as it numbers them).
 *
 * Some indicators are measured on data this platform does not hold (the national database of
 * procedures, the national population database, likes on published answers). They are listed with
 * their points and `ratio: null` and the reason; they are not scored as zero nor as full marks. A
 * group's score is then its weight × the points earned ÷ the points of its measured indicators, and
 * every score carries the points, the ratio and the counts behind it, so a reviewer can recompute it.
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

// A count missing from a summary stored before it existed reads as zero.
const n = (c: IndicatorCounts, name: keyof IndicatorCounts) => c[name] ?? 0;

// --- Progress (tiến độ, kết quả giải quyết) ---------------------------------------------------------

/** Decided early or on time ÷ decided (on time = by the appointment in force, extension included). */
export const onTimeRate = (c: IndicatorCounts) => ratio(c.resolvedEarly + c.resolvedOnTime, c.resolved);
/** Decided early ÷ decided. */
export const earlyRate = (c: IndicatorCounts) => ratio(c.resolvedEarly, c.resolved);
/** Decided after the appointment in force ÷ decided. */
export const lateRate = (c: IndicatorCounts) => ratio(c.resolvedLate, c.resolved);
/** Decided by the appointment before any extension ÷ decided: the strict reading (docs/domain.md "Deadlines"). */
export const onTimeRateBeforeExtension = (c: IndicatorCounts) => ratio(c.resolvedByOriginalDue, c.resolved);
/** Open and still within the appointment in force at the as-of instant ÷ open then. */
export const inProgressWithinTimeRate = (c: IndicatorCounts) => ratio(c.inProgressWithinTime, c.inProgress);
/**
 * QĐ 766, chỉ số 2.1 "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn" = hồ sơ đã và đang xử lý đúng hạn hoặc
 * trong hạn ÷ hồ sơ được tiếp nhận, xử lý trong kỳ. Strict: against the ORIGINAL appointment — a
 * dossier decided within its extension (form 04) is late for the score (docs/domain.md "Deadlines").
 * Numerator: decided by the original due date + open and within it at the as-of instant.
 */
export const processedOnTimeRate = (c: IndicatorCounts) =>
  ratio(c.resolvedByOriginalDue + n(c, 'inProgressWithinOriginalDue'), c.resolved + c.inProgress);
/** The same with the extended appointment (the lenient reading, shown beside the strict one, not scored). */
export const processedOnTimeRateWithExtension = (c: IndicatorCounts) =>
  ratio(c.resolvedEarly + c.resolvedOnTime + c.inProgressWithinTime, c.resolved + c.inProgress);
/** Mean processing time of the decided dossiers with a known time, in working days (8 h), 2 decimals; null if none. */
export const averageProcessingWorkingDays = (c: IndicatorCounts): number | null =>
  c.timedResolutions === 0 ? null : round(c.processingWorkingHours / HOURS_PER_WORKING_DAY / c.timedResolutions, 2);

// --- Publicity and transparency (công khai, minh bạch) ------------------------------------------------

/**
 * QĐ 766, chỉ số 1.4 "Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia" = hồ sơ đã đồng bộ có ngày
 * tiếp nhận trong kỳ ÷ hồ sơ tiếp nhận trong kỳ. Synchronised = filed on the portal, or at least one
 * status change acknowledged by it (shared/use-cases/dvcqg/sync-status.ts).
 */
export const dossierSyncRate = (c: IndicatorCounts) => ratio(n(c, 'dvcqgSynced'), c.newReceived);

// --- Digitisation (số hóa hồ sơ) ----------------------------------------------------------------------

/**
 * QĐ 766, chỉ số 4.1 "Tỷ lệ hồ sơ TTHC có cấp kết quả giải quyết TTHC điện tử" = hồ sơ có kết quả
 * điện tử ÷ hồ sơ thuộc thẩm quyền giải quyết: decided in the period with a signed electronic result
 * (timeline `result-signed`) ÷ decided in the period (every seeded procedure issues a written result).
 */
export const electronicResultShare = (c: IndicatorCounts) => ratio(c.electronicResults, c.resolved);
/**
 * QĐ 766, chỉ số 4.2 "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ": hồ sơ có thành phần hồ sơ số hóa
 * (tiếp nhận trực tiếp, qua bưu chính hay trực tuyến) ÷ hồ sơ tiếp nhận trong kỳ. Digitised = at
 * least one verified electronic document (an online upload, a paper scanned at the counter, a file
 * the national portal holds).
 */
export const digitisedDossierShare = (c: IndicatorCounts) => ratio(c.digitised, c.newReceived);

// --- Online service (cung cấp dịch vụ trực tuyến), online payment inside it --------------------------

/** Filed online ÷ filed in the period (every procedure). */
export const onlineShare = (c: IndicatorCounts) => ratio(c.newOnline, c.newReceived);
/**
 * QĐ 766, chỉ số 3.3 "Tỷ lệ hồ sơ TTHC theo hình thức nộp hồ sơ (trực tuyến)", over the procedures
 * that offer an online service only (docs/domain.md: "online dossiers among procedures offered
 * online"): a procedure without one cannot be filed online and is left out of the denominator.
 */
export const onlineShareOfOnlineServices = (c: IndicatorCounts) =>
  ratio(n(c, 'newOnlineUnderOnlineService'), n(c, 'newUnderOnlineService'));
/** Filed online under a fully-online procedure ÷ filed in the period. */
export const fullyOnlineShare = (c: IndicatorCounts) => ratio(c.newFullyOnline, c.newReceived);
/** QĐ 766, chỉ số 3.6 "Tỷ lệ hồ sơ thanh toán trực tuyến" = paid online ÷ fee-bearing dossiers filed in the period. */
export const onlinePaymentShare = (c: IndicatorCounts) => ratio(c.paidOnline, c.feeBearing);

// --- Satisfaction (mức độ hài lòng) -------------------------------------------------------------------

/** Ratings of 4–5 ÷ ratings (shown, not scored: the index counts dissatisfaction, below). */
export const satisfactionRate = (c: IndicatorCounts) => ratio(c.satisfiedRatings, c.ratings);
/** Feedback answered ÷ feedback received in the period. */
export const feedbackAnsweredRate = (c: IndicatorCounts) => ratio(c.feedbackAnswered, c.feedbackReceived);
/**
 * QĐ 766, chỉ số 5.2 "Tiến độ xử lý phản ánh, kiến nghị" (tỷ lệ PAKN xử lý đúng hạn): of the feedback
 * answered in the period, those answered by their deadline (shared/domain/feedback/feedback.ts).
 */
export const feedbackOnTimeRate = (c: IndicatorCounts) => ratio(n(c, 'feedbackAnsweredOnTime'), c.feedbackAnswered);
/**
 * QĐ 766, chỉ số 5.4 "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC" = 100 % − (tỷ lệ hồ sơ giải
 * quyết quá hạn + tỷ lệ hồ sơ có phản ánh, kiến nghị hoặc đánh giá không hài lòng), over the
 * dossiers decided in the period: late by the original appointment (strict) plus rated 1–2 of 5,
 * never below zero. Feedback about a dossier is not linked to its fact yet: not subtracted.
 */
export const serviceSatisfactionRate = (c: IndicatorCounts) => {
  const lateStrict = c.resolved - c.resolvedByOriginalDue;
  return ratio(Math.max(0, c.resolved - lateStrict - n(c, 'dissatisfiedRatings')), c.resolved);
};

// --- The QĐ 766 score ---------------------------------------------------------------------------------

export const indicatorGroups = [
  'publicityTransparency',
  'progress',
  'digitisation',
  'onlineService',
  'satisfaction',
] as const;
export type IndicatorGroup = (typeof indicatorGroups)[number];

/** The groups' names as the decision has them and their fixed weights (100 in all). */
export const indicatorGroupInfo: Readonly<Record<IndicatorGroup, { vi: string; weight: number }>> = {
  publicityTransparency: { vi: 'Công khai, minh bạch', weight: 18 },
  progress: { vi: 'Tiến độ, kết quả giải quyết', weight: 20 },
  digitisation: { vi: 'Số hóa hồ sơ', weight: 22 },
  onlineService: { vi: 'Cung cấp dịch vụ trực tuyến', weight: 22 },
  satisfaction: { vi: 'Mức độ hài lòng', weight: 18 },
};

/** One indicator of the index: its points, and how to measure it here (or why it is not). */
export interface IndicatorDefinition {
  /** The index's own numbering (1.1 … 5.4). */
  id: string;
  vi: string;
  points: number;
  /** Full points from this ratio up, proportional below (the portal's "đạt từ X % trở lên"); 1 when none is set. */
  target: number;
  measure?: (c: IndicatorCounts) => Ratio;
  /** Why the platform cannot measure it (Vietnamese, shown in the report). */
  notMeasured?: string;
}

const notHeldCsdlTthc = 'Dữ liệu thuộc Cơ sở dữ liệu quốc gia về TTHC, hệ thống không lưu giữ.';
const notHeldPopulation = 'Hệ thống chưa kết nối Cơ sở dữ liệu quốc gia về dân cư.';

/** The indicators of each group, in the index's order; their points add up to the group's weight. */
export const indicatorDefinitions: Readonly<Record<IndicatorGroup, readonly IndicatorDefinition[]>> = {
  publicityTransparency: [
    { id: '1.1', vi: 'Tỷ lệ TTHC công bố đúng hạn', points: 6, target: 1, notMeasured: notHeldCsdlTthc },
    {
      id: '1.2',
      vi: 'Tỷ lệ TTHC được cập nhật, công khai đúng hạn',
      points: 4,
      target: 1,
      notMeasured: notHeldCsdlTthc,
    },
    {
      id: '1.3',
      vi: 'Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành',
      points: 2,
      target: 1,
      notMeasured: notHeldCsdlTthc,
    },
    {
      id: '1.4',
      vi: 'Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia',
      points: 6,
      target: 1,
      measure: dossierSyncRate,
    },
  ],
  progress: [
    {
      id: '2.1',
      vi: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (theo hẹn ban đầu)',
      points: 20,
      target: 1,
      measure: processedOnTimeRate,
    },
  ],
  digitisation: [
    {
      id: '4.1',
      vi: 'Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử',
      points: 6,
      target: 1,
      measure: electronicResultShare,
    },
    {
      id: '4.2',
      vi: 'Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ',
      points: 4,
      target: 0.8,
      measure: digitisedDossierShare,
    },
    {
      id: '4.3',
      vi: 'Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa',
      points: 2,
      target: 0.8,
      notMeasured: 'Hệ thống chưa đánh dấu thành phần hồ sơ dùng lại dữ liệu đã số hóa.',
    },
    {
      id: '4.4',
      vi: 'Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng',
      points: 4,
      target: 1,
      notMeasured: 'Hệ thống chưa đồng bộ kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia.',
    },
    {
      id: '4.5a',
      vi: 'Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư',
      points: 2,
      target: 1,
      notMeasured: notHeldPopulation,
    },
    {
      id: '4.5b',
      vi: 'Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư',
      points: 2,
      target: 1,
      notMeasured: notHeldPopulation,
    },
    {
      id: '4.6',
      vi: 'Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính',
      points: 2,
      target: 1,
      notMeasured: 'Hệ thống chưa cung cấp dịch vụ chứng thực điện tử.',
    },
  ],
  // Dịch vụ công trực tuyến 12 and thanh toán trực tuyến 10 as the portal scores them; inside each,
  // no split could be verified: 12 / 3 = 4 and 10 / 2 = 5 (equal shares).
  onlineService: [
    {
      id: '3.1',
      vi: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến',
      points: 4,
      target: 0.8,
      notMeasured: notHeldCsdlTthc,
    },
    {
      id: '3.2',
      vi: 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ',
      points: 4,
      target: 1,
      notMeasured: 'Chỉ số tính trên danh mục dịch vụ công của Cổng Dịch vụ công quốc gia.',
    },
    {
      id: '3.3',
      vi: 'Tỷ lệ hồ sơ nộp trực tuyến (TTHC có dịch vụ công trực tuyến)',
      points: 4,
      target: 0.5,
      measure: onlineShareOfOnlineServices,
    },
    {
      id: '3.5',
      vi: 'Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến',
      points: 5,
      target: 0.8,
      notMeasured: notHeldCsdlTthc,
    },
    { id: '3.6', vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', points: 5, target: 1, measure: onlinePaymentShare },
  ],
  satisfaction: [
    { id: '5.2', vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', points: 6, target: 1, measure: feedbackOnTimeRate },
    {
      id: '5.3',
      vi: 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị',
      points: 6,
      target: 1,
      notMeasured: 'Hệ thống chưa thu đánh giá của người dân về câu trả lời phản ánh, kiến nghị.',
    },
    {
      id: '5.4',
      vi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
      points: 6,
      target: 0.9,
      measure: serviceSatisfactionRate,
    },
  ],
};

export interface IndicatorScore {
  id: string;
  vi: string;
  points: number;
  target: number;
  /** null: not measured here (see `notMeasured`). */
  ratio: Ratio | null;
  /** points × min(1, ratio ÷ target), 2 decimals; null when not measured or the denominator is zero. */
  score: number | null;
  notMeasured?: string;
}

export interface GroupScore {
  group: IndicatorGroup;
  vi: string;
  /** The group's fixed weight in the index. */
  weight: number;
  indicators: IndicatorScore[];
  /** Points of the indicators with a value this period. */
  assessedPoints: number;
  /** Points they earned (the sum of their scores). */
  earnedPoints: number;
  /** weight × earnedPoints ÷ assessedPoints, 2 decimals; null when no indicator has a value. */
  score: number | null;
}

/** The points an indicator earns for a ratio: proportional up to its target, full from there. */
export function indicatorPoints(points: number, target: number, r: Ratio): number | null {
  if (r.denominator === 0) return null;
  return round(points * Math.min(1, r.numerator / r.denominator / target), 2);
}

export function groupScore(group: IndicatorGroup, c: IndicatorCounts): GroupScore {
  const indicators = indicatorDefinitions[group].map((d): IndicatorScore => {
    const r = d.measure ? d.measure(c) : null;
    return {
      id: d.id,
      vi: d.vi,
      points: d.points,
      target: d.target,
      ratio: r,
      score: r ? indicatorPoints(d.points, d.target, r) : null,
      ...(d.notMeasured ? { notMeasured: d.notMeasured } : {}),
    };
  });
  const assessed = indicators.filter((i) => i.score !== null);
  const assessedPoints = assessed.reduce((sum, i) => sum + i.points, 0);
  const earnedPoints = round(
    assessed.reduce((sum, i) => sum + (i.score ?? 0), 0),
    2,
  );
  const { vi, weight } = indicatorGroupInfo[group];
  return {
    group,
    vi,
    weight,
    indicators,
    assessedPoints,
    earnedPoints,
    score: assessedPoints === 0 ? null : round((weight * earnedPoints) / assessedPoints, 2),
  };
}

/** The index: the sum of the scored groups, out of the sum of their weights (100 when every group has data). */
export function indexScore(groups: readonly GroupScore[]): { score: number | null; outOf: number } {
  const scored = groups.filter((g) => g.score !== null);
  return {
    score:
      scored.length === 0
        ? null
        : round(
            scored.reduce((sum, g) => sum + (g.score ?? 0), 0),
            2,
          ),
    outOf: scored.reduce((sum, g) => sum + g.weight, 0),
  };
}

/** Every indicator of one slice: the ratios, the average time, the five group scores and the index. */
export function indicatorsOf(c: IndicatorCounts) {
  const groups = indicatorGroups.map((g) => groupScore(g, c));
  return {
    onTimeRate: onTimeRate(c),
    earlyRate: earlyRate(c),
    lateRate: lateRate(c),
    onTimeRateBeforeExtension: onTimeRateBeforeExtension(c),
    processedOnTimeRate: processedOnTimeRate(c),
    processedOnTimeRateWithExtension: processedOnTimeRateWithExtension(c),
    inProgressWithinTimeRate: inProgressWithinTimeRate(c),
    dossierSyncRate: dossierSyncRate(c),
    onlineShare: onlineShare(c),
    onlineShareOfOnlineServices: onlineShareOfOnlineServices(c),
    fullyOnlineShare: fullyOnlineShare(c),
    onlinePaymentShare: onlinePaymentShare(c),
    digitisedDossierShare: digitisedDossierShare(c),
    electronicResultShare: electronicResultShare(c),
    satisfactionRate: satisfactionRate(c),
    serviceSatisfactionRate: serviceSatisfactionRate(c),
    feedbackAnsweredRate: feedbackAnsweredRate(c),
    feedbackOnTimeRate: feedbackOnTimeRate(c),
    averageProcessingWorkingDays: averageProcessingWorkingDays(c),
    groups,
    index: indexScore(groups),
  };
}
export type Indicators = ReturnType<typeof indicatorsOf>;
