import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { keys } from './keys.ts';

/** How many look-ups a window allows: per dossier code (a six-digit PIN) and per client address. */
export interface LookupLimits {
  perCode: number;
  perClient: number;
  windowSeconds: number;
}

export const defaultLookupLimits: LookupLimits = { perCode: 5, perClient: 20, windowSeconds: 15 * 60 };

/** A look-up allowed to compare one PIN; `release` gives the attempt back when the PIN was right. */
export type AttemptClaim =
  { granted: true; release: () => Promise<void> } | { granted: false; retryAfterSeconds: number };

/**
 * Look-up attempts counted in a fixed window that starts at the first attempt and ends with the item
 * (TTL). An attempt is claimed with one conditional write BEFORE the PIN is compared: the counter
 * rises only while it is below the limit, so however many requests race, at most `limit` PINs are
 * compared per window. A right PIN gives its attempt back, so only wrong ones use up the window.
 */
export function lookupAttempts(tableName: string, limits: LookupLimits = defaultLookupLimits) {
  async function claim(key: { pk: string; sk: string }, limit: number, now: Date): Promise<AttemptClaim> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const granted = (windowEnds: number): AttemptClaim => ({ granted: true, release: () => release(key, windowEnds) });
    // A window that ends between two of these writes sends the loop round once more.
    for (let round = 0; round < 3; round++) {
      const windowEnds = nowSeconds + limits.windowSeconds;
      try {
        // No window open (no item, or its window over): this attempt opens one.
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'SET failures = :one, expiresAt = :ends',
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
            ExpressionAttributeValues: { ':one': 1, ':ends': windowEnds, ':now': nowSeconds },
          }),
        );
        return granted(windowEnds);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      try {
        // A window is open: count this attempt only while the window still has room.
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'ADD failures :one',
            ConditionExpression: 'expiresAt > :now AND failures < :limit',
            ExpressionAttributeValues: { ':one': 1, ':now': nowSeconds, ':limit': limit },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return granted(Number(Attributes?.expiresAt));
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
      const ends = Number(Item?.expiresAt ?? 0);
      if (Item && ends > nowSeconds && Number(Item.failures) >= limit) {
        return { granted: false, retryAfterSeconds: ends - nowSeconds };
      }
    }
    throw new Error('Lookup attempt could not be counted');
  }

  async function release(key: { pk: string; sk: string }, windowEnds: number): Promise<void> {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'ADD failures :minusOne',
          // Only within the window the attempt was counted in: a new window owes it nothing.
          ConditionExpression: 'expiresAt = :ends AND failures > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':ends': windowEnds, ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  return {
    /** One PIN comparison on an existing dossier code. */
    claimForCode: (code: string, now: Date) => claim(keys.lookupAttempts(code), limits.perCode, now),
    /** One look-up from a client address, whatever the code: guessing across codes is limited here. */
    claimForClient: (address: string, now: Date) => claim(keys.lookupClientAttempts(address), limits.perClient, now),
  };
}

export type LookupAttempts = ReturnType<typeof lookupAttempts>;
