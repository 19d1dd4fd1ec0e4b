import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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
import { type CacheOptions, clearReferenceCaches, repositoryCache } from '../reference-cache.ts';
import { batchPut } from './batch-put.ts';
import { db } from './client.ts';
import { readPartition } from './partition.ts';
import { queryPage as pageOf } from './query-page.ts';
import { keys } from './keys.ts';
import type { AgencyRepository, Directory, StoredHolidays } from '../../use-cases/ports/agency-repository.ts';
import type { Page, PageRequest } from '../../use-cases/ports/page.ts';

/**
 * Without options a repository reads through the process's reference cache (reference-cache.ts,
 * REFERENCE_CACHE_SECONDS): agencies, officials, calendars and the holiday schedule; with either
 * option, through a cache of its own (tests; the local signing service).
 */
export type AgencyRepositoryOptions = CacheOptions;

/** Forgets every cached read of this process (tests that change the table behind the repositories' back). */
export const clearCalendarCache = clearReferenceCaches;

/** The cache's keys. */
const cached = {
  agency: (id: string) => `agency:${id}`,
  official: (sub: string) => `official:${sub}`,
  calendar: (id: string) => `calendar:${id}`,
  calendars: 'calendar:',
  holidays: 'holidays',
};
const found = (value: unknown) => value !== undefined;

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

