import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import {
  communeDepartments,
  demoOfficials,
  provinceAgencies,
  seedHolidays,
} from '../../../infra/local/seed-agencies.ts';
import { demoProcedures } from '../../../infra/local/seed-catalogue.ts';
import { agencyRepository } from '../../../shared/adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '../../../shared/adapters/dynamo/catalogue-repository.ts';

/**
 * The seed loads the table in batches (importDirectory, importProcedures): what it stores must be what
 * the one-at-a-time writes the API uses (put, putOfficial, putHolidays, putProcedure) store, item for item.
 */
const agencies = [...provinceAgencies, ...communeDepartments.map((d) => ({ ...d, parentId: '24.UBND' }))];
const placed = new Set(agencies.map((a) => a.id));
const officials = demoOfficials.filter((o) => placed.has(o.agencyId));
const [first, second] = demoProcedures;
if (!first || !second) throw new Error('the demo catalogue has fewer than two procedures');
// Two versions of one code: the newer is current and listed, the older kept.
const procedures = [first, { ...first, version: 2, name: `${first.name} (sửa đổi)` }, second];

const clouds: LocalCloud[] = [];
beforeAll(async () => {
  for (let i = 0; i < 2; i++) clouds.push(await startLocalCloud({ pollers: false, scheduler: false }));
});
afterAll(() => Promise.all(clouds.map((c) => c.stop())));

const repositories = (cloud: LocalCloud) => {
  const client = DynamoDBDocumentClient.from(cloud.clients.dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    agencies: agencyRepository(cloud.tableName, client),
    catalogue: catalogueRepository(cloud.tableName, client),
  };
};

async function everyItem(cloud: LocalCloud): Promise<string[]> {
  const client = DynamoDBDocumentClient.from(cloud.clients.dynamo);
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: cloud.tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) items.push(JSON.stringify(Object.fromEntries(Object.entries(item).sort())));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort();
}

describe('the batched seed', () => {
  it('stores the same items as the one-at-a-time writes', async () => {
    const [single, batched] = clouds.map(repositories) as [
      ReturnType<typeof repositories>,
      ReturnType<typeof repositories>,
    ];
    for (const agency of agencies) await single.agencies.put(agency);
    for (const official of officials) await single.agencies.putOfficial(official);
    for (const [year, holidays] of Object.entries(seedHolidays))
      await single.agencies.putHolidays(Number(year), holidays);
    for (const procedure of procedures) await single.catalogue.putProcedure(procedure);

    await batched.agencies.importDirectory({ agencies, officials, holidays: seedHolidays });
    // Listed newest first: the import must still make version 2 current.
    await batched.catalogue.importProcedures([...procedures].reverse());

    const [one = [], many] = await Promise.all(clouds.map(everyItem));
    expect(one.length).toBeGreaterThan(officials.length * 2);
    expect(many).toEqual(one);
    expect((await batched.catalogue.currentProcedure(first.code))?.version).toBe(2);
  });
});
