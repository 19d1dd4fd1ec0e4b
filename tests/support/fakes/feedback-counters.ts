import type { FeedbackCount } from '../../../shared/domain/feedback/counting.ts';
import type { FeedbackCounters } from '../../../shared/use-cases/ports/feedback-counters.ts';

/**
 * The feedback counts in memory, as dynamo/feedback-counters.ts keeps them: one mark per feedback,
 * count, agency and month, counted or taken back out, so adding or removing again changes nothing.
 * `tally` reads a month's count as the reports do; `writes` counts the marks written.
 */
export function fakeFeedbackCounters(): FeedbackCounters & {
  tally(count: FeedbackCount, agencyId: string, month: string): number;
  writes: number;
} {
  const marks = new Map<string, boolean>();
  const key = (count: FeedbackCount, agencyId: string, month: string) => `${agencyId}#${month}#${count}#`;
  const counters = {
    writes: 0,
    async add(count: FeedbackCount, agencyId: string, month: string, id: string) {
      counters.writes++;
      marks.set(key(count, agencyId, month) + id, true);
    },
    async remove(count: FeedbackCount, agencyId: string, month: string, id: string) {
      counters.writes++;
      marks.set(key(count, agencyId, month) + id, false);
    },
    tally(count: FeedbackCount, agencyId: string, month: string) {
      const prefix = key(count, agencyId, month);
      return [...marks].filter(([k, counted]) => counted && k.startsWith(prefix)).length;
    },
  };
  return counters;
}
