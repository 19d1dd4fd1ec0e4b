import type { FeedbackCount } from '../../domain/feedback/counting.ts';

/**
 * Feedback received and answered per agency and month, for the reports. Each feedback holds its own
 * place in a count (counted or not), so adding or removing it again changes nothing.
 */
export interface FeedbackCounters {
  /** Counts the feedback in the agency's month (again: harmless). */
  add(count: FeedbackCount, agencyId: string, month: string, id: string): Promise<void>;

  /** Takes the feedback back out of the agency's month, if it was counted there. */
  remove(count: FeedbackCount, agencyId: string, month: string, id: string): Promise<void>;
}
