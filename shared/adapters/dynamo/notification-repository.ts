import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { InAppMessage } from '../../domain/notifications/templates.ts';
import { db } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { keys } from './keys.ts';

export interface StoredNotification extends InAppMessage {
  id: string;
  createdAt: string;
  read: boolean;
}

export function notificationRepository(tableName: string) {
  return {
    /** Keyed by the event that caused it: a redelivered event finds its message already there. */
    async record(message: InAppMessage, eventId: string, occurredAt: string): Promise<'created' | 'duplicate'> {
      const item: StoredNotification = { ...message, id: eventId, createdAt: occurredAt, read: false };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.notification(message.recipientId, occurredAt, eventId), ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'created';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'duplicate';
        throw error;
      }
    },

    async listFor(recipientId: string, page: { limit: number; cursor?: string }) {
      const { pk, skPrefix } = keys.notificationsOf(recipientId);
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
          ScanIndexForward: false,
          Limit: page.limit,
          ExclusiveStartKey: decodeCursor(page.cursor, { pk }),
        }),
      );
      const items = (result.Items ?? []).map(({ pk: _pk, sk: _sk, ...rest }) => rest as StoredNotification);
      return { items, nextCursor: encodeCursor(result.LastEvaluatedKey) };
    },
  };
}

export type NotificationRepository = ReturnType<typeof notificationRepository>;
