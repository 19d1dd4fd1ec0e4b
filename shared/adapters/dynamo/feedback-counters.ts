import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { keys } from './keys.ts';

export type FeedbackCount = 'received' | 'answered' | 'answeredOnTime';

/**
 * Feedback received and answered per agency and month: a number updated with ADD, and beside it the
 * set of feedback ids counted, which makes every ADD conditional and so idempotent (a retried or
 * replayed request counts nothing twice; a receipt moved by a forward is taken back exactly once).
 */
export function feedbackCounters(tableName: string) {
  async function update(count: FeedbackCount, agencyId: string, month: string, id: string, delta: 1 | -1) {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.feedbackCounts(agencyId, month),
          UpdateExpression: delta > 0 ? 'ADD #n :delta, #ids :ids' : 'ADD #n :delta DELETE #ids :ids',
          ConditionExpression: delta > 0 ? 'NOT contains(#ids, :id)' : 'contains(#ids, :id)',
          ExpressionAttributeNames: { '#n': count, '#ids': `${count}Ids` },
          ExpressionAttributeValues: { ':delta': delta, ':ids': new Set([id]), ':id': id },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
  return {
    /** Counts the feedback once in the agency's month. Returns whether it counted now. */
    add: (count: FeedbackCount, agencyId: string, month: string, id: string) => update(count, agencyId, month, id, 1),
    /** Takes the feedback back out of the agency's month, if it was counted there. */
    remove: (count: FeedbackCount, agencyId: string, month: string, id: string) =>
      update(count, agencyId, month, id, -1),
  };
}

export type FeedbackCounters = ReturnType<typeof feedbackCounters>;
