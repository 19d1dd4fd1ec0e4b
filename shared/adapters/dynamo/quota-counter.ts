import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';

/** How many claims a window allows. */
export interface Quota {
  limit: number;
  windowSeconds: number;
}

/** A claim counted (`release` gives it back), or refused until the window ends. */
export type QuotaClaim =
  { granted: true; release: () => Promise<void> } | { granted: false; retryAfterSeconds: number };

/**
 * Claims counted in a fixed window that starts at the first claim and ends with the item (its
 * `expiresAt` is the table's TTL, so a spent window leaves nothing behind). A claim is one conditional
 * write: the counter rises only while it is below the limit, so however many requests race, at most
 * `limit` are granted per window. No read before the write: a read-then-write would let a burst through.
 */
export function quotaCounter(tableName: string) {
  async function claim(key: { pk: string; sk: string }, quota: Quota, now: Date): Promise<QuotaClaim> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const granted = (windowEnds: number): QuotaClaim => ({ granted: true, release: () => release(key, windowEnds) });
    // A window that ends between two of these writes sends the loop round once more.
    for (let round = 0; round < 3; round++) {
      const windowEnds = nowSeconds + quota.windowSeconds;
      try {
        // No window open (no item, or its window over): this claim opens one.
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'SET claims = :one, expiresAt = :ends',
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
            ExpressionAttributeValues: { ':one': 1, ':ends': windowEnds, ':now': nowSeconds },
          }),
        );
        return granted(windowEnds);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      try {
        // A window is open: count this claim only while the window still has room.
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'ADD claims :one',
            ConditionExpression: 'expiresAt > :now AND claims < :limit',
            ExpressionAttributeValues: { ':one': 1, ':now': nowSeconds, ':limit': quota.limit },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return granted(Number(Attributes?.expiresAt));
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
      const ends = Number(Item?.expiresAt ?? 0);
      if (Item && ends > nowSeconds && Number(Item.claims) >= quota.limit) {
        return { granted: false, retryAfterSeconds: ends - nowSeconds };
      }
    }
    throw new Error('Quota claim could not be counted');
  }

  async function release(key: { pk: string; sk: string }, windowEnds: number): Promise<void> {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'ADD claims :minusOne',
          // Only within the window the claim was counted in: a new window owes it nothing.
          ConditionExpression: 'expiresAt = :ends AND claims > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':ends': windowEnds, ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  return { claim };
}

export type QuotaCounter = ReturnType<typeof quotaCounter>;
