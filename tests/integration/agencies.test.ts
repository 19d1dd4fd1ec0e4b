import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { demoOfficials } from '../../infra/local/seed-agencies.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { agencyRepository, clearCalendarCache } from '../../shared/adapters/dynamo/agency-repository.ts';
import { isWorkingDay } from '../../shared/domain/calendar/index.ts';
import { vnParts } from '../../shared/domain/time.ts';
import { request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
let admin: string;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false });
  admin = await tokenFor(cloud, 'admin-quang');
});
afterAll(() => cloud?.stop());

const get = (path: string, token?: string) => request(cloud, 'GET', path, token ? { token } : {});
const put = (path: string, body: unknown, token: string | undefined = admin, headers: Record<string, string> = {}) =>
  request(cloud, 'PUT', path, { body, headers, ...(token ? { token } : {}) });

/** Every page of a list, following `nextCursor`. */
async function allPages(path: string, limit: number) {
  const items: { id: string; level: string; parentId?: string }[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    pages.push(response.body.items.length);
    cursor = response.body.nextCursor;
  } while (cursor);
  return { items, pages };
}

describe('GET /v1/agencies', () => {
  it('lists the 99 communes of the province page by page, sorted, without duplicates', async () => {
    const { items, pages } = await allPages('/v1/agencies?parentId=24.UBND&level=commune', 25);
    expect(items).toHaveLength(99);
    expect(pages).toEqual([25, 25, 25, 24]);
    expect(new Set(items.map((a) => a.id)).size).toBe(99);
    expect(items.every((a) => a.level === 'commune' && a.parentId === '24.UBND')).toBe(true);
    expect(items.map((a) => a.id)).toEqual([...items.map((a) => a.id)].sort());
    expect(items[0]).toMatchObject({ id: '24.07210', name: 'Ủy ban nhân dân Phường Bắc Giang', unitCode: '07210' });
  });

  it('ends on a full page without an empty one after it', async () => {
    const { pages } = await allPages('/v1/agencies?parentId=24.UBND&level=commune', 33);
    expect(pages).toEqual([33, 33, 33]);
  });

  it('lists every child of an agency, departments included', async () => {
    const { items } = await allPages('/v1/agencies?parentId=24.07210', 100);
    // Nghị định 118/2025: the ward's own public administration service centre, beside its offices.
    expect(items.map((a) => a.id)).toEqual(['24.07210.PKT', '24.07210.PVHXH', '24.07210.TTPVHCC']);
  });

  it('lists by level across the tree', async () => {
    const { items } = await allPages('/v1/agencies?level=department', 100);
    const ids = items.map((a) => a.id);
    expect(ids).toEqual(
      expect.arrayContaining(['24.TTPVHCC', '24.STP', '24.SXD', '24.STC', '24.07210.PKT', '24.07339.TTPVHCC']),
    );
    expect(items.every((a) => a.level === 'department')).toBe(true);
  });

  it('lists the roots with no filter', async () => {
    const response = await get('/v1/agencies');
    expect(response.status).toBe(200);
    expect(response.body.items.map((a: { id: string }) => a.id)).toEqual(['24.UBND']);
  });

  it('refuses a cursor of another list (400) and an unknown query field (400)', async () => {
    const first = await get('/v1/agencies?parentId=24.UBND&level=commune&limit=5');
    const misused = await get(`/v1/agencies?level=department&cursor=${first.body.nextCursor}`);
    expect(misused.status).toBe(400);
    expect(misused.body.code).toBe('invalid-cursor');
    const unknown = await get('/v1/agencies?parent=24.UBND');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ field: 'query.parent' }));
  });
});

describe('GET /v1/agencies/{id}', () => {
  it('gives the agency, its ancestors and its working calendar', async () => {
    const response = await get('/v1/agencies/24.TTPVHCC');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: '24.TTPVHCC',
      level: 'department',
      parentId: '24.UBND',
      saturdayMorning: true,
      ancestors: [{ id: '24.UBND', name: 'Ủy ban nhân dân tỉnh Bắc Ninh', level: 'province' }],
      calendar: {
        intakeCutoff: '15:00',
        hoursPerWorkingDay: 8,
        weeklySessions: {
          mon: [
            { start: '07:30', end: '11:30' },
            { start: '13:30', end: '17:30' },
          ],
          sat: [{ start: '07:30', end: '11:30' }],
          sun: [],
        },
      },
    });
    const { year, items } = response.body.calendar.holidays;
    expect(year).toBe(vnParts(new Date()).year);
    expect(Array.isArray(items)).toBe(true);
  });

  it('walks up a commune department to the province', async () => {
    const response = await get('/v1/agencies/24.07210.PKT');
    expect(response.body.ancestors.map((a: { id: string }) => a.id)).toEqual(['24.07210', '24.UBND']);
    expect(response.body.calendar.weeklySessions.sat).toEqual([]);
  });

  it('answers 404 for an unknown agency and 400 for a malformed id', async () => {
    expect((await get('/v1/agencies/24.NOPE')).status).toBe(404);
    const malformed = await get('/v1/agencies/24-STP');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toContainEqual(expect.objectContaining({ field: 'path.id' }));
  });
});

