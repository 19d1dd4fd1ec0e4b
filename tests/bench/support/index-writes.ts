/**
 * The write units DynamoDB bills on the table's global secondary indexes, which dynalite's
 * ConsumedCapacity leaves out (it reports the base table only). Each index holds the item's projection
 * (its keys, the table's keys and the attributes it `projects`, shared/adapters/dynamo/table-layout.ts),
 * billed at the projection's size, 1 WCU per KB rounded up: a write that moves the item's index key is
 * a delete and a put there (2 writes); one that adds it, a put; one that removes it, a delete; one that
 * changes none of the projected attributes, nothing (DynamoDB writes the index only when its entry changes).
 *
 * The item before a write comes from a shadow of the table (a Scan when counting starts, then every
 * write seen); the item after it from the write itself (Put, Delete) or a consistent GetItem of the
 * bench's own client (Update), made after the write and kept out of every other count.
 */
import { createRequire } from 'node:module';
import { DynamoDBClient, GetItemCommand, paginateScan, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { tableLayout } from '../../../shared/adapters/dynamo/table-layout.ts';
import type { SdkCall } from './sdk-calls.ts';

type Item = Record<string, AttributeValue>;
type Write = { kind: 'put'; item: Item } | { kind: 'update' | 'delete'; key: Item };

// dynalite's own item size (attribute names + values, DynamoDB's rules), the one its table units use.
const { itemSize } = createRequire(import.meta.url)('dynalite/db/index.js') as { itemSize: (item: Item) => number };
const units = (item: Item) => Math.max(1, Math.ceil(itemSize(item) / 1024));

const marshalled = (value: Record<string, unknown>): Item => {
  const pk = value[tableLayout.partitionKey];
  return pk !== null && typeof pk === 'object'
    ? (value as Item)
    : marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: true });
};
const keyOf = (item: Item) => JSON.stringify([item[tableLayout.partitionKey], item[tableLayout.sortKey]]);
const keyFields = (item: Item): Item =>
  Object.fromEntries([tableLayout.partitionKey, tableLayout.sortKey].flatMap((k) => (item[k] ? [[k, item[k]]] : [])));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's command inputs, as sent
type Input = Record<string, any>;

/** The writes of one successful call to the table (none for a failed one: a failed write changes no index). */
function writesOf(call: SdkCall, tableName: string): Write[] {
  const input = call.input as Input;
  if (call.error !== undefined) return [];
  const one = (name: string, op: Input): Write[] => {
    if (op.TableName !== undefined && op.TableName !== tableName) return [];
    if (name === 'Put' || name === 'PutItem') return [{ kind: 'put', item: marshalled(op.Item) }];
    if (name === 'Update' || name === 'UpdateItem') return [{ kind: 'update', key: marshalled(op.Key) }];
    if (name === 'Delete' || name === 'DeleteItem') return [{ kind: 'delete', key: marshalled(op.Key) }];
    return [];
  };
  switch (call.command) {
    case 'Put':
    case 'PutItem':
    case 'Update':
    case 'UpdateItem':
    case 'Delete':
    case 'DeleteItem':
      return one(call.command, input);
    case 'TransactWrite':
    case 'TransactWriteItems':
      return (input.TransactItems as Record<string, unknown>[]).flatMap((entry) =>
        Object.entries(entry).flatMap(([name, op]) => one(name, op as Record<string, unknown>)),
      );
    case 'BatchWrite':
    case 'BatchWriteItem':
      return Object.entries(input.RequestItems as Record<string, Input[]>)
        .filter(([table]) => table === tableName)
        .flatMap(([, requests]) =>
          requests.map((r): Write =>
            r.PutRequest
              ? { kind: 'put', item: marshalled(r.PutRequest.Item) }
              : { kind: 'delete', key: marshalled(r.DeleteRequest.Key) },
          ),
        );
    default:
      return [];
  }
}

