import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { itemsOfEntries } from './items-by-key.ts';

/**
 * Every item of some partitions of an index, a Query per page of each in turn, never a Scan: the shards
 * of a sharded index key (and the partition used before the shards) read as one; each page's items
 * fetched whole by key (the index projects keys only).
 */
export async function* itemsOfIndexPartitions(
  tableName: string,
  index: { indexName: string; partitionKey: string },
  partitions: readonly string[],
): AsyncGenerator<Record<string, unknown>> {
  for (const pk of partitions) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.indexName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': index.partitionKey },
          ExpressionAttributeValues: { ':pk': pk },
          ExclusiveStartKey: startKey,
        }),
      );
      yield* await itemsOfEntries(tableName, page.Items ?? [], index);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
}
