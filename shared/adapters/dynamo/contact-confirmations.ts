import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ContactChannel } from '../../domain/notifications/contacts.ts';
import type { ContactConfirmations, ContactRef } from '../../use-cases/contacts/ports.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

const ignoringConditionFailure = async (write: Promise<unknown>): Promise<boolean> => {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/**
 * Items `CONTACT#<sub>` / `<channel>#<digest>`: `pending` with the code's keyed hash until it expires
 * (then the table's TTL removes it), or `confirmed` for good.
 */
export function contactConfirmations(tableName: string): ContactConfirmations {
  const keyOf = (c: ContactRef) => keys.contactConfirmation(c.sub, c.channel, c.digest);
  return {
    async get(contact) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keyOf(contact), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      if (Item.status === 'confirmed') return { status: 'confirmed' };
      return {
        status: 'pending',
        codeHash: String(Item.codeHash),
        expiresAt: new Date(Number(Item.codeExpiresAt) * 1000),
      };
    },

    open(contact, codeHash, now, expiresAt) {
      return ignoringConditionFailure(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keyOf(contact),
              status: 'pending',
              codeHash,
              sentAt: now.toISOString(),
              codeExpiresAt: seconds(expiresAt),
              expiresAt: seconds(expiresAt),
            },
            ConditionExpression: 'attribute_not_exists(pk) OR (#status = :pending AND codeExpiresAt <= :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending', ':now': seconds(now) },
          }),
        ),
      );
    },

    async withdraw(contact, codeHash) {
      await ignoringConditionFailure(
        db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keyOf(contact),
            ConditionExpression: '#status = :pending AND codeHash = :hash',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending', ':hash': codeHash },
          }),
        ),
      );
    },

    async pending(sub, now) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'codeExpiresAt > :now',
          ExpressionAttributeValues: { ':pk': keys.contactConfirmations(sub), ':now': seconds(now) },
          ConsistentRead: true,
        }),
      );
      return Items.map((item) => {
        const [channel, digest] = String(item.sk).split('#') as [ContactChannel, string];
        return { sub, channel, digest, codeHash: String(item.codeHash), confirmed: item.status === 'confirmed' };
      });
    },

    async confirm(contact, codeHash, now) {
      await ignoringConditionFailure(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(contact),
            // The code stays until it would have expired, so a retried confirmation is answered the same.
            UpdateExpression: 'SET #status = :confirmed, confirmedAt = :at REMOVE expiresAt',
            ConditionExpression: '#status = :pending AND codeHash = :hash',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':pending': 'pending',
              ':confirmed': 'confirmed',
              ':hash': codeHash,
              ':at': now.toISOString(),
            },
          }),
        ),
      );
    },
  };
}
