/**
 * Where a feedback counts in the reports (feedback received and answered, per agency and month):
 * received by the agency that holds it, in the month it received it; answered by the agency that
 * answered, in the month of the answer. A forward moves the receipt, so across the province each
 * feedback is received once. Derived from the feedback's state alone, so re-applying it is harmless.
 */
import { monthOf } from '../indicators/period.ts';
import type { Feedback } from './feedback.ts';

/** The counts a feedback may take a place in: received, answered, and answered on time. */
export type FeedbackCount = 'received' | 'answered' | 'answeredOnTime';

export interface FeedbackCountPlace {
  count: FeedbackCount;
  agencyId: string;
  month: string;
}

/**
 * `answerDeadline`, when known (the holding agency's calendar was at hand), also places the answer
 * among those given on time (QĐ 766/QĐ-TTg, chỉ số 5.2): answered no later than the deadline.
 */
export function feedbackCountPlaces(
  feedback: Feedback,
  answerDeadline?: Date,
): {
  counted: FeedbackCountPlace[];
  notCounted: FeedbackCountPlace[];
} {
  const counted: FeedbackCountPlace[] = [
    { count: 'received', agencyId: feedback.agencyId, month: monthOf(new Date(feedback.receivedAt)) },
    ...(feedback.answer
      ? [
          {
            count: 'answered' as const,
            agencyId: feedback.answer.agencyId,
            month: monthOf(new Date(feedback.answer.at)),
          },
        ]
      : []),
    ...(feedback.answer && answerDeadline !== undefined && Date.parse(feedback.answer.at) <= answerDeadline.getTime()
      ? [
          {
            count: 'answeredOnTime' as const,
            agencyId: feedback.answer.agencyId,
            month: monthOf(new Date(feedback.answer.at)),
          },
        ]
      : []),
  ];
  const same = (a: FeedbackCountPlace, b: FeedbackCountPlace) =>
    a.count === b.count && a.agencyId === b.agencyId && a.month === b.month;
  const notCounted = feedback.forwards
    .map((f): FeedbackCountPlace => ({ count: 'received', agencyId: f.from, month: monthOf(new Date(f.receivedAt)) }))
    .filter((place, i, all) => !counted.some((c) => same(c, place)) && all.findIndex((p) => same(p, place)) === i);
  return { counted, notCounted };
}
