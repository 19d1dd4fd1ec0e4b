import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../../use-cases/ports/page.ts';
import type { ReportRecord, ReportRepository, ReportResult } from '../../use-cases/ports/report-repository.ts';
import { db } from './client.ts';
import { queryPage } from './query-page.ts';
import { keys } from './keys.ts';

const strip = ({ pk: _pk, sk: _sk, ...rest }: Record<string, unknown>) => rest as unknown as ReportRecord;

/**
 * Reports: one item per report (`REPORT#<id>`) and, per scope, an insert-only listing item
 * (`REPORTS#<scope>`, sk `<requestedAt>#<id>`) so a list is one Query of the caller's scope.
 */
export function reportRepository(tableName: string): ReportRepository {
  async function get(id: string): Promise<ReportRecord | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.report(id), ConsistentRead: true }),
    );
    return Item ? strip(Item) : undefined;
  }

  return {
    get,

    /**
     * Creates the report unless one with this id exists; either way (re)writes its listing items from
     * the stored record, so a crash between the two writes is repaired by the retry. Returns the stored report.
     */
    async create(record: ReportRecord): Promise<{ report: ReportRecord; created: boolean }> {
      let stored = record;
      let created = true;
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.report(record.id), ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const existing = await get(record.id);
        if (!existing) throw error;
        stored = existing;
        created = false;
      }
      for (const scope of stored.scopes) {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.reportListing(scope, stored.requestedAt, stored.id), reportId: stored.id },
          }),
        );
      }
      return { report: stored, created };
    },

    /** Idempotent: the same report id always gets the same files; a second completion rewrites the same values. */
    async markReady(id: string, result: ReportResult): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.report(id),
          UpdateExpression:
            'SET #status = :ready, summary = :summary, children = :children, files = :files, readyAt = :readyAt, readUnits = :ru',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':ready': 'ready',
            ':summary': result.summary,
            ':children': result.children,
            ':files': result.files,
            ':readyAt': result.readyAt,
            ':ru': result.readUnits,
          },
        }),
      );
    },

    /** One page of a scope's reports, newest first. */
    async listFor(scope: string, page: PageRequest): Promise<Page<ReportRecord>> {
      const pk = keys.reportsOf(scope);
      const { rows, nextCursor } = await queryPage(
        tableName,
        { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false },
        page,
        { pk },
      );
      const ids = rows.map((row) => String(row.reportId));
      const byId = new Map<string, ReportRecord>();
      let requested = ids.map((id) => keys.report(id));
      while (requested.length > 0) {
        const batch = await db.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: requested.slice(0, 100) } } }),
        );
        for (const item of batch.Responses?.[tableName] ?? []) byId.set(String(item.id), strip(item));
        const unprocessed = (batch.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof requested;
        requested = [...unprocessed, ...requested.slice(100)];
      }
      const items = ids.flatMap((id) => {
        const report = byId.get(id);
        return report ? [report] : [];
      });
      return { items, ...(nextCursor ? { nextCursor } : {}) };
    },
  };
}