type Index = (typeof tableLayout.indexes)[keyof typeof tableLayout.indexes];

/** What an index holds of an item: its keys, the table's, and the attributes it projects. */
function projected(item: Item, index: Index): Item {
  const names = [tableLayout.partitionKey, tableLayout.sortKey, index.partitionKey, index.sortKey, ...index.projects];
  return Object.fromEntries(names.flatMap((name) => (item[name] ? [[name, item[name]]] : [])));
}

/** Index write units of one write, old item → new item, in every index. */
export function indexWriteUnits(before: Item | undefined, after: Item | undefined): number {
  let total = 0;
  for (const index of Object.values(tableLayout.indexes)) {
    const indexKey = (item: Item | undefined) => {
      const pk = item?.[index.partitionKey];
      const sk = item?.[index.sortKey];
      return pk && sk ? JSON.stringify([pk, sk]) : undefined;
    };
    const was = indexKey(before);
    const is = indexKey(after);
    const old = before && was !== undefined ? projected(before, index) : undefined;
    const now = after && is !== undefined ? projected(after, index) : undefined;
    // A moved key is a delete and a put; a new or changed entry a put; a removed one a delete; an unchanged one nothing.
    if (old && now && was !== is) total += units(old) + units(now);
    else if (now && (!old || JSON.stringify(old) !== JSON.stringify(now))) total += units(now);
    else if (old && !now) total += units(old);
  }
  return total;
}

export class IndexWriteCounter {
  /** The bench's own client: its calls are not the platform's and must not be counted. */
  readonly client: DynamoDBClient;
  private readonly shadow = new Map<string, Item>();
  private readonly chains = new Map<string, Promise<void>>();
  units = 0;
  writes = 0;

  constructor(
    private readonly tableName: string,
    endpoint: string | undefined,
    region: string,
  ) {
    this.client = new DynamoDBClient({
      ...(endpoint ? { endpoint } : {}),
      region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  /** Loads the table as it is now: the items every later write starts from. */
  async prime(): Promise<void> {
    this.shadow.clear();
    for await (const page of paginateScan({ client: this.client }, { TableName: this.tableName, ConsistentRead: true }))
      for (const item of page.Items ?? []) this.shadow.set(keyOf(item), item);
  }

  /** Bytes the table holds, base items and index entries apart (dynalite's item sizes, plus AWS's 100 bytes each). */
  storedBytes(): { base: number; indexes: number; items: number } {
    let base = 0;
    let indexes = 0;
    for (const item of this.shadow.values()) {
      const size = itemSize(item) + 100;
      base += size;
      for (const index of Object.values(tableLayout.indexes))
        if (item[index.partitionKey] && item[index.sortKey]) indexes += itemSize(projected(item, index)) + 100;
    }
    return { base, indexes, items: this.shadow.size };
  }

  observe(call: SdkCall): void {
    if (call.client === this.client || call.service !== 'dynamodb') return;
    for (const write of writesOf(call, this.tableName)) {
      const key = keyOf(write.kind === 'put' ? write.item : write.key);
      const previous = this.chains.get(key) ?? Promise.resolve();
      this.chains.set(
        key,
        previous.then(async () => {
          const before = this.shadow.get(key);
          const after =
            write.kind === 'put'
              ? write.item
              : write.kind === 'delete'
                ? undefined
                : (
                    await this.client.send(
                      new GetItemCommand({
                        TableName: this.tableName,
                        Key: keyFields(write.key),
                        ConsistentRead: true,
                      }),
                    )
                  ).Item;
          this.units += indexWriteUnits(before, after);
          this.writes++;
          if (after) this.shadow.set(key, after);
          else this.shadow.delete(key);
        }),
      );
    }
  }

  /** Waits for the pending look-ups, then starts a fresh count on the same shadow. */
  async drain(): Promise<void> {
    await Promise.all(this.chains.values());
  }

  reset(): void {
    this.units = 0;
    this.writes = 0;
  }
}