function withoutKeys<T>(item: Item): T {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
}

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
export function agencyRepository(
  tableName: string,
  client: DynamoDBDocumentClient = db,
  options: AgencyRepositoryOptions = {},
): AgencyRepository {
  const cache = repositoryCache(tableName, options);
  const { forget, forgetPrefix } = cache;

  /**
   * Eventually consistent by default (half a read unit): reference data read through the cache may be
   * a TTL old anyway. What a write decides from (the previous place of a moved agency, an official's
   * previous agency, the lineage a new parent must not contain) is read strongly consistent.
   */
  const getItem = async (key: { pk: string; sk: string }, consistent = false) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: consistent }))).Item;
  const putItem = (item: Item) => client.send(new PutCommand({ TableName: tableName, Item: item }));
  const deleteItem = (key: { pk: string; sk: string }) =>
    client.send(new DeleteCommand({ TableName: tableName, Key: key }));

  /** One page of a partition (optionally a sort-key prefix). */
  async function queryPage<T>(pk: string, skPrefix: string | undefined, page: PageRequest): Promise<Page<T>> {
    const { rows, nextCursor } = await pageOf(
      tableName,
      {
        KeyConditionExpression: skPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: skPrefix === undefined ? { ':pk': pk } : { ':pk': pk, ':prefix': skPrefix },
      },
      page,
      { pk },
      { client },
    );
    return { items: rows.map((row) => withoutKeys<T>(row)), ...(nextCursor ? { nextCursor } : {}) };
  }

  async function read(id: string, consistent = false): Promise<Agency | undefined> {
    const item = await getItem(keys.agency(id), consistent);
    return item ? withoutKeys<Agency>(item) : undefined;
  }

  /** An agency, cached; an unknown id is read again next time (so a new agency is found at once). */
  const get = (id: string): Promise<Agency | undefined> =>
    cache.read(cached.agency(id), () => read(id), { keep: found });

  /**
   * The agencies above one (given by id, or already read), nearest first; the walk stops at a missing
   * agency or one met twice. Each step waits for the one before (a parent is known from its child), so
   * it cannot be one BatchGetItem: warm, the cache answers every step.
   */
  async function ancestors(
    of: string | Pick<Agency, 'id' | 'parentId'>,
    lookup: (id: string) => Promise<Agency | undefined> = get,
  ): Promise<Agency[]> {
    const start = typeof of === 'string' ? await lookup(of) : of;
    const above: Agency[] = [];
    const seen = new Set(start ? [start.id] : []);
    for (let parentId = start?.parentId; parentId !== undefined && !seen.has(parentId);) {
      const parent = above.length < maxDepth ? await lookup(parentId) : undefined;
      if (!parent) break;
      above.push(parent);
      seen.add(parentId);
      parentId = parent.parentId;
    }
    return above;
  }

  async function loadSchedule(): Promise<HolidaySchedule> {
    const stored: Record<number, readonly Holiday[]> = {};
    const { items } = await readPartition(tableName, keys.holidayYears(), { client });
    for (const item of items) {
      const { year, holidays } = withoutKeys<StoredHolidays>(item);
      stored[year] = holidays;
    }
    return { ...vnPublicHolidays, ...stored };
  }

  /** Every stored year, and the seeded national list for the years not stored. */
  const holidaySchedule = (): Promise<HolidaySchedule> => cache.read(cached.holidays, loadSchedule);

  return {
    get,

    /** An agency as stored now, strongly consistent and not cached: what a change to it is decided from. */
    getConsistent: (id: string): Promise<Agency | undefined> => read(id, true),

    /** Creates or replaces an agency, and moves its directory copies when its parent or level changed. */
    async put(agency: Agency): Promise<void> {
      const previous = await read(agency.id, true);
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
      forget(cached.agency(agency.id), cached.calendar(agency.id));
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
      for (const prefix of [cached.agency(''), cached.official(''), cached.calendars]) forgetPrefix(prefix);
      forget(cached.holidays);
    },

    /** The children of an agency (no parent: the roots), by level then id; optionally one level only. */
    listChildren(parentId: string | undefined, page: PageRequest & { level?: AgencyLevel }): Promise<Page<Agency>> {
      return queryPage<Agency>(keys.agencyChildren(parentId), page.level ? `${page.level}#` : undefined, page);
    },

    /** The agencies of one level, by id. */
    listByLevel(level: AgencyLevel, page: PageRequest): Promise<Page<Agency>> {
      return queryPage<Agency>(keys.agenciesAtLevel(level), undefined, page);
    },

    ancestors: (of: string | Pick<Agency, 'id' | 'parentId'>) => ancestors(of),

    /**
     * The agency and the agencies above it, read strongly consistent and not cached: what the tree rules
     * need to place a child under it (a stale lineage could let two moves make a cycle), and who may read
     * a report.
     */
    async lineage(id: string): Promise<Agency[]> {
      const fresh = (agencyId: string) => read(agencyId, true);
      const agency = await fresh(id);
      if (!agency) return [];
      return [agency, ...(await ancestors(agency, fresh))];
    },

    /** An official's roster entry, cached like the roster check's (an unknown subject is read again). */
    getOfficial(sub: string): Promise<Official | undefined> {
      return cache.read(
        cached.official(sub),
        async () => {
          const item = await getItem(keys.official(sub));
          return item ? withoutKeys<Official>(item) : undefined;
        },
        { keep: found },
      );
    },

    /** Creates or replaces an official; moving to another agency moves the roster entry. */
    async putOfficial(official: Official): Promise<void> {
      const previous = await getItem(keys.official(official.sub), true);
      await putItem(rosterEntry(official));
      const previousAgency = previous?.agencyId as string | undefined;
      if (previousAgency !== undefined && previousAgency !== official.agencyId) {
        await deleteItem(keys.agencyOfficial(previousAgency, official.sub));
      }
      await putItem(officialItem(official));
      forget(cached.official(official.sub));
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
      forget(cached.holidays);
      forgetPrefix(cached.calendars);
    },

    holidaySchedule,

    /**
     * The agency's working calendar: its settings and the holidays (stored years, the seeded national
     * list for the others). Cached (the agency and the schedule too, so a miss costs at most their two
     * reads, in parallel). An unknown agency is a not-found, not cached.
     */
    calendarFor(agencyId: string): Promise<WorkingCalendar> {
      return cache.read(cached.calendar(agencyId), async () => {
        const [agency, schedule] = await Promise.all([get(agencyId), holidaySchedule()]);
        if (!agency) throw new RuleViolation('not-found', 'unknown-agency', `Không tìm thấy cơ quan ${agencyId}.`);
        // Years with no stored or seeded data are projected (Bộ luật Lao động 2019, điều 112).
        return calendarOf(agency, holidayRecords(schedule), scheduleYears(schedule));
      });
    },
  };
}
