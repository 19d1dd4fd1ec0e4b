import type { Agency, AgencyLevel } from '../../domain/agency.ts';
import type { Holiday, HolidaySchedule, WorkingCalendar } from '../../domain/calendar/index.ts';
import type { Official } from '../../domain/official.ts';
import type { Page, PageRequest } from './page.ts';

/** A year's public holidays as stored: replaced as a whole. */
export interface StoredHolidays {
  year: number;
  holidays: Holiday[];
}

/** What {@link AgencyRepository.importDirectory} loads. */
export interface Directory {
  agencies: readonly Agency[];
  officials: readonly Official[];
  holidays: HolidaySchedule;
}

/**
 * The agency tree, its officials and the public holidays: reference data, read through a cache (a write
 * here is seen at once in this process, elsewhere once the cached read expires) unless a method says
 * otherwise. What a write decides from is read strongly consistent and not cached.
 */
export interface AgencyRepository {
  /** An agency (possibly cached); undefined for an unknown id, which is read again next time. */
  get(id: string): Promise<Agency | undefined>;

  /** An agency as stored now, strongly consistent and not cached: what a change to it is decided from. */
  getConsistent(id: string): Promise<Agency | undefined>;

  /**
   * Creates or replaces an agency, and moves it in the directories (by parent, by level) when its parent
   * or level changed. The agency itself is written last: a retried put finishes an interrupted move.
   */
  put(agency: Agency): Promise<void>;

  /**
   * Loads agencies, officials and holidays into a table holding none of them yet (seeding): what put,
   * putOfficial and putHolidays would store, with no previous place looked up, so nothing moves.
   */
  importDirectory(directory: Directory): Promise<void>;

  /** The children of an agency (no parent: the roots), by level then id; optionally one level only. */
  listChildren(parentId: string | undefined, page: PageRequest & { level?: AgencyLevel }): Promise<Page<Agency>>;

  /** The agencies of one level, by id. */
  listByLevel(level: AgencyLevel, page: PageRequest): Promise<Page<Agency>>;

  /**
   * The agencies above one (given by id, or already read), nearest first, possibly cached; the walk stops
   * at a missing agency or one met twice (a guard against corrupt data).
   */
  ancestors(of: string | Pick<Agency, 'id' | 'parentId'>): Promise<Agency[]>;

  /**
   * The agency and the agencies above it, strongly consistent and not cached: what the tree rules need to
   * place a child under it (a stale lineage could let two moves make a cycle), and who may read a report.
   * Empty for an unknown agency.
   */
  lineage(id: string): Promise<Agency[]>;

  /** An official (possibly cached); undefined for an unknown subject, which is read again next time. */
  getOfficial(sub: string): Promise<Official | undefined>;

  /** Creates or replaces an official; moving to another agency moves them to its roster. */
  putOfficial(official: Official): Promise<void>;

  /** An agency's roster, by subject. */
  listOfficials(agencyId: string, page: PageRequest): Promise<Page<Official>>;

  /** The whole roster of an agency (rosters are small). */
  allOfficials(agencyId: string): Promise<Official[]>;

  /** A year's holidays as stored; undefined when the year was never stored. */
  getHolidays(year: number): Promise<Holiday[] | undefined>;

  /** Replaces a year's holidays (validated by the caller). */
  putHolidays(year: number, holidays: readonly Holiday[]): Promise<void>;

  /** Every stored year, and the seeded national list for the years not stored. */
  holidaySchedule(): Promise<HolidaySchedule>;

  /**
   * The agency's working calendar: its settings and the holidays (stored years, the seeded national list
   * for the others). An unknown agency is a not-found rule violation.
   */
  calendarFor(agencyId: string): Promise<WorkingCalendar>;
}
