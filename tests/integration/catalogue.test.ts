import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { demoProcedures } from '../../infra/local/seed-catalogue.ts';
import { catalogueRepository } from '../../shared/adapters/dynamo/catalogue-repository.ts';
import { clearReferenceCaches } from '../../shared/adapters/reference-cache.ts';
import type { Procedure } from '../../shared/domain/procedure.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

// Pollers off: this file only reads and writes the catalogue (and files a dossier to see its version kept).
let cloud: LocalCloud;
let admin: string;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false });
  admin = await tokenFor(cloud, 'admin-quang');
});
afterAll(() => cloud?.stop());

const search = (query: string) => request(cloud, 'GET', `/v1/procedures?${query}`);
const codesOf = (body: { items: { code: string }[] }) => body.items.map((item) => item.code);
const contentOf = ({ code: _code, version: _version, ...content }: Procedure) => content;
const put = (code: string, body: unknown, token = admin, headers: Record<string, string> = {}) =>
  request(cloud, 'PUT', `/v1/procedures/${code}`, { token, body, headers });

/** Every page of a search, following the cursors. */
async function allPages(query: string, limit: number): Promise<string[]> {
  const codes: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const response = await search(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeLessThanOrEqual(limit);
    codes.push(...codesOf(response.body));
    cursor = response.body.nextCursor;
    if (!cursor) return codes;
  }
  throw new Error('too many pages');
}

