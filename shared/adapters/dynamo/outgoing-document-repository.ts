import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OutgoingDocument } from '../../domain/official-documents/outgoing.ts';
import { versionConflict } from '../../domain/rule-violation.ts';
import type { OutgoingDocumentRepository } from '../../use-cases/ports/outgoing-document-repository.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import { queryPage } from './query-page.ts';

/** The item's own attributes, not the document's. */
const fromItem = ({ pk: _pk, sk: _sk, ...document }: Record<string, unknown>) =>
  document as unknown as OutgoingDocument;

/**
 * Outgoing documents, one item each under `OUTGOING#<agencyId>` / `<id>`, written whole: a step is one
 * conditional Put on the version read (a document is a few kilobytes at most: its history grows by
 * one line a step, seven steps on its way to issuance). Listing is a Query of the agency's partition.
 */
export function outgoingDocumentRepository(tableName: string): OutgoingDocumentRepository {
  const put = (document: OutgoingDocument, condition: Record<string, unknown>) =>
    db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.outgoingDocument(document.agencyId, document.id), ...document },
        ...condition,
      }),
    );

  const repository: OutgoingDocumentRepository = {
    async get(agencyId, id) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.outgoingDocument(agencyId, id), ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },

    async create(document) {
      try {
        await put(document, { ConditionExpression: 'attribute_not_exists(pk)' });
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async save(before, after) {
      if (after.agencyId !== before.agencyId || after.id !== before.id) {
        throw new RangeError('A save writes the document it read');
      }
      try {
        await put(after, {
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': before.version },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        });
        return after;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          // Not every DynamoDB implementation returns the item on a failed condition: read it then.
          const current = error.Item?.version?.N ?? (await repository.get(before.agencyId, before.id))?.version;
          throw versionConflict(current === undefined ? undefined : Number(current));
        }
        throw error;
      }
    },

    async listByAgency(agencyId, page) {
      const pk = keys.outgoingDocuments(agencyId);
      const { rows, nextCursor } = await queryPage(
        tableName,
        { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: true },
        page,
        { pk },
      );
      return { items: rows.map(fromItem), ...(nextCursor ? { nextCursor } : {}) };
    },
  };
  return repository;
}
