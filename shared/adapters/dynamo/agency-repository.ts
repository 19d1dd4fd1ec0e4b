import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Agency, type AgencyLevel, calendarOf } from '../../domain/agency.ts';
import {
  type Holiday,
  type HolidaySchedule,
  holidayRecords,
  scheduleYears,
  vnPublicHolidays,
  type WorkingCalendar,
} from '../../domain/calendar/index.ts';
import type { Official } from '../../domain/official.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { batchPut } from './batch-put.ts';
import { db } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { keys } from './keys.ts';

/**
 * The agency tree, its officials and the public holidays. Every read is a GetItem or a Query:
 *  - `AGENCY#<id>` / `AGENCY`: the agency itself (the source of truth, written last);
 *  - `AGENCIES#PARENT#<parentId>` (roots: `AGENCIES#ROOTS`) / `<level>#<id>`: a copy per parent,
 *    so children list by parent (and level) in one Query;
 *  - `AGENCIES#LEVEL#<level>` / `<id>`: a copy per level;
 *  - `OFFICIAL#<sub>` / `OFFICIAL`: an official, and a copy in the roster `AGENCY#<agencyId>` / `OFFICIAL#<sub>`;
 *  - `HOLIDAYS` / `<year>`: a year's public holidays, replaced as a whole.
 * Without transactions, a move writes the new directory copies, then deletes the old ones, then
 * writes the agency: the agency item still shows the old place until the end, so a retried PUT
 * finishes an interrupted move.
 */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface StoredHolidays {
  year: number;
  holidays: Holiday[];
}

export interface AgencyRepositoryOptions {
  /** How long `calendarFor` and the holiday schedule are cached in this process. Default 60; 0: not cached. */
  cacheSeconds?: number;
  /** Milliseconds since the epoch, for the cache's expiry. Default `Date.now`. */
  clock?: () => number;
}

interface Cached<T> {
  expiresAt: number;
  value: Promise<T>;
}

/** Module scope: a Lambda container answers many requests; every dossier action needs a calendar. */
const calendarCache = new Map<string, Cached<WorkingCalendar>>();
const scheduleCache = new Map<string, Cached<HolidaySchedule>>();

/** Forgets every cached calendar and holiday schedule (tests; after an admin change in this process). */
export function clearCalendarCache(): void {
  calendarCache.clear();
  scheduleCache.clear();
}

const defaultCacheSeconds = 60;
/** Deeper than any real tree (province → district → commune → department): a guard against corrupt data. */
const maxDepth = 20;

type Item = Record<string, unknown>;

/** An agency's copies in the directories (by parent, by level): written before the agency item. */
const agencyCopies = (agency: Agency): Item[] => [
  { ...keys.agencyChild(agency.parentId, agency.level, agency.id), ...agency },
  { ...keys.agencyAtLevel(agency.level, agency.id), ...agency },
];
const agencyItem = (agency: Agency): Item => ({ ...keys.agency(agency.id), ...agency });
/** An official's entry in the agency's roster: written before the official item. */
const rosterEntry = (official: Official): Item => ({
  ...keys.agencyOfficial(official.agencyId, official.sub),
  ...official,
});
const officialItem = (official: Official): Item => ({ ...keys.official(official.sub), ...official });
const holidaysItem = (year: number, holidays: readonly Holiday[]): Item => {
  const item: StoredHolidays = {
    year,
    holidays: holidays.map(({ date, name, workingDay }) => ({ date, name, ...(workingDay ? { workingDay } : {}) })),
  };
  return { ...keys.holidays(year), ...item };
};

/** What {@link AgencyRepository.importDirectory} loads. */
export interface Directory {
  agencies: readonly Agency[];
  officials: readonly Official[];
  holidays: HolidaySchedule;
}

function withoutKeys<T>(item: Item): T {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
}

