import { type DynamoDBDocumentClient, type QueryCommandInput, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PageRequest } from '../../use-cases/ports/page.ts';
import { db } from './client.ts';
import { cursorAfter, decodeCursor, encodeCursor } from './cursor.ts';

export type PageQuery = Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>;

/**
 * One page of a Query, as every list of the platform pages: `limit` rows unless the list ends there,
 * and a cursor only when rows follow (no empty last page), in one request for a list without a filter.
 * It asks for one row more than the page holds: finding it proves more follow, and the cursor then
 * resumes after the page's last row. A FilterExpression may keep fewer rows than DynamoDB evaluated:
 * with `readOn` the page is read on until full (an inbox's read/unread view); without it the page is
 * one request (an agency's work queue, whose reads are held to two round trips) and may be short while
 * a cursor follows. `scope`: the partition the cursor must stay in (cursor.ts).
 */
export async function queryPage(
  tableName: string,
  query: PageQuery,
  page: PageRequest,
  scope: Record<string, string>,
  { readOn = false, client = db }: { readOn?: boolean; client?: DynamoDBDocumentClient } = {},
): Promise<{ rows: Record<string, unknown>[]; nextCursor?: string }> {
  const rows: Record<string, unknown>[] = [];
  let startKey = decodeCursor(page.cursor, scope);
  for (;;) {
    const result = await client.send(
      new QueryCommand({
        ...query,
        TableName: tableName,
        Limit: page.limit - rows.length + 1,
        ExclusiveStartKey: startKey,
      }),
    );
    const found = result.Items ?? [];
    if (rows.length + found.length > page.limit) {
      rows.push(...found.slice(0, page.limit - rows.length));
      return { rows, nextCursor: cursorAfter(rows[rows.length - 1] ?? {}, scope) };
    }
    rows.push(...found);
    startKey = result.LastEvaluatedKey;
    if (!startKey || rows.length === page.limit || !readOn) {
      const nextCursor = encodeCursor(startKey);
      return { rows, ...(nextCursor ? { nextCursor } : {}) };
    }
  }
}
