/**
 * The working calendar of an agency: when its desk works, as a value. Every rule is a setting with
 * the national default (docs/domain.md "Deadlines"): Monday–Friday 07:30–11:30 and 13:30–17:30 (two
 * half-day sessions, 8 working hours), optional Saturday morning, public holidays as data (days off
 * and the Saturdays worked in a swap, làm bù), holidays PROJECTED for years without data, and the
 * 15:00 intake cut-off.
 */
import { dayNumberOfVnDate, vnDateOfDayNumber, vnDayNumber, type Weekday, weekdayOfDayNumber } from '../time.ts';
import { type Holiday, holidayRecords, scheduleYears } from './holidays.ts';
import { projectedHolidays } from './projected-holidays.ts';

/** One working session (a half day), in minutes since local midnight, `start < end`. */
export interface Session {
  readonly start: number;
  readonly end: number;
}

/** A session as configured: local `HH:MM` times. */
export interface SessionSpec {
  readonly start: string;
  readonly end: string;
}

export interface WorkingCalendar {
  /** Sessions per weekday (0 = Sunday … 6 = Saturday), sorted and disjoint; none = a day off. */
  readonly sessions: Readonly<Record<Weekday, readonly Session[]>>;
  /** Local dates (`YYYY-MM-DD`) off whatever their weekday. */
  readonly holidays: ReadonlySet<string>;
  /** Local dates worked whatever their weekday (làm bù), with the sessions of a regular weekday. */
  readonly extraWorkingDays?: ReadonlySet<string>;
  /**
   * When set, the years whose holiday data is given; every other year's holidays are projected
   * (./projected-holidays.ts). Unset: no projection (the given dates are the whole truth).
   */
  readonly dataYears?: ReadonlySet<number>;
  /** A receipt strictly after this local time (minutes since midnight) counts from the next working morning; null: no cut-off. */
  readonly cutoff: number | null;
  /** Working hours in one working day: converts `{ workingDays }` durations. */
  readonly hoursPerWorkingDay: number;
}

export interface WorkingCalendarOptions {
  /** Open Saturday 07:30–11:30 (ignored when `sessions[6]` is given). Default false. */
  saturdayMorning?: boolean;
  /**
   * Dates off, or the holiday records themselves (a record with `workingDay: true` is a day worked).
   * Default: the seeded national holidays, other years projected.
   */
  holidays?: Iterable<string | Holiday>;
  /**
   * The years `holidays` covers: the holidays of any other year are projected from the law and the
   * lunar calendar. Default: the seeded years when `holidays` is omitted; when `holidays` is given
   * without it, no projection.
   */
  dataYears?: Iterable<number>;
  /** Intake cut-off, local `HH:MM`; null for none. Default `'15:00'`. */
  cutoff?: string | null;
  /** Sessions for the weekdays given (0 = Sunday); `[]` closes a day. Others keep the default. */
  sessions?: Partial<Record<Weekday, readonly SessionSpec[]>>;
  /** Default 8. */
  hoursPerWorkingDay?: number;
}

export const weekdaySessions: readonly SessionSpec[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:30' },
];
export const saturdayMorningSession: SessionSpec = { start: '07:30', end: '11:30' };
export const defaultCutoff = '15:00';
export const HOURS_PER_WORKING_DAY = 8;

const LOCAL_TIME = /^(\d{2}):(\d{2})$/;

/** `'07:30'` → 450 (minutes since local midnight); `'24:00'` is allowed as an end of day. */
export function parseLocalTime(hhmm: string): number {
  const m = LOCAL_TIME.exec(hhmm);
  const minutes = Number(m?.[1]) * 60 + Number(m?.[2]);
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`Invalid local time '${hhmm}'`);
  return minutes;
}