export function agencyRepository(
  tableName: string,
  client: DynamoDBDocumentClient = db,
  options: AgencyRepositoryOptions = {},
) {
  const ttlMs = (options.cacheSeconds ?? defaultCacheSeconds) * 1000;
  const clock = options.clock ?? Date.now;
  const cacheKey = (id: string) => `${tableName}\u0000${id}`;

  const getItem = async (key: { pk: string; sk: string }) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key }))).Item;
  const putItem = (item: Item) => client.send(new PutCommand({ TableName: tableName, Item: item }));
  const deleteItem = (key: { pk: string; sk: string }) =>
    client.send(new DeleteCommand({ TableName: tableName, Key: key }));

  /** One page of a partition (optionally a sort-key prefix), with no empty trailing page. */
  async function queryPage<T>(pk: string, skPrefix: string | undefined, page: PageRequest): Promise<Page<T>> {
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: skPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: skPrefix === undefined ? { ':pk': pk } : { ':pk': pk, ':prefix': skPrefix },
        Limit: page.limit + 1,
        ExclusiveStartKey: decodeCursor(page.cursor, { pk }),
      }),
    );
    const rows = result.Items ?? [];
    const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
    const lastKey = last ? { pk: last.pk, sk: last.sk } : result.LastEvaluatedKey;
    const nextCursor = encodeCursor(lastKey);
    return {
      items: rows.slice(0, page.limit).map((row) => withoutKeys<T>(row)),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }

  async function get(id: string): Promise<Agency | undefined> {
    const item = await getItem(keys.agency(id));
    return item ? withoutKeys<Agency>(item) : undefined;
  }

  /**
   * The agencies above one (given by id, or already read), nearest first, as stored; the walk stops
   * at a missing agency or one met twice.
   */
  async function ancestors(of: string | Pick<Agency, 'id' | 'parentId'>): Promise<Agency[]> {
    const start = typeof of === 'string' ? await get(of) : of;
    const above: Agency[] = [];
    const seen = new Set(start ? [start.id] : []);
    for (let parentId = start?.parentId; parentId !== undefined && !seen.has(parentId);) {
      const parent = above.length < maxDepth ? await get(parentId) : undefined;
      if (!parent) break;
      above.push(parent);
      seen.add(parentId);
      parentId = parent.parentId;
    }
    return above;
  }

  async function loadSchedule(): Promise<HolidaySchedule> {
    const stored: Record<number, readonly Holiday[]> = {};
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.holidayYears() },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of result.Items ?? []) {
        const { year, holidays } = withoutKeys<StoredHolidays>(item);
        stored[year] = holidays;
      }
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return { ...vnPublicHolidays, ...stored };
  }

  function cached<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.expiresAt > clock()) return hit.value;
    const value = load();
    if (ttlMs > 0) {
      const entry = { expiresAt: clock() + ttlMs, value };
      cache.set(key, entry);
      value.catch(() => {
        if (cache.get(key) === entry) cache.delete(key);
      });
    }
    return value;
  }

  /** Every stored year, and the seeded national list for the years not stored. */
  const holidaySchedule = (): Promise<HolidaySchedule> => cached(scheduleCache, tableName, loadSchedule);

  return {
    get,

    /** Creates or replaces an agency, and moves its directory copies when its parent or level changed. */
    async put(agency: Agency): Promise<void> {
      const previous = await get(agency.id);
      const child = keys.agencyChild(agency.parentId, agency.level, agency.id);
      const atLevel = keys.agencyAtLevel(agency.level, agency.id);
      await Promise.all(agencyCopies(agency).map(putItem));
      if (previous) {
        const stale = [
          keys.agencyChild(previous.parentId, previous.level, previous.id),
          keys.agencyAtLevel(previous.level, previous.id),
        ].filter(
          (key) => !(key.pk === child.pk && key.sk === child.sk) && !(key.pk === atLevel.pk && key.sk === atLevel.sk),
        );
        await Promise.all(stale.map(deleteItem));
      }
      await putItem(agencyItem(agency));
      calendarCache.delete(cacheKey(agency.id));
    },

    /**
     * Loads agencies, officials and holidays into a table holding none of them yet (seeding), in
     * BatchWriteItem calls: the same items as put, putOfficial and putHolidays, the copies first and
     * the items of record last, as they write them. No previous place is looked up, so nothing moves:
     * for a table that already has some of them, use put and putOfficial.
     */
    async importDirectory(directory: Directory): Promise<void> {
      await batchPut(client, tableName, [
        ...directory.agencies.flatMap(agencyCopies),
        ...directory.officials.map(rosterEntry),
      ]);
      await batchPut(client, tableName, [
        ...directory.agencies.map(agencyItem),
        ...directory.officials.map(officialItem),
        ...Object.entries(directory.holidays).map(([year, holidays]) => holidaysItem(Number(year), holidays)),
      ]);
      scheduleCache.delete(tableName);
      for (const key of calendarCache.keys()) if (key.startsWith(cacheKey(''))) calendarCache.delete(key);
    },

    /** The children of an agency (no parent: the roots), by level then id; optionally one level only. */
    listChildren(parentId: string | undefined, page: PageRequest & { level?: AgencyLevel }): Promise<Page<Agency>> {
      return queryPage<Agency>(keys.agencyChildren(parentId), page.level ? `${page.level}#` : undefined, page);
    },

    /** The agencies of one level, by id. */
    listByLevel(level: AgencyLevel, page: PageRequest): Promise<Page<Agency>> {
      return queryPage<Agency>(keys.agenciesAtLevel(level), undefined, page);
    },

    ancestors,

    /** The agency and the agencies above it, as stored: what the tree rules need to place a child under it. */
    async lineage(id: string): Promise<Agency[]> {
      const agency = await get(id);
      if (!agency) return [];
      return [agency, ...(await ancestors(agency))];
    },

    async getOfficial(sub: string): Promise<Official | undefined> {
      const item = await getItem(keys.official(sub));
      return item ? withoutKeys<Official>(item) : undefined;
    },

    /** Creates or replaces an official; moving to another agency moves the roster entry. */
    async putOfficial(official: Official): Promise<void> {
      const previous = await getItem(keys.official(official.sub));
      await putItem(rosterEntry(official));
      const previousAgency = previous?.agencyId as string | undefined;
      if (previousAgency !== undefined && previousAgency !== official.agencyId) {
        await deleteItem(keys.agencyOfficial(previousAgency, official.sub));
      }
      await putItem(officialItem(official));
    },

    /** An agency's roster, by subject. */
    listOfficials(agencyId: string, page: PageRequest): Promise<Page<Official>> {
      const { pk, skPrefix } = keys.officialsOf(agencyId);
      return queryPage<Official>(pk, skPrefix, page);
    },

    /** The whole roster of an agency (rosters are small; paged to the end all the same). */
    async allOfficials(agencyId: string): Promise<Official[]> {
      const officials: Official[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.listOfficials(agencyId, { limit: 100, ...(cursor ? { cursor } : {}) });
        officials.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return officials;
    },

    /** A year's holidays as stored; undefined when the year was never stored. */
    async getHolidays(year: number): Promise<Holiday[] | undefined> {
      const item = await getItem(keys.holidays(year));
      return item ? withoutKeys<StoredHolidays>(item).holidays : undefined;
    },

    /** Replaces a year's holidays (validated by the caller). */
    async putHolidays(year: number, holidays: readonly Holiday[]): Promise<void> {
      await putItem(holidaysItem(year, holidays));
      scheduleCache.delete(tableName);
      for (const key of calendarCache.keys()) if (key.startsWith(cacheKey(''))) calendarCache.delete(key);
    },

    holidaySchedule,

    /**
     * The agency's working calendar: its settings and the holidays (stored years, the seeded national
     * list for the others). Cached per process for `cacheSeconds`. An unknown agency is a not-found.
     */
    calendarFor(agencyId: string): Promise<WorkingCalendar> {
      return cached(calendarCache, cacheKey(agencyId), async () => {
        const [agency, schedule] = await Promise.all([get(agencyId), holidaySchedule()]);
        if (!agency) throw new RuleViolation('not-found', 'unknown-agency', `Không tìm thấy cơ quan ${agencyId}.`);
        // Years with no stored or seeded data are projected (Bộ luật Lao động 2019, điều 112).
        return calendarOf(agency, holidayRecords(schedule), scheduleYears(schedule));
      });
    },
  };
}

export type AgencyRepository = ReturnType<typeof agencyRepository>;
