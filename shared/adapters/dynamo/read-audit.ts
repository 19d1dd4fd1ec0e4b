import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { queryPage } from './query-page.ts';
import { keys } from './keys.ts';
import { tableLayout } from './table-layout.ts';
import type { Page, PageRequest } from '../../use-cases/ports/page.ts';
import type { DossierRead, ReadAuditLog } from '../../use-cases/ports/read-audit-log.ts';

/** How long a read stays on record: five years, then DynamoDB's TTL removes it. */
export const readRetentionSeconds = 5 * 365 * 24 * 60 * 60;

/** The read audit: one item per official's read, in the dossier's own `READS#` partition. */
export function readAuditLog(tableName: string): ReadAuditLog {
  return {
    /** One PutItem; append-only, so a redelivered request never overwrites its record. */
    async record(read: DossierRead): Promise<void> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.dossierRead(read.dossierCode, read.at, read.requestId),
              ...read,
              [tableLayout.timeToLiveAttribute]: Math.floor(Date.parse(read.at) / 1000) + readRetentionSeconds,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },

    /** A dossier's reads, newest first. */
    async list(code: string, page: PageRequest): Promise<Page<DossierRead>> {
      const pk = keys.dossierReads(code);
      const { rows, nextCursor } = await queryPage(
        tableName,
        { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false },
        page,
        { pk },
      );
      const items = rows.map(
        ({ pk: _pk, sk: _sk, [tableLayout.timeToLiveAttribute]: _ttl, ...read }) => read as unknown as DossierRead,
      );
      return { items, ...(nextCursor ? { nextCursor } : {}) };
    },
  };
}