/** 450 → `'07:30'`. */
export function formatLocalTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function toSessions(specs: readonly SessionSpec[], weekday: Weekday): Session[] {
  const sessions = specs
    .map((s) => ({ start: parseLocalTime(s.start), end: parseLocalTime(s.end) }))
    .sort((a, b) => a.start - b.start);
  sessions.forEach((s, i) => {
    const previous = sessions[i - 1];
    if (s.start >= s.end || (previous && previous.end > s.start)) {
      throw new RangeError(`Weekday ${weekday}: sessions must be non-empty and must not overlap`);
    }
  });
  return sessions;
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** Builds a calendar; with no options, the national default. Invalid settings throw a RangeError. */
export function workingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const { saturdayMorning = false, cutoff = defaultCutoff, hoursPerWorkingDay = HOURS_PER_WORKING_DAY } = options;
  const defaults = (d: Weekday): readonly SessionSpec[] =>
    d >= 1 && d <= 5 ? weekdaySessions : d === 6 && saturdayMorning ? [saturdayMorningSession] : [];
  const sessions = Object.fromEntries(
    WEEKDAYS.map((d) => [d, Object.freeze(toSessions(options.sessions?.[d] ?? defaults(d), d))]),
  ) as Record<Weekday, readonly Session[]>;
  if (WEEKDAYS.every((d) => sessions[d].length === 0)) {
    throw new RangeError('A working calendar needs at least one working session a week');
  }
  if (!(Number.isFinite(hoursPerWorkingDay) && hoursPerWorkingDay > 0)) {
    throw new RangeError(`Invalid hoursPerWorkingDay ${hoursPerWorkingDay}`);
  }
  const holidays = new Set<string>();
  const extraWorkingDays = new Set<string>();
  for (const h of options.holidays ?? holidayRecords()) {
    const date = typeof h === 'string' ? h : h.date;
    dayNumberOfVnDate(date); // validates
    (typeof h !== 'string' && h.workingDay ? extraWorkingDays : holidays).add(date);
  }
  const dataYears = options.dataYears ?? (options.holidays === undefined ? scheduleYears() : undefined);
  return Object.freeze({
    sessions: Object.freeze(sessions),
    holidays,
    extraWorkingDays,
    ...(dataYears ? { dataYears: new Set(dataYears) } : {}),
    cutoff: cutoff === null ? null : parseLocalTime(cutoff),
    hoursPerWorkingDay,
  });
}

/** The national default calendar: Monday–Friday, seeded holidays, 15:00 cut-off. */
export const defaultCalendar: WorkingCalendar = workingCalendar();

/** The sessions of a local day (days since 1970-01-01 local): none on a holiday. */
export function sessionsOnDay(calendar: WorkingCalendar, dayNumber: number): readonly Session[] {
  const date = vnDateOfDayNumber(dayNumber);
  const year = Number(date.slice(0, 4));
  if (calendar.dataYears && !calendar.dataYears.has(year)) {
    const projected = projectedHolidays(year).find((h) => h.date === date);
    if (projected) return projected.workingDay ? regularWeekdaySessions(calendar) : [];
  }
  if (calendar.holidays.has(date)) return [];
  if (calendar.extraWorkingDays?.has(date)) return regularWeekdaySessions(calendar);
  return calendar.sessions[weekdayOfDayNumber(dayNumber)];
}

/** The sessions of a day worked in a swap: those of the agency's first working weekday (Monday as a rule). */
function regularWeekdaySessions(calendar: WorkingCalendar): readonly Session[] {
  const weekday = ([1, 2, 3, 4, 5, 6, 0] as const).find((d) => calendar.sessions[d].length > 0) ?? 1;
  return calendar.sessions[weekday];
}

/** Whether a local date (`YYYY-MM-DD`, or the local day of an instant) has working sessions. */
export function isWorkingDay(calendar: WorkingCalendar, date: string | Date): boolean {
  const day = typeof date === 'string' ? dayNumberOfVnDate(date) : vnDayNumber(date);
  return sessionsOnDay(calendar, day).length > 0;
}