describe('GET /v1/procedures', () => {
  it.each(['khai sinh', 'dang ky khai sinh', 'Đăng ký khai sinh', 'KHAI   SINH', '1.001193'])(
    'finds "Đăng ký khai sinh" with q=%j, anonymously',
    async (q) => {
      const response = await search(`q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(response.body.items).toContainEqual({
        code: '1.001193',
        version: 1,
        name: 'Đăng ký khai sinh',
        field: 'Hộ tịch',
        level: 'commune',
        serviceLevel: 'fully-online',
        processingTime: { workingDays: 1 },
        fee: null,
      });
    },
  );

  it('lists the whole catalogue sorted by code, without the folded names', async () => {
    const response = await search('limit=100');
    expect(response.body.total).toBe(demoProcedures.length);
    expect(codesOf(response.body)).toEqual(demoProcedures.map((p) => p.code).sort());
    expect(response.body.nextCursor).toBeUndefined();
    expect(response.body.items[0]).not.toHaveProperty('nameFolded');
  });

  it.each([
    ['field=Hộ tịch', { field: 'Hộ tịch' }],
    ['field=ho tich', { field: 'Hộ tịch' }],
    ['level=department', { level: 'department' }],
    ['level=province', { level: 'province' }],
    ['agencyId=24.STC', { agencyId: '24.STC' }],
    ['serviceLevel=offline', { serviceLevel: 'offline' }],
    [
      'level=department&agencyId=24.SNV&serviceLevel=partly-online',
      { agencyId: '24.SNV', serviceLevel: 'partly-online' },
    ],
  ])('filters by %s', async (query, expected) => {
    const response = await search(`${encodeURI(query)}&limit=100`);
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(0);
    expect(response.body.total).toBe(response.body.items.length);
    for (const item of response.body.items) expect(item).toMatchObject(expected);
    const outside = demoProcedures.filter((p) => !codesOf(response.body).includes(p.code));
    for (const procedure of outside) expect(procedure).not.toMatchObject(expected);
  });

  it('combines the text query with the filters', async () => {
    const response = await search(`q=${encodeURIComponent('đăng ký')}&level=department`);
    expect(codesOf(response.body)).toEqual(['1.008927', '2.001610', '2.002043']);
  });

  it('pages with a cursor: every procedure once, none missed, in order', async () => {
    const all = demoProcedures.map((p) => p.code).sort();
    for (const limit of [1, 4, 7]) expect(await allPages('q=', limit)).toEqual(all);
    const commune = await allPages('level=commune', 3);
    expect(commune).toEqual(
      demoProcedures
        .filter((p) => p.level === 'commune')
        .map((p) => p.code)
        .sort(),
    );
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['level=hamlet', 'query.level'],
    ['serviceLevel=online', 'query.serviceLevel'],
    ['agencyId=24-STP', 'query.agencyId'],
    ['sort=name', 'query.sort'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const response = await search(query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 400 to a forged cursor', async () => {
    const response = await search('cursor=not-a-cursor');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid-cursor');
  });

  it('keeps one summary item per procedure in the catalogue partition', async () => {
    const doc = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const { Item } = await doc.send(
      new GetCommand({ TableName: cloud.tableName, Key: { pk: 'CATALOGUE', sk: 'PROCEDURE#1.008927' } }),
    );
    expect(Item).toMatchObject({ code: '1.008927', version: 1, agencyId: '24.STP', nameFolded: expect.any(String) });
    expect(Item).not.toHaveProperty('steps');
  });
});

describe('GET /v1/procedures/{code}', () => {
  it('answers the current version, anonymously', async () => {
    const response = await request(cloud, 'GET', '/v1/procedures/2.002757');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toEqual(demoProcedures.find((p) => p.code === '2.002757'));
    expect(response.body.joint).toEqual([
      expect.objectContaining({ agency: { level: 'commune' }, share: { workingDays: 5 } }),
    ]);
  });

  it.each([
    ['/v1/procedures/9.999999', 'procedure-not-found'],
    ['/v1/procedures/1.001193?version=99', 'procedure-not-found'],
  ])('answers 404 problem+json for %s', async (path, code) => {
    const response = await request(cloud, 'GET', path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code, status: 404 });
    expect(response.body.detail).toMatch(/^Không có/);
  });

  it.each([
    ['/v1/procedures/khai-sinh', 'path.code'],
    ['/v1/procedures/1.001193?version=0', 'query.version'],
    ['/v1/procedures/1.001193?version=abc', 'query.version'],
    ['/v1/procedures/1.001193?lang=en', 'query.lang'],
  ])('answers 400 naming the field for %s', async (path, field) => {
    const response = await request(cloud, 'GET', path);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('PUT /v1/procedures/{code}', () => {
  it('creates version 2, while a dossier filed under version 1 keeps it', async () => {
    const citizen = await tokenFor(cloud, 'citizen-an');
    const filed = await request(cloud, 'POST', '/v1/dossiers', { token: citizen, body: birthRegistration() });
    expect(filed.status).toBe(201);

    const v1 = (await request(cloud, 'GET', '/v1/procedures/1.001193')).body as Procedure;
    const v2Content = {
      ...contentOf(v1),
      documents: [
        ...v1.documents,
        {
          name: 'Giấy tờ chứng minh nơi cư trú (khi cần xác định thẩm quyền)',
          copyType: 'copy',
          count: 1,
          optional: true,
        },
      ],
    };
    const saved = await put('1.001193', v2Content);
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({ ...v2Content, code: '1.001193', version: 2 });
    expect(saved.headers.get('location')).toBe('/v1/procedures/1.001193?version=2');
    expect(saved.headers.get('etag')).toBe('"2"');

    const current = await request(cloud, 'GET', '/v1/procedures/1.001193');
    expect(current.body.version).toBe(2);
    expect(current.body.documents).toHaveLength(v1.documents.length + 1);
    const past = await request(cloud, 'GET', '/v1/procedures/1.001193?version=1');
    expect(past.body).toEqual(v1);

    const dossier = await request(cloud, 'GET', `/v1/dossiers/${filed.body.code}`, { token: citizen });
    expect(dossier.status).toBe(200);
    expect(dossier.body.procedure).toMatchObject({ code: '1.001193', version: 1 });
    const next = await request(cloud, 'POST', '/v1/dossiers', { token: citizen, body: birthRegistration() });
    expect(next.body.procedure).toMatchObject({ code: '1.001193', version: 2 });

    const doc = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const { Item } = await doc.send(
      new GetCommand({ TableName: cloud.tableName, Key: { pk: 'CATALOGUE', sk: 'PROCEDURE#1.001193' } }),
    );
    expect(Item?.version).toBe(2);
  });

  it('creates nothing for content identical to the current version (200, same version)', async () => {
    const current = (await request(cloud, 'GET', '/v1/procedures/1.008927')).body as Procedure;
    const again = await put('1.008927', contentOf(current));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(current);
    expect(again.headers.get('location')).toBeNull();
    const none = await request(cloud, 'GET', `/v1/procedures/1.008927?version=${current.version + 1}`);
    expect(none.status).toBe(404);
  });

  it('answers a replay with the same Idempotency-Key with the first response', async () => {
    const current = (await request(cloud, 'GET', '/v1/procedures/1.000656')).body as Procedure;
    const body = { ...contentOf(current), processingTime: { workingDays: 2 } };
    const key = crypto.randomUUID();
    const first = await put('1.000656', body, admin, { 'idempotency-key': key });
    const replay = await put('1.000656', body, admin, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect((await request(cloud, 'GET', '/v1/procedures/1.000656')).body.version).toBe(first.body.version);
  });

  it('creates version 1 of a new procedure', async () => {
    const content = {
      ...contentOf(demoProcedures.find((p) => p.code === '2.001610') ?? (demoProcedures[0] as Procedure)),
      name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    };
    const created = await put('9.240605', content);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: '9.240605', version: 1, agencyId: '24.STC' });
    expect((await request(cloud, 'GET', '/v1/procedures/9.240605?version=1')).status).toBe(200);
  });

  it('lets only admins save (403 for a citizen and an official) and nobody anonymous (401)', async () => {
    const body = contentOf(demoProcedures[0] as Procedure);
    expect((await put('1.001193', body, await tokenFor(cloud, 'citizen-an'))).status).toBe(403);
    expect((await put('1.001193', body, await tokenFor(cloud, 'leader-tuan'))).status).toBe(403);
    const anonymous = await request(cloud, 'PUT', '/v1/procedures/1.001193', { body });
    expect(anonymous.status).toBe(401);
  });

  const valid = () => contentOf(demoProcedures.find((p) => p.code === '1.008927') as Procedure);
  it.each<[string, string, unknown, string]>([
    ['an unknown field', '1.008927', { ...valid(), status: 'active' }, 'status'],
    ['the version in the body', '1.008927', { ...valid(), version: 7 }, 'version'],
    ['the code in the body', '1.008927', { ...valid(), code: '1.008927' }, 'code'],
    ['a malformed code in the path', '1.8927', valid(), 'path.code'],
    ['a negative fee', '1.008927', { ...valid(), fee: { amount: -200_000, due: 'intake' } }, 'fee.amount'],
    [
      'a fee with both a flat amount and a schedule',
      '1.008927',
      { ...valid(), fee: { amount: 10_000, schedule: { kind: 'fixed', amount: 10_000 }, due: 'intake' } },
      'fee.schedule',
    ],
    [
      'a fee schedule of an unknown kind',
      '1.008927',
      { ...valid(), fee: { schedule: { kind: 'per-hour', amount: 10_000 }, due: 'intake' } },
      'fee.schedule.kind',
    ],
    ['a fee due at an unknown time', '1.008927', { ...valid(), fee: { amount: 10_000, due: 'later' } }, 'fee.due'],
    ['a missing name', '1.008927', { ...valid(), name: undefined }, 'name'],
    ['an unknown level', '1.008927', { ...valid(), level: 'ministry' }, 'level'],
    [
      'a step of an unknown role',
      '1.008927',
      { ...valid(), steps: [{ name: 'Ký', role: 'admin', duration: { workingDays: 1 } }] },
      'steps.0.role',
    ],
    [
      'a duration of a third of a day',
      '1.008927',
      { ...valid(), processingTime: { workingDays: 1.3 } },
      'processingTime.workingDays',
    ],
    [
      'an unknown field in a document',
      '1.008927',
      { ...valid(), documents: [{ ...valid().documents[0], pages: 3 }] },
      'documents.0.pages',
    ],
  ])('answers 400 naming the field for %s', async (_label, code, body, field) => {
    const response = await put(code, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'validation-failed', status: 400 });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each<[string, Partial<Procedure>, string]>([
    ['steps longer than the legal time', { processingTime: { workingDays: 2 } }, 'steps'],
    ['a department-level procedure without its agency', { agencyId: undefined }, 'agencyId'],
    ['an agency that does not exist', { agencyId: '24.SGTVT' }, 'agencyId'],
    [
      'joint shares that do not fit',
      { joint: [{ agency: { level: 'commune' }, purpose: 'Xác nhận của UBND xã', share: { workingDays: 2 } }] },
      'joint',
    ],
    [
      'a range fee whose minimum is not below its maximum',
      { fee: { schedule: { kind: 'range', min: 500_000, max: 500_000 }, due: 'result' } },
      'fee.schedule.max',
    ],
    [
      'page tiers that do not start at page 1',
      { fee: { schedule: { kind: 'per-page', tiers: [{ fromPage: 2, amount: 2_000 }] }, due: 'intake' } },
      'fee.schedule.tiers.0.fromPage',
    ],
  ])('answers 422 in Vietnamese for %s, and saves nothing', async (_label, change, field) => {
    const response = await put('1.008927', { ...valid(), ...change });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'procedure-rules-violated', status: 422 });
    expect(response.body.detail).toMatch(/^Thủ tục chưa đáp ứng quy định: /);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await request(cloud, 'GET', '/v1/procedures/1.008927?version=2')).status).toBe(404);
  });
});

describe('the catalogue repository', () => {
  it('lets only one of two admins create a given version, and completes a retry of the same content', async () => {
    const catalogue = catalogueRepository(cloud.tableName, DynamoDBDocumentClient.from(cloud.clients.dynamo));
    const current = (await catalogue.currentProcedure('1.004873')) as Procedure;
    const mine = { ...current, version: current.version + 1, processingTime: { workingDays: 4 } };
    const theirs = { ...current, version: current.version + 1, processingTime: { workingDays: 5 } };
    const outcomes = await Promise.allSettled([catalogue.putProcedure(mine), catalogue.putProcedure(theirs)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { kind: 'conflict', code: 'procedure-version-conflict' },
    });
    const winner = (await catalogue.currentProcedure('1.004873')) as Procedure;
    expect(winner.version).toBe(current.version + 1);
    expect(await catalogue.putProcedure(winner)).toBe('already-stored');
    expect(await catalogue.latestVersion('1.004873')).toEqual(winner);
  });

  it('never moves the current copy back to an older version', async () => {
    const catalogue = catalogueRepository(cloud.tableName, DynamoDBDocumentClient.from(cloud.clients.dynamo));
    const v1 = (await catalogue.procedureVersion('2.000635', 1)) as Procedure;
    await catalogue.putProcedure({
      ...v1,
      version: 2,
      fee: { schedule: { kind: 'fixed', amount: 10_000 }, due: 'intake' },
    });
    expect(await catalogue.putProcedure(v1)).toBe('already-stored');
    expect((await catalogue.currentProcedure('2.000635'))?.version).toBe(2);
  });

  it('reads a version stored with the old flat fee as the fixed rule it stands for', async () => {
    const doc = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const current = (await request(cloud, 'GET', '/v1/procedures/2.001610')).body as Procedure;
    // A version saved before fee rules, `{ amount, due }`, as the old code wrote it (version item and current copy).
    const legacy = { ...current, version: current.version + 1, fee: { amount: 100_000, due: 'intake' } };
    for (const sk of [`V#${String(legacy.version).padStart(5, '0')}`, 'CURRENT']) {
      await doc.send(new PutCommand({ TableName: cloud.tableName, Item: { pk: 'PROCEDURE#2.001610', sk, ...legacy } }));
    }
    // Written behind the repositories' back: the functions' cache of the catalogue (REFERENCE_CACHE_SECONDS) is told.
    clearReferenceCaches();
    const read = await request(cloud, 'GET', `/v1/procedures/2.001610?version=${legacy.version}`);
    expect(read.body.fee).toEqual({ schedule: { kind: 'fixed', amount: 100_000 }, due: 'intake' });

    // A dossier filed under it owes that amount.
    const citizen = await tokenFor(cloud, 'citizen-an');
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: citizen,
      body: birthRegistration({ procedureCode: '2.001610' }),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const dossier = await request(cloud, 'GET', `/v1/dossiers/${filed.body.code}`, { token: citizen });
    expect(dossier.body.procedure.version).toBe(legacy.version);
    expect(dossier.body.fee).toMatchObject({ amount: 100_000, due: 'intake', paid: false });

    // The same content sent again in the old form is the same version: nothing is created.
    const again = await put('2.001610', {
      ...contentOf(read.body as Procedure),
      fee: { amount: 100_000, due: 'intake' },
    });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(legacy.version);
  });
});
