import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';

/**
 * Every item of some partitions of an index, a Query per page of each in turn, never a Scan: the shards
 * of a sharded index key (and the partition used before the shards) read as one.
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
      yield* page.Items ?? [];
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
}
