import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Feedback, FeedbackStatus } from '../../domain/feedback/feedback.ts';
import { feedbackConflict } from '../../domain/feedback/rules.ts';
import type { FeedbackRepository } from '../../use-cases/ports/feedback-repository.ts';
import type { Page, PageRequest } from '../../use-cases/ports/page.ts';
import { db } from './client.ts';
import { itemsOfEntries } from './items-by-key.ts';
import { type PageQuery, queryPage } from './query-page.ts';
import { keys } from './keys.ts';
import { tableLayout } from './table-layout.ts';

/**
 * Feedback items (`FEEDBACK#<id>`). They reuse the dossiers' indexes with their own partition values:
 * the author's list on byApplicant, the agency's work list by status on byAgencyDue, the published
 * answers on openByDueDay (sparse: only published ones carry its keys).
 */
const { byApplicant, byAgencyDue, openByDueDay } = tableLayout.indexes;

function indexKeys(f: Feedback): Record<string, string> {
  return {
    [byApplicant.partitionKey]: keys.feedbackAuthorIndex(f.authorId),
    [byApplicant.sortKey]: `${f.filedAt}#${f.id}`,
    [byAgencyDue.partitionKey]: keys.feedbackAgencyIndex(f.agencyId),
    [byAgencyDue.sortKey]: `${f.status}#${f.receivedAt}#${f.id}`,
    ...(f.published
      ? {
          [openByDueDay.partitionKey]: keys.publishedFeedbackIndex(),
          [openByDueDay.sortKey]: `${f.published.publishedAt}#${f.id}`,
        }
      : {}),
  };
}

const itemKeys = new Set([
  'pk',
  'sk',
  ...Object.values(tableLayout.indexes).flatMap((i) => [i.partitionKey, i.sortKey]),
]);

function fromItem(item: Record<string, unknown>): Feedback {
  const feedback: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!itemKeys.has(name)) feedback[name] = value;
  return feedback as unknown as Feedback;
}

export function feedbackRepository(tableName: string): FeedbackRepository {
  async function page(
    request: PageRequest,
    query: PageQuery & {
      scope: Record<string, string>;
      /** The index holds what the list shows (the published answers): no item is read. */
      projected?: true;
    },
  ): Promise<Page<Feedback>> {
    const { scope, projected, ...input } = query;
    const { rows, nextCursor } = await queryPage(tableName, input, request, scope);
    const [partitionKey] = Object.keys(scope);
    const items = projected ? rows : await itemsOfEntries(tableName, rows, partitionKey ? { partitionKey } : undefined);
    return { items: items.map(fromItem), ...(nextCursor ? { nextCursor } : {}) };
  }

  return {
    async get(id: string): Promise<Feedback | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.feedback(id), ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },

    /** Writes a new feedback; a retry with the same id finds it there and changes nothing. Returns whether it wrote. */
    async create(feedback: Feedback): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.feedback(feedback.id), ...indexKeys(feedback), ...feedback },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** Replaces the feedback on the version read: a concurrent change makes it fail with 409. */
    async save(before: Feedback, next: Feedback): Promise<Feedback> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.feedback(next.id), ...indexKeys(next), ...next },
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': before.version },
          }),
        );
        return next;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw feedbackConflict((await this.get(next.id))?.version);
        throw error;
      }
    },

    /** The author's feedback, newest first. */
    listByAuthor(authorId: string, request: PageRequest) {
      const pk = keys.feedbackAuthorIndex(authorId);
      return page(request, {
        IndexName: byApplicant.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': byApplicant.partitionKey },
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        scope: { [byApplicant.partitionKey]: pk },
      });
    },

    /** An agency's feedback, oldest received first, of one status or of all (grouped by status). */
    listByAgency(agencyId: string, status: FeedbackStatus | undefined, request: PageRequest) {
      const pk = keys.feedbackAgencyIndex(agencyId);
      return page(request, {
        IndexName: byAgencyDue.indexName,
        KeyConditionExpression: status ? '#pk = :pk AND begins_with(#sk, :status)' : '#pk = :pk',
        ExpressionAttributeNames: {
          '#pk': byAgencyDue.partitionKey,
          ...(status ? { '#sk': byAgencyDue.sortKey } : {}),
        },
        ExpressionAttributeValues: { ':pk': pk, ...(status ? { ':status': `${status}#` } : {}) },
        ScanIndexForward: true,
        scope: { [byAgencyDue.partitionKey]: pk },
      });
    },

    /** Published answers, newest first. */
    listPublished(request: PageRequest) {
      const pk = keys.publishedFeedbackIndex();
      return page(request, {
        IndexName: openByDueDay.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': openByDueDay.partitionKey },
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        scope: { [openByDueDay.partitionKey]: pk },
        projected: true,
      });
    },
  };
}
