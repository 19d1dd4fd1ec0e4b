/**
 * Lists read through indexes that keep keys only: the items behind a page of entries, fetched by key
 * against the local cloud, in the page's order, leaving out what left the list since the index was read.
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { db } from '../../shared/adapters/dynamo/client.ts';
import { itemsOfEntries } from '../../shared/adapters/dynamo/items-by-key.ts';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ scheduler: false, pollers: false });
});
afterAll(() => cloud?.stop());

const index = tableLayout.indexes.byApplicant;
const put = (n: number, owner: string) =>
  db.send(
    new PutCommand({
      TableName: cloud.tableName,
      Item: {
        pk: `ITEMTEST#${String(n).padStart(3, '0')}`,
        sk: 'META',
        [index.partitionKey]: owner,
        [index.sortKey]: String(n).padStart(3, '0'),
        body: 'x'.repeat(200),
      },
    }),
  );
const entries = async (owner: string) =>
  (
    await db.send(
      new QueryCommand({
        TableName: cloud.tableName,
        IndexName: index.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': owner },
      }),
    )
  ).Items ?? [];

describe('the items behind index entries', () => {
  it('come whole and in the index order, over several batches of 100', async () => {
    for (let n = 0; n < 230; n += 10) await Promise.all(Array.from({ length: 10 }, (_, i) => put(n + i, 'OWNER#a')));
    const listed = await entries('OWNER#a');
    expect(listed).toHaveLength(230);
    // The index holds keys only: what the list shows comes from the items.
    expect(listed[0]?.body).toBeUndefined();
    const items = await itemsOfEntries(cloud.tableName, listed, index);
    expect(items.map((item) => item.pk)).toEqual(listed.map((entry) => entry.pk));
    expect(items.every((item) => item.body === 'x'.repeat(200))).toBe(true);
  });

  it('leave out an item deleted, or moved to another partition of the index, since the index was read', async () => {
    await Promise.all([put(900, 'OWNER#b'), put(901, 'OWNER#b'), put(902, 'OWNER#b')]);
    const listed = await entries('OWNER#b');
    await put(901, 'OWNER#c');
    await db.send(new DeleteCommand({ TableName: cloud.tableName, Key: { pk: 'ITEMTEST#902', sk: 'META' } }));
    const items = await itemsOfEntries(cloud.tableName, listed, index);
    expect(items.map((item) => item.pk)).toEqual(['ITEMTEST#900']);
  });
});
