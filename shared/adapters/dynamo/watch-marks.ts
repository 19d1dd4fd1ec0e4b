import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WatchMarks } from '../../use-cases/ports/watch-marks.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/**
 * Marks of the deadline watch: one item per warning (dossier, kind, due date) or digest (agency,
 * day), holding the instant it was first sent. Written conditionally, so every run after the first
 * reads the same instant back: the inbox entry it names (recipient, that instant, the deterministic
 * event id) is then the same one, and recording it again is a no-op. A run that crashed between the
 * mark and the inbox entries completes them on the next run. Marks expire with the table's TTL.
 */
export function watchMarks(tableName: string, options: { keepDays: number }): WatchMarks {
  return {
    async firstSentAt(subject: string, mark: string, now: Date): Promise<string> {
      const key = keys.watchMark(subject, mark);
      const at = now.toISOString();
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, sentAt: at, expiresAt: Math.floor(now.getTime() / 1000) + options.keepDays * 86_400 },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return at;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
        return String(Item?.sentAt ?? at);
      }
    },
  };
}
