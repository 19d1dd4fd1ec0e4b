import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DossierDocument, RejectionCode } from '../../domain/documents/document.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import type { DocumentRepository } from '../../use-cases/ports/document-repository.ts';

/** Most documents a dossier lists: slots × a few retries, the forms and the result. */
const maxDocuments = 200;

function fromItem(item: Record<string, unknown>): DossierDocument {
  const { pk: _pk, sk: _sk, ...document } = item;
  return document as unknown as DossierDocument;
}

/**
 * Document metadata, one item per document in the dossier's own partition (`DOC#<id>`): adding or
 * verifying a file never touches the dossier item, so it cannot race a lifecycle step.
 */
export function documentRepository(tableName: string): DocumentRepository {
  return {
    /** Writes a new document; `false` when the id was already used (a retried write). */
    async create(document: DossierDocument): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.dossierDocument(document.dossierCode, document.id), ...document },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async get(code: string, id: string): Promise<DossierDocument | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.dossierDocument(code, id), ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },

    /** Every document of a dossier, by id: one Query on its partition. */
    async list(code: string): Promise<DossierDocument[]> {
      const { pk, skPrefix } = keys.dossierDocuments(code);
      const { Items } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
          Limit: maxDocuments,
        }),
      );
      return (Items ?? []).map(fromItem);
    },

    /** Pending → verified, once; the returned document is what is stored after the attempt. */
    async markVerified(code: string, id: string, facts: { sha256: string; verifiedAt: string; key?: string }) {
      return settle(tableName, code, id, 'verified', {
        '#sha': ['sha256', facts.sha256],
        '#at': ['verifiedAt', facts.verifiedAt],
        // The verified copy's key (upload-document.ts): what every reader serves from then on.
        ...(facts.key ? { '#key': ['key', facts.key] as [string, unknown] } : {}),
      });
    },

    /** Pending → quarantined with the reason the uploader reads. */
    async markQuarantined(code: string, id: string, rejection: { code: RejectionCode; reason: string }, key: string) {
      return settle(tableName, code, id, 'quarantined', { '#rej': ['rejection', rejection], '#key': ['key', key] });
    },
  };
}

async function settle(
  tableName: string,
  code: string,
  id: string,
  status: 'verified' | 'quarantined',
  fields: Record<string, [string, unknown]>,
): Promise<DossierDocument | undefined> {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':status': status, ':pending': 'pending' };
  const sets = ['#status = :status'];
  for (const [alias, [name, value]] of Object.entries(fields)) {
    names[alias] = name;
    values[`:${alias.slice(1)}`] = value;
    sets.push(`${alias} = :${alias.slice(1)}`);
  }
  try {
    const { Attributes } = await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.dossierDocument(code, id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? fromItem(Attributes) : undefined;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.dossierDocument(code, id), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }
}
