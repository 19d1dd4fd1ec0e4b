import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Quota, QuotaClaim, QuotaCounter } from '../../use-cases/ports/quota-counter.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/** The item a counter is kept under (a window's item adds its end to the sort key). */
interface CounterKey {
  pk: string;
  sk: string;
}

/** Windows are aligned to Vietnam's clock (UTC+7): a day's window runs from local midnight to midnight. */
const vietnamOffsetSeconds = 7 * 60 * 60;

/**
 * Claims counted in fixed windows aligned to the clock (an hour's from the full hour, a day's from local
 * midnight), one item per window, whose `expiresAt` (the table's TTL) is the window's end, so a spent
 * window leaves nothing behind. A claim is ONE conditional write, whether the window is new or open: the
 * counter rises only while it is below the limit, so however many requests race, at most `limit` are
 * granted per window; a refused write is the refusal. No read before the write: a read-then-write would
 * let a burst through. (Windows that opened at the first claim needed a second write, or a read, once open.)
 */
export function windowCounter(tableName: string) {
  async function claim(key: CounterKey, quota: Quota, now: Date): Promise<QuotaClaim> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const local = nowSeconds + vietnamOffsetSeconds;
    const windowEnds = local - (local % quota.windowSeconds) + quota.windowSeconds - vietnamOffsetSeconds;
    const windowKey = { pk: key.pk, sk: `${key.sk}#${windowEnds}` };
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: windowKey,
          UpdateExpression: 'ADD claims :one SET expiresAt = :ends',
          ConditionExpression: 'attribute_not_exists(claims) OR claims < :limit',
          ExpressionAttributeValues: { ':one': 1, ':ends': windowEnds, ':limit': quota.limit },
        }),
      );
      return { granted: true, release: () => release(windowKey) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { granted: false, retryAfterSeconds: Math.max(1, windowEnds - nowSeconds) };
    }
  }

  /** Gives a claim back to the window it was counted in (a new window owes it nothing: its own item). */
  async function release(key: CounterKey): Promise<void> {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'ADD claims :minusOne',
          ConditionExpression: 'claims > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  return { claim };
}

/** The quotas' counters (shared/use-cases/quotas.ts), one per flow and subject. */
export function quotaCounter(tableName: string): QuotaCounter {
  const counter = windowCounter(tableName);
  return { claim: (flow, subject, quota, now) => counter.claim(keys.quota(flow, subject), quota, now) };
}