describe('PUT /v1/agencies/{id}', () => {
  const district = {
    name: 'Ủy ban nhân dân huyện Thử Nghiệm',
    level: 'district',
    parentId: '24.UBND',
    unitCode: '999',
  };

  it('creates an agency (201), then replaces it idempotently (200)', async () => {
    const created = await put('/v1/agencies/24.H999', district);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/agencies/24.H999');
    expect(created.body).toEqual({ id: '24.H999', ...district });
    const again = await put('/v1/agencies/24.H999', district);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);
    const { items } = await allPages('/v1/agencies?parentId=24.UBND&level=district', 100);
    expect(items.map((a) => a.id)).toEqual(['24.H999']);
  });

  it('answers a replay with the same Idempotency-Key with the first response', async () => {
    const key = crypto.randomUUID();
    const body = { name: 'Phòng Tư pháp huyện Thử Nghiệm', level: 'department', parentId: '24.UBND' };
    const first = await put('/v1/agencies/24.PTPTN', body, admin, { 'idempotency-key': key });
    const replay = await put('/v1/agencies/24.PTPTN', body, admin, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
  });

  it('three levels: a commune moves under a district and out of the province listing, with its calendar', async () => {
    await put('/v1/agencies/24.H999', district);
    const commune = {
      name: 'Ủy ban nhân dân xã Thử Nghiệm',
      level: 'commune',
      parentId: '24.UBND',
      intakeCutoff: '16:00',
      sessions: { sat: [{ start: '08:00', end: '11:00' }] },
    };
    expect((await put('/v1/agencies/24.X99901', commune)).status).toBe(201);
    const moved = await put('/v1/agencies/24.X99901', { ...commune, parentId: '24.H999' });
    expect(moved.status).toBe(200);
    const underDistrict = await allPages('/v1/agencies?parentId=24.H999', 100);
    expect(underDistrict.items.map((a) => a.id)).toEqual(['24.X99901']);
    const underProvince = await allPages('/v1/agencies?parentId=24.UBND&level=commune', 100);
    expect(underProvince.items.map((a) => a.id)).not.toContain('24.X99901');
    const one = await get('/v1/agencies/24.X99901');
    expect(one.body.ancestors.map((a: { id: string }) => a.id)).toEqual(['24.H999', '24.UBND']);
    expect(one.body.calendar).toMatchObject({
      intakeCutoff: '16:00',
      weeklySessions: { sat: [{ start: '08:00', end: '11:00' }] },
    });
  });

  it('refuses a re-parenting that makes a cycle (422)', async () => {
    const response = await put('/v1/agencies/24.UBND', {
      name: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      level: 'province',
      parentId: '24.07210',
      unitCode: '24',
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'agency-cycle', field: 'parentId' });
    expect(response.body.detail).toContain('vòng lặp');
    expect((await get('/v1/agencies/24.UBND')).body.parentId).toBeUndefined();
  });

  it.each([
    ['a commune under a department', { name: 'X', level: 'commune', parentId: '24.STP' }, 'agency-nesting'],
    ['a department without parent', { name: 'X', level: 'department' }, 'agency-parent-required'],
    ['an unknown parent', { name: 'X', level: 'department', parentId: '24.NOPE' }, 'agency-parent-not-found'],
    [
      'overlapping sessions',
      {
        name: 'X',
        level: 'department',
        parentId: '24.UBND',
        sessions: {
          mon: [
            { start: '07:30', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
      'invalid-calendar',
    ],
  ])('refuses %s (422)', async (_, body, code) => {
    const response = await put('/v1/agencies/24.BAD', body);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe(code);
    expect((await get('/v1/agencies/24.BAD')).status).toBe(404);
  });

  it('refuses a level change its children could not follow (422)', async () => {
    const response = await put('/v1/agencies/24.07210', {
      name: 'Ủy ban nhân dân Phường Bắc Giang',
      level: 'department',
      parentId: '24.UBND',
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'agency-nesting', field: 'level' });
  });

  it('refuses an unknown field and a malformed cut-off (400, naming the fields)', async () => {
    const response = await put('/v1/agencies/24.BAD', {
      name: 'X',
      level: 'department',
      parentId: '24.UBND',
      intakeCutoff: '3pm',
      secret: true,
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['intakeCutoff', 'secret']));
  });

  it('names the service centre that receives for an agency, and refuses one that does not exist (422)', async () => {
    // The demo seed: the province's departments are received by the province's centre, a commune by its own.
    expect((await get('/v1/agencies/24.STC')).body.intakeAgencyId).toBe('24.TTPVHCC');
    expect((await get('/v1/agencies/24.07228')).body.intakeAgencyId).toBe('24.07228.TTPVHCC');
    const body = { name: 'Sở Thử Nghiệm', level: 'department', parentId: '24.UBND' };
    const named = await put('/v1/agencies/24.STN', { ...body, intakeAgencyId: '24.TTPVHCC' });
    expect(named.status).toBe(201);
    expect((await get('/v1/agencies/24.STN')).body.intakeAgencyId).toBe('24.TTPVHCC');
    const unknown = await put('/v1/agencies/24.STN', { ...body, intakeAgencyId: '24.NOPE' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'intake-agency-not-found' });
    expect((await get('/v1/agencies/24.STN')).body.intakeAgencyId).toBe('24.TTPVHCC');
  });

  it('is for admins only: 403 for an official, 401 anonymous', async () => {
    const body = { name: 'X', level: 'department', parentId: '24.UBND' };
    expect((await put('/v1/agencies/24.X1', body, await tokenFor(cloud, 'leader-tuan'))).status).toBe(403);
    const anonymous = await request(cloud, 'PUT', '/v1/agencies/24.X1', { body });
    expect(anonymous.status).toBe(401);
    expect((await get('/v1/agencies/24.X1')).status).toBe(404);
  });
});

describe('officials', () => {
  it('lists an agency’s officials to an admin and to its own leader', async () => {
    const expected = demoOfficials
      .filter((u) => u.agencyId === '24.STP')
      .map((u) => u.sub)
      .sort();
    for (const who of ['admin-quang', 'leader-tuan']) {
      const response = await get('/v1/agencies/24.STP/officials', await tokenFor(cloud, who));
      expect(response.status).toBe(200);
      expect(response.body.items.map((o: { sub: string }) => o.sub)).toEqual(expected);
    }
    const response = await get('/v1/agencies/24.STP/officials', admin);
    expect(response.body.items).toContainEqual({
      sub: 'leader-tuan',
      name: 'Hoàng Anh Tuấn',
      agencyId: '24.STP',
      roles: ['leader'],
      active: true,
    });
  });

  it('answers 404 to another agency’s leader, 403 to a receiver, 404 for an unknown agency', async () => {
    expect((await get('/v1/agencies/24.STP/officials', await tokenFor(cloud, 'leader-hung'))).status).toBe(404);
    expect((await get('/v1/agencies/24.STP/officials', await tokenFor(cloud, 'receiver-hoa'))).status).toBe(403);
    expect((await get('/v1/agencies/24.NOPE/officials', admin)).status).toBe(404);
  });

  it('files the province-wide admin and auditor under the province', async () => {
    const response = await get('/v1/agencies/24.UBND/officials', admin);
    const subs = response.body.items.map((o: { sub: string }) => o.sub);
    expect(subs).toEqual(expect.arrayContaining(['admin-quang', 'auditor-thu']));
    // Beside them, the People's Committee's own staff (generated).
    expect(subs).toEqual(
      demoOfficials
        .filter((o) => o.agencyId === '24.UBND')
        .map((o) => o.sub)
        .sort(),
    );
  });

  it('puts an official (201, then 200), and moves them between agencies', async () => {
    const body = { name: 'Trần Văn Khoa', roles: ['receiver', 'specialist'] };
    const created = await put('/v1/agencies/24.07210/officials/receiver-khoa', body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ sub: 'receiver-khoa', agencyId: '24.07210', active: true, ...body });
    const hung = await tokenFor(cloud, 'leader-hung');
    const roster = await get('/v1/agencies/24.07210/officials', hung);
    expect(roster.body.items.map((o: { sub: string }) => o.sub)).toContain('receiver-khoa');

    const moved = await put('/v1/agencies/24.07228/officials/receiver-khoa', { ...body, active: false });
    expect(moved.status).toBe(200);
    const after = await get('/v1/agencies/24.07210/officials', hung);
    expect(after.body.items.map((o: { sub: string }) => o.sub)).not.toContain('receiver-khoa');
    const there = await get('/v1/agencies/24.07228/officials', admin);
    expect(there.body.items).toContainEqual({ sub: 'receiver-khoa', agencyId: '24.07228', active: false, ...body });
  });

  it('refuses an unknown agency (404), a bad role or a repeated one (400), a non-admin (403)', async () => {
    expect((await put('/v1/agencies/24.NOPE/officials/x-1', { name: 'X', roles: ['receiver'] })).status).toBe(404);
    const citizenRole = await put('/v1/agencies/24.STP/officials/x-1', { name: 'X', roles: ['citizen'] });
    expect(citizenRole.status).toBe(400);
    expect(citizenRole.body.errors).toContainEqual(expect.objectContaining({ field: 'roles.0' }));
    const repeated = await put('/v1/agencies/24.STP/officials/x-1', { name: 'X', roles: ['leader', 'leader'] });
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors).toContainEqual(expect.objectContaining({ field: 'roles.1' }));
    const byLeader = await put(
      '/v1/agencies/24.STP/officials/x-1',
      { name: 'X', roles: ['receiver'] },
      await tokenFor(cloud, 'leader-tuan'),
    );
    expect(byLeader.status).toBe(403);
  });
});

describe('holidays', () => {
  it('gives a seeded year as stored data', async () => {
    const response = await get('/v1/holidays/2026');
    expect(response.status).toBe(200);
    expect(response.body.source).toBe('stored');
    expect(response.body.holidays).toHaveLength(11);
    expect(response.body.holidays[0]).toEqual({ date: '2026-01-01', name: 'Tết Dương lịch' });
  });

  it('projects a year nobody set, from Bộ luật Lao động 2019 điều 112 and the lunar calendar', async () => {
    // Tết Tân Hợi: 1/1 lunar = Thursday 23/1/2031; 1/1/2031 a Wednesday; 30/4 a Wednesday.
    const body = (await get('/v1/holidays/2031')).body;
    expect(body).toMatchObject({ year: 2031, source: 'projected' });
    expect(body.holidays).toEqual(
      expect.arrayContaining([
        { date: '2031-01-01', name: 'Tết Dương lịch', projected: true },
        { date: '2031-01-23', name: 'Tết Nguyên đán', projected: true },
        { date: '2031-04-30', name: 'Ngày Giải phóng miền Nam', projected: true },
      ]),
    );
  });

  it('stores a new year (201), sorted, and replaces it (200)', async () => {
    const holidays = [
      { date: '2028-04-30', name: 'Ngày Giải phóng miền Nam' },
      { date: '2028-01-01', name: 'Tết Dương lịch' },
    ];
    const created = await put('/v1/holidays/2028', { holidays });
    expect(created.status).toBe(201);
    expect(created.body.holidays.map((h: { date: string }) => h.date)).toEqual(['2028-01-01', '2028-04-30']);
    const replaced = await put('/v1/holidays/2028', { holidays: [holidays[1]] });
    expect(replaced.status).toBe(200);
    expect((await get('/v1/holidays/2028')).body).toEqual({ year: 2028, source: 'stored', holidays: [holidays[1]] });
  });

  it('refuses an invalid date (400, naming the field) and a date outside the year (422)', async () => {
    const invalid = await put('/v1/holidays/2028', {
      holidays: [
        { date: '2028-01-01', name: 'A' },
        { date: '2028-02-30', name: 'B' },
      ],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'holidays.1.date' })]);
    const outside = await put('/v1/holidays/2028', { holidays: [{ date: '2029-01-01', name: 'Tết Dương lịch' }] });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'holiday-outside-year', field: 'holidays.0.date' });
    expect((await get('/v1/holidays/2099x')).status).toBe(400);
  });

  it('is for admins only', async () => {
    const body = { holidays: [] };
    expect((await put('/v1/holidays/2028', body, await tokenFor(cloud, 'auditor-thu'))).status).toBe(403);
    expect((await request(cloud, 'PUT', '/v1/holidays/2028', { body })).status).toBe(401);
  });
});

