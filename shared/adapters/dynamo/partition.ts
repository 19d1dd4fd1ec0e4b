import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';

/**
 * Every item of one partition of the table (those whose sort key starts with `skPrefix`, if given), a
 * Query per page, with the read capacity the Queries consumed (the reports record what they cost).
 */
export async function readPartition(
  tableName: string,
  pk: string,
  { skPrefix, client = db }: { skPrefix?: string; client?: DynamoDBDocumentClient } = {},
): Promise<{ items: NonNullable<QueryCommandOutput['Items']>; readUnits: number }> {
  const items: NonNullable<QueryCommandOutput['Items']> = [];
  let readUnits = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: skPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: skPrefix === undefined ? { ':pk': pk } : { ':pk': pk, ':prefix': skPrefix },
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return { items, readUnits };
}
