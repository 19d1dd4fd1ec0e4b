import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { InAppMessage } from '../../domain/notifications/templates.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { db } from './client.ts';
import { queryPage } from './query-page.ts';
import type {
  DeliveryChannel,
  DeliveryClaim,
  DeliveryOutcome,
  DeliveryRepository,
} from '../../use-cases/ports/delivery-repository.ts';
import type {
  NotificationListRequest,
  NotificationRepository,
  StoredNotification,
} from '../../use-cases/ports/notification-repository.ts';
import type { NotificationPreferences, PreferenceRepository } from '../../use-cases/ports/preference-repository.ts';
import { keys } from './keys.ts';

const skPrefix = 'NOTIF#';
const idOf = (sk: string) => Buffer.from(sk.slice(skPrefix.length)).toString('base64url');
const notFound = () => new RuleViolation('not-found', 'not-found', 'Không tìm thấy thông báo.');

/** The sort key an id names, or undefined for an id this repository never issued. */
function skOf(id: string): string | undefined {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  return /^\d{4}-\d\d-\d\dT[^#]+#[^#]+$/.test(decoded) ? `${skPrefix}${decoded}` : undefined;
}

export function notificationRepository(tableName: string): NotificationRepository {
  return {
    /** Keyed by the recipient and the event that caused it: a redelivered event finds its message already there. */
    async record(message: InAppMessage, eventId: string, occurredAt: string): Promise<'created' | 'duplicate'> {
      const key = keys.notification(message.recipientId, occurredAt, eventId);
      const item = {
        recipientId: message.recipientId,
        dossierCode: message.dossierCode,
        title: message.title,
        body: message.body,
        eventId,
        createdAt: occurredAt,
        read: false,
      };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'created';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'duplicate';
        throw error;
      }
    },

    /**
     * Newest first; `read` keeps only read (true) or unread (false) entries. A filtered Query may
     * evaluate a page's worth of items and keep fewer: it reads on until the page is full or the
     * inbox ends, so a page is short only at the end.
     */
    async listFor(recipientId: string, page: NotificationListRequest) {
      const { pk, skPrefix: prefix } = keys.notificationsOf(recipientId);
      const { rows, nextCursor } = await queryPage(
        tableName,
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...(page.read === undefined ? {} : { FilterExpression: '#read = :read' }),
          ExpressionAttributeNames: page.read === undefined ? undefined : { '#read': 'read' },
          ExpressionAttributeValues: {
            ':pk': pk,
            ':prefix': prefix,
            ...(page.read === undefined ? {} : { ':read': page.read }),
          },
          ScanIndexForward: false,
        },
        { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
        { pk },
        { readOn: true },
      );
      const items = rows.map(({ pk: _pk, sk, id: _legacyId, ...rest }) => ({
        ...rest,
        id: idOf(String(sk)),
      })) as StoredNotification[];
      return { items, ...(nextCursor ? { nextCursor } : {}) };
    },

    /** Marks one of the recipient's entries read; again is harmless (the first `readAt` stays). */
    async markRead(recipientId: string, id: string, at: string): Promise<StoredNotification> {
      const sk = skOf(id);
      if (!sk) throw notFound();
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: keys.notificationsOf(recipientId).pk, sk },
            UpdateExpression: 'SET #read = :true, #readAt = if_not_exists(#readAt, :at)',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#read': 'read', '#readAt': 'readAt' },
            ExpressionAttributeValues: { ':true': true, ':at': at },
            ReturnValues: 'ALL_NEW',
          }),
        );
        const { pk: _pk, sk: _sk, id: _legacyId, ...rest } = Attributes ?? {};
        return { ...rest, id } as StoredNotification;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw notFound();
        throw error;
      }
    },
  };
}

/** Unless the user chose otherwise, every channel the dossier gives an address for is used. */
export const defaultPreferences: NotificationPreferences = { inApp: true, email: true, sms: true };

/**
 * `consistentRead` (default true): the citizen's own page shows what they just saved. The delivery
 * workers read eventually consistent (half a read unit, one read per channel and event): a choice made
 * less than a second before an event's delivery may not apply to that one message.
 */
export function preferenceRepository(
  tableName: string,
  options: { consistentRead?: boolean } = {},
): PreferenceRepository {
  const consistentRead = options.consistentRead ?? true;
  return {
    async get(userId: string): Promise<NotificationPreferences> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.notificationPreferences(userId),
          ConsistentRead: consistentRead,
        }),
      );
      if (!Item) return defaultPreferences;
      return {
        inApp: true,
        email: Item.email !== false,
        sms: Item.sms !== false,
        ...(Item.updatedAt ? { updatedAt: String(Item.updatedAt) } : {}),
      };
    },

    async put(userId: string, prefs: { email: boolean; sms: boolean }, at: string): Promise<NotificationPreferences> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.notificationPreferences(userId), email: prefs.email, sms: prefs.sms, updatedAt: at },
        }),
      );
      return { inApp: true, ...prefs, updatedAt: at };
    },
  };
}

/**
 * Delivery records: one item per (event, channel, recipient). A worker claims it before sending
 * (conditional put: none yet, or a failed attempt, or a claim older than the lease), marks it sent
 * after, and releases it on failure so the queue's redelivery tries again. A second delivery of the
 * same event finds it sent and sends nothing.
 */
export function deliveryRepository(tableName: string, options: { leaseSeconds: number }): DeliveryRepository {
  return {
    async claim(eventId: string, channel: DeliveryChannel, recipientId: string, now: Date): Promise<DeliveryClaim> {
      const token = crypto.randomUUID();
      const stale = new Date(now.getTime() - options.leaseSeconds * 1000).toISOString();
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.delivery(eventId, channel, recipientId),
            UpdateExpression: 'SET #status = :sending, #token = :token, #claimedAt = :now ADD #attempts :one',
            ConditionExpression:
              'attribute_not_exists(pk) OR #status = :failed OR (#status = :sending AND #claimedAt < :stale)',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#token': 'token',
              '#claimedAt': 'claimedAt',
              '#attempts': 'attempts',
            },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':failed': 'failed',
              ':token': token,
              ':now': now.toISOString(),
              ':stale': stale,
              ':one': 1,
            },
          }),
        );
        return { outcome: 'claimed', token };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const { Item } = await db.send(
          new GetCommand({
            TableName: tableName,
            Key: keys.delivery(eventId, channel, recipientId),
            ConsistentRead: true,
          }),
        );
        return Item?.status === 'sent' || Item?.status === 'skipped' ? { outcome: 'settled' } : { outcome: 'busy' };
      }
    },

    async settle(
      eventId: string,
      channel: DeliveryChannel,
      recipientId: string,
      token: string,
      outcome: DeliveryOutcome,
    ): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.delivery(eventId, channel, recipientId),
            UpdateExpression: 'SET #status = :status, #at = :at, #reason = :reason',
            ConditionExpression: '#token = :token',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#token': 'token',
              '#at': `${outcome.status}At`,
              '#reason': 'reason',
            },
            ExpressionAttributeValues: {
              ':status': outcome.status,
              ':at': outcome.at,
              ':token': token,
              ':reason': outcome.status === 'sent' ? '' : outcome.reason,
            },
          }),
        );
      } catch (error) {
        // Another worker took over a claim it thought stale: its own record wins.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}