describe('calendarFor', () => {
  it('reflects a holiday an admin adds', async () => {
    const client = DynamoDBDocumentClient.from(cloud.clients.dynamo, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const uncached = agencyRepository(cloud.tableName, client, { cacheSeconds: 0 });
    const cached = agencyRepository(cloud.tableName, client);
    expect(isWorkingDay(await uncached.calendarFor('24.07210'), '2026-11-23')).toBe(true);
    expect(isWorkingDay(await cached.calendarFor('24.07210'), '2026-11-23')).toBe(true);

    const year = (await get('/v1/holidays/2026')).body.holidays;
    const response = await put('/v1/holidays/2026', {
      holidays: [...year, { date: '2026-11-23', name: 'Ngày nghỉ thử nghiệm' }],
    });
    expect(response.status).toBe(200);

    expect(isWorkingDay(await uncached.calendarFor('24.07210'), '2026-11-23')).toBe(false);
    expect(isWorkingDay(await uncached.calendarFor('24.07210'), '2026-02-17')).toBe(false); // Tết kept
    clearCalendarCache();
    expect(isWorkingDay(await cached.calendarFor('24.07210'), '2026-11-23')).toBe(false);
  });

  it('caches for cacheSeconds and refreshes after', async () => {
    const client = DynamoDBDocumentClient.from(cloud.clients.dynamo, {
      marshallOptions: { removeUndefinedValues: true },
    });
    let now = 1_000_000;
    const repo = agencyRepository(cloud.tableName, client, { cacheSeconds: 60, clock: () => now });
    clearCalendarCache();
    expect(isWorkingDay(await repo.calendarFor('24.STC'), '2026-03-07')).toBe(false);
    // Changed behind the repository's back, as another Lambda container would.
    const { Item } = await client.send(
      new GetCommand({ TableName: cloud.tableName, Key: { pk: 'AGENCY#24.STC', sk: 'AGENCY' } }),
    );
    await client.send(new PutCommand({ TableName: cloud.tableName, Item: { ...Item, saturdayMorning: true } }));
    now += 59_000;
    expect(isWorkingDay(await repo.calendarFor('24.STC'), '2026-03-07')).toBe(false);
    now += 2_000;
    expect(isWorkingDay(await repo.calendarFor('24.STC'), '2026-03-07')).toBe(true);
  });

  it('falls back to the national list for a year not stored; a stored empty year has no holiday', async () => {
    const client = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const repo = agencyRepository(cloud.tableName, client, { cacheSeconds: 0 });
    await client.send(new DeleteCommand({ TableName: cloud.tableName, Key: { pk: 'HOLIDAYS', sk: '2025' } }));
    expect((await get('/v1/holidays/2025')).body.source).toBe('national-default');
    expect(isWorkingDay(await repo.calendarFor('24.STP'), '2025-01-28')).toBe(false); // Tết 2025, national list
    expect((await put('/v1/holidays/2027', { holidays: [] })).status).toBe(200);
    expect(isWorkingDay(await repo.calendarFor('24.STP'), '2027-02-08')).toBe(true); // 2027 emptied by the admin
  });

  it('honours a swap (làm bù): the weekday off is off, the Saturday worked is a working day', async () => {
    const repo = agencyRepository(cloud.tableName, DynamoDBDocumentClient.from(cloud.clients.dynamo), {
      cacheSeconds: 0,
    });
    // 2/1/2032 is a Friday, 10/1/2032 a Saturday.
    const holidays = [
      { date: '2032-01-01', name: 'Tết Dương lịch' },
      { date: '2032-01-02', name: 'Nghỉ hoán đổi' },
      { date: '2032-01-10', name: 'Làm bù cho ngày 02/01/2032', workingDay: true },
    ];
    expect((await put('/v1/holidays/2032', { holidays })).status).toBe(201);
    expect((await get('/v1/holidays/2032')).body).toEqual({ year: 2032, source: 'stored', holidays });
    const calendar = await repo.calendarFor('24.STP');
    expect(isWorkingDay(calendar, '2032-01-02')).toBe(false);
    expect(isWorkingDay(calendar, '2032-01-10')).toBe(true);
    // The stored year replaces its projection: Tết 2032 is not in this (partial) list, so it is worked.
    expect(isWorkingDay(calendar, '2032-02-12')).toBe(true);
  });

  it('refuses an unknown agency', async () => {
    const repo = agencyRepository(cloud.tableName, DynamoDBDocumentClient.from(cloud.clients.dynamo), {
      cacheSeconds: 0,
    });
    await expect(repo.calendarFor('24.NOPE')).rejects.toMatchObject({ code: 'unknown-agency' });
  });
});
