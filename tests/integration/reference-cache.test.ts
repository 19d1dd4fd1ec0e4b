/**
 * A warm function reads reference data once per REFERENCE_CACHE_SECONDS: a second filing reads no
 * procedure, agency or holiday; a change made by another instance (another Lambda container) is seen
 * once the window has passed, and one made through the same repositories at once. Filing through the
 * real use case and the real SDK; the cache's clock is injected, the reads counted on the repositories'
 * own client with the bench's SDK observer.
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { agencyRepository } from '../../shared/adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '../../shared/adapters/dynamo/catalogue-repository.ts';
import { dossierCounter } from '../../shared/adapters/dynamo/dossier-counter.ts';
import { dossierRepository } from '../../shared/adapters/dynamo/dossier-repository.ts';
import { lookupPinHasher } from '../../shared/adapters/pin-pepper.ts';
import type { Agency } from '../../shared/domain/agency.ts';
import type { Caller } from '../../shared/domain/caller.ts';
import type { Procedure } from '../../shared/domain/procedure.ts';
import { fileDossierUseCase, SubmitDossierBody } from '../../shared/use-cases/file-dossier.ts';
import { observeSdkCalls } from '../bench/support/sdk-calls.ts';
import { birthRegistration, request } from '../support/http.ts';

const procedureCode = '1.001193';
const intakeId = '24.07210.TTPVHCC';

let cloud: LocalCloud;
let stopObserving: () => void;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false });
});
afterAll(async () => {
  stopObserving?.();
  await cloud?.stop();
});

/** A function instance: its repositories on their own client (whose reads are counted), its cache's clock. */
function instance() {
  const client = DynamoDBDocumentClient.from(cloud.clients.dynamo, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const clock = { now: Date.parse('2026-12-07T02:00:00Z') };
  const options = { cacheSeconds: 60, clock: () => clock.now };
  const catalogue = catalogueRepository(cloud.tableName, client, options);
  const agencies = agencyRepository(cloud.tableName, client, options);
  const reads: string[] = [];
  stopObserving?.();
  stopObserving = observeSdkCalls({
    before(call) {
      if (call.client !== client) return;
      const key = call.input.Key as { pk: string; sk: string } | undefined;
      const values = call.input.ExpressionAttributeValues as Record<string, string> | undefined;
      reads.push(key ? `${key.pk}/${key.sk}` : String(values?.[':pk']));
    },
  });
  const file = fileDossierUseCase({
    provinceCode: '24',
    catalogue,
    agencies,
    calendarFor: (id) => agencies.calendarFor(id),
    counter: dossierCounter(cloud.tableName),
    dossiers: dossierRepository(cloud.tableName),
    now: () => new Date(),
    pins: lookupPinHasher,
  });
  const caller: Caller = { sub: 'citizen-an', roles: ['citizen'] };
  const body = SubmitDossierBody.parse(birthRegistration());
  return {
    catalogue,
    agencies,
    reads,
    advance: (ms: number) => (clock.now += ms),
    file: () => file(caller, body, 'online'),
  };
}

/** Another instance's repositories: what the admin functions write with. */
const elsewhere = () => ({
  agencies: agencyRepository(cloud.tableName, undefined, { cacheSeconds: 0 }),
  catalogue: catalogueRepository(cloud.tableName, undefined, { cacheSeconds: 0 }),
});

let restore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

/** Renames the intake centre the receipt names, through `agencies`; the test puts the old name back. */
async function renameIntake(agencies: ReturnType<typeof agencyRepository>, name: string): Promise<Agency> {
  const intake = (await elsewhere().agencies.getConsistent(intakeId)) as Agency;
  await agencies.put({ ...intake, name });
  restore = () => elsewhere().agencies.put(intake);
  return intake;
}

describe('reference data in a warm instance', () => {
  it('is read by the first filing only: the second reads no procedure, agency or holiday', async () => {
    const warm = instance();
    await warm.file();
    expect(warm.reads).toEqual(
      expect.arrayContaining([
        `PROCEDURE#${procedureCode}/CURRENT`,
        'AGENCY#24.07210/AGENCY',
        `AGENCY#${intakeId}/AGENCY`,
        'HOLIDAYS',
      ]),
    );
    warm.reads.length = 0;
    const second = await warm.file();
    expect(second.code).toMatch(/^24\.07210-/);
    expect(warm.reads).toEqual([]);
  });

  it("sees another instance's change to an agency once the window has passed, not before", async () => {
    const warm = instance();
    const { name } = await warm.file().then((r) => ({ name: r.agencyName }));
    await renameIntake(elsewhere().agencies, 'Trung tâm Phục vụ hành chính công (đổi tên)');

    warm.advance(59_000);
    expect((await warm.file()).agencyName).toBe(name);
    expect(warm.reads.filter((r) => r.startsWith('AGENCY#'))).toHaveLength(2); // the first filing's only

    warm.advance(1_000);
    expect((await warm.file()).agencyName).toBe('Trung tâm Phục vụ hành chính công (đổi tên)');
  });

  it('sees a change written through its own repositories at once', async () => {
    const warm = instance();
    await warm.file();
    await renameIntake(warm.agencies, 'Trung tâm một cửa (đổi tên tại chỗ)');
    expect((await warm.file()).agencyName).toBe('Trung tâm một cửa (đổi tên tại chỗ)');
  });

  it('files under a new procedure version: at once through its own catalogue, after the window from elsewhere', async () => {
    const warm = instance();
    const first = await warm.file();
    const current = (await elsewhere().catalogue.currentProcedure(procedureCode)) as Procedure;
    expect(first.procedure.version).toBe(current.version);

    await elsewhere().catalogue.putProcedure({ ...current, version: current.version + 1 });
    expect((await warm.file()).procedure.version).toBe(current.version);
    warm.advance(60_000);
    expect((await warm.file()).procedure.version).toBe(current.version + 1);

    await warm.catalogue.putProcedure({ ...current, version: current.version + 2 });
    expect((await warm.file()).procedure.version).toBe(current.version + 2);
  });
});

describe('the reads an admin checks a change with', () => {
  /** Rewrites an item as another container would: this process's caches are not told. */
  async function behindTheCachesBack(key: { pk: string; sk: string }, change: Record<string, unknown>) {
    const doc = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const { Item } = await doc.send(new GetCommand({ TableName: cloud.tableName, Key: key, ConsistentRead: true }));
    await doc.send(new PutCommand({ TableName: cloud.tableName, Item: { ...Item, ...change } }));
    restore = async () => void (await doc.send(new PutCommand({ TableName: cloud.tableName, Item })));
  }

  it('GET /v1/procedures/{code} shows the current version as stored, whatever the functions keep', async () => {
    const before = await request(cloud, 'GET', `/v1/procedures/${procedureCode}`);
    expect(before.status).toBe(200);
    await behindTheCachesBack({ pk: `PROCEDURE#${procedureCode}`, sk: 'CURRENT' }, { name: 'Đăng ký khai sinh (sửa)' });
    expect((await request(cloud, 'GET', `/v1/procedures/${procedureCode}`)).body.name).toBe('Đăng ký khai sinh (sửa)');
  });

  it('GET /v1/agencies/{id} shows the agency and its path as stored, whatever the functions keep', async () => {
    const before = await request(cloud, 'GET', `/v1/agencies/${intakeId}`);
    expect(before.status).toBe(200);
    await behindTheCachesBack({ pk: 'AGENCY#24.07210', sk: 'AGENCY' }, { name: 'UBND phường (đổi tên)' });
    const after = await request(cloud, 'GET', `/v1/agencies/${intakeId}`);
    expect(after.body.ancestors[0]).toMatchObject({ id: '24.07210', name: 'UBND phường (đổi tên)' });
  });
});
