import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** BatchWriteItem's limit. */
const perCall = 25;
/** Retries of the items a call left unprocessed (throttling), with a doubling pause from 50 ms. */
const maxRetries = 8;

type Item = Record<string, unknown>;

/**
 * Puts many items, 25 to a BatchWriteItem call, the calls in parallel; the items a call leaves
 * unprocessed are sent again after a pause. Unconditional puts: for loading a table (seeding), not for
 * writes that must not overwrite. No two items may share a key.
 */
export async function batchPut(client: DynamoDBDocumentClient, tableName: string, items: readonly Item[]) {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += perCall) chunks.push(items.slice(i, i + perCall));
  await Promise.all(chunks.map((chunk) => putChunk(client, tableName, chunk)));
}

async function putChunk(client: DynamoDBDocumentClient, tableName: string, chunk: Item[]): Promise<void> {
  let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > maxRetries) throw new Error(`batchPut: ${requests.length} item(s) left unprocessed by ${tableName}`);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** (attempt - 1)));
    const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (result.UnprocessedItems?.[tableName] ?? []).flatMap((r) =>
      r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
    );
  }
}
