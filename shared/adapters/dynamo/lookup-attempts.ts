import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { keys } from './keys.ts';

/**
 * Failed PIN look-ups per dossier code in a rolling window: a six-digit PIN falls to guessing
 * unless wrong guesses lock the code for a while. The window ends with the item (TTL).
 */
export function lookupAttempts(tableName: string, policy = { maxFailures: 5, windowSeconds: 15 * 60 }) {
  const read = async (code: string, nowSeconds: number) => {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.lookupAttempts(code) }));
    return Item && Number(Item.expiresAt) > nowSeconds ? Number(Item.failures) : 0;
  };
  return {
    async isLocked(code: string, now: Date): Promise<boolean> {
      return (await read(code, Math.floor(now.getTime() / 1000))) >= policy.maxFailures;
    },
    async recordFailure(code: string, now: Date): Promise<void> {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      if ((await read(code, nowSeconds)) === 0) {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.lookupAttempts(code), failures: 1, expiresAt: nowSeconds + policy.windowSeconds },
          }),
        );
        return;
      }
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.lookupAttempts(code),
          UpdateExpression: 'ADD failures :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    },
  };
}

export type LookupAttempts = ReturnType<typeof lookupAttempts>;
