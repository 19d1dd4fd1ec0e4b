import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackCount } from '../../domain/feedback/counting.ts';
import type { FeedbackCounters } from '../../use-cases/ports/feedback-counters.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { readPartition } from './partition.ts';

const feedbackCountNames: readonly FeedbackCount[] = ['received', 'answered', 'answeredOnTime'];

/** One feedback's place in one count of an agency's month, as stored: counted there, or taken back out. */
export interface FeedbackMark {
  count: FeedbackCount;
  id: string;
  counted: boolean;
}

/** What one agency's month holds: its marks, and the id sets of the single item used before marks. */
export interface FeedbackMonthItems {
  marks: FeedbackMark[];
  legacyIds: Partial<Record<FeedbackCount, ReadonlySet<string>>>;
}

/**
 * The counts of an agency's month. Until marks replaced it, one item per agency and month held a number
 * and the set of ids counted (`FEEDBACKCOUNT#…`/`COUNTS`, `receivedIds`…): it grew with every feedback
 * and met DynamoDB's 400 KB item limit near 10,000 a month. Months written then still count: its ids,
 * then each mark of the same count on top (a mark taken back out removes an id the set had).
 */
export function tallyFeedbackMonth({ marks, legacyIds }: FeedbackMonthItems): Record<FeedbackCount, number> {
  const tally = {} as Record<FeedbackCount, number>;
  for (const count of feedbackCountNames) {
    const ids = new Set(legacyIds[count] ?? []);
    for (const mark of marks) {
      if (mark.count !== count) continue;
      if (mark.counted) ids.add(mark.id);
      else ids.delete(mark.id);
    }
    tally[count] = ids.size;
  }
  return tally;
}

/**
 * Feedback received and answered per agency and month, for the reports: one small item per feedback
 * and count (`FEEDBACKCOUNT#<agency>#<month>`, sk `<count>#<id>`), never one item that grows with the
 * month's feedback. Writing a mark is a plain put of the feedback's state, so a retried or replayed
 * request counts nothing twice, and a receipt moved by a forward is taken back by marking it not counted.
 */
export function feedbackCounters(tableName: string): FeedbackCounters {
  async function mark(count: FeedbackCount, agencyId: string, month: string, id: string, counted: boolean) {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.feedbackCountMark(agencyId, month, count, id), counted },
      }),
    );
  }
  return {
    /** Counts the feedback in the agency's month (again: harmless). */
    add: (count: FeedbackCount, agencyId: string, month: string, id: string) => mark(count, agencyId, month, id, true),
    /** Takes the feedback back out of the agency's month, if it was counted there. */
    remove: (count: FeedbackCount, agencyId: string, month: string, id: string) =>
      mark(count, agencyId, month, id, false),
  };
}

/**
 * Feedback (PAKN) received, answered and answered on time by one agency in one month: one Query of the
 * month's partition (about 100 bytes a mark: some 125 read units for 10,000 feedback, once per report).
 */
export async function readFeedbackMonth(
  tableName: string,
  agencyId: string,
  month: string,
): Promise<Record<FeedbackCount, number> & { readUnits: number }> {
  const items: FeedbackMonthItems = { marks: [], legacyIds: {} };
  const partition = await readPartition(tableName, keys.feedbackCountMarks(agencyId, month));
  for (const item of partition.items) {
    const sk = String(item.sk);
    if (sk === keys.feedbackCounts(agencyId, month).sk) {
      for (const count of feedbackCountNames) {
        const ids = item[`${count}Ids`] as Set<string> | undefined;
        if (ids) items.legacyIds[count] = ids;
      }
      continue;
    }
    const [count, id] = [sk.slice(0, sk.indexOf('#')), sk.slice(sk.indexOf('#') + 1)];
    if (feedbackCountNames.includes(count as FeedbackCount))
      items.marks.push({ count: count as FeedbackCount, id, counted: item.counted === true });
  }
  return { ...tallyFeedbackMonth(items), readUnits: partition.readUnits };
}
