import { feedbackCountPlaces } from '../../domain/feedback/counting.ts';
import type { Feedback } from '../../domain/feedback/feedback.ts';
import type { FeedbackCounters } from '../ports/feedback-counters.ts';

/**
 * Brings the report counts in line with the feedback's state after each write. Each count is a mark of
 * this feedback alone (counted or not), so running it again (a retry, the next action) changes nothing;
 * a crash between the feedback's write and this leaves the marks to the next write of it.
 */
export async function reconcileFeedbackCounts(
  counters: FeedbackCounters,
  feedback: Feedback,
  answerDeadline?: Date,
): Promise<void> {
  const { counted, notCounted } = feedbackCountPlaces(feedback, answerDeadline);
  for (const p of notCounted) await counters.remove(p.count, p.agencyId, p.month, feedback.id);
  for (const p of counted) await counters.add(p.count, p.agencyId, p.month, feedback.id);
}
