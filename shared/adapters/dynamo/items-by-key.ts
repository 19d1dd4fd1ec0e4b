import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { tableLayout } from './table-layout.ts';

/** BatchGetItem's limit. */
const batchLimit = 100;
/** Rounds of unprocessed keys retried before giving up (DynamoDB returns them under throttling). */
const maxRounds = 8;

type Item = Record<string, unknown>;

const keyOf = (item: Item) => ({
  [tableLayout.partitionKey]: item[tableLayout.partitionKey],
  [tableLayout.sortKey]: item[tableLayout.sortKey],
});
const idOf = (item: Item) => `${String(item[tableLayout.partitionKey])}\u0000${String(item[tableLayout.sortKey])}`;

/**
 * The whole items behind index entries (which project keys only), in the entries' order, every batch
 * at once: one round trip for a page. Eventually consistent, as the index itself is. An entry whose
 * item no longer carries the index key it was listed under (it moved since the index was read: another
 * agency's queue, another day) or no longer exists is left out, so a list never shows what left it.
 */
export async function itemsOfEntries(
  tableName: string,
  entries: readonly Item[],
  index?: { partitionKey: string },
): Promise<Item[]> {
  if (entries.length === 0) return [];
  const found = new Map<string, Item>();
  const chunks = Array.from({ length: Math.ceil(entries.length / batchLimit) }, (_, i) =>
    entries.slice(i * batchLimit, (i + 1) * batchLimit).map(keyOf),
  );
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending: Item[] = chunk;
      for (let round = 0; pending.length > 0; round++) {
        if (round === maxRounds)
          throw new Error(`${pending.length} item(s) still unprocessed after ${maxRounds} rounds`);
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
        const { Responses, UnprocessedKeys } = await db.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
        );
        for (const item of Responses?.[tableName] ?? []) found.set(idOf(item), item);
        pending = (UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined) ?? [];
      }
    }),
  );
  return entries.flatMap((entry) => {
    const item = found.get(idOf(entry));
    if (!item) return [];
    if (index && item[index.partitionKey] !== entry[index.partitionKey]) return [];
    return [item];
  });
}
