import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';

/**
 * Every item of one partition of the table, a Query per page, with the read capacity the Queries
 * consumed (the reports record what they cost).
 */
export async function readPartition(
  tableName: string,
  pk: string,
): Promise<{ items: NonNullable<QueryCommandOutput['Items']>; readUnits: number }> {
  const items: NonNullable<QueryCommandOutput['Items']> = [];
  let readUnits = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
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
