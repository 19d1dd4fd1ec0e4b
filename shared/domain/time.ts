/**
 * The province's business time: Asia/Ho_Chi_Minh, a fixed UTC+07:00 offset with no daylight saving
 * (none since 1975), so local parts are plain arithmetic on the instant and need no tz database.
 * Pure: every function takes the instant it works on; none reads the clock.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VN_UTC_OFFSET = '+07:00';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = 7 * HOUR_MS;

/** Day of the week, 0 = Sunday … 6 = Saturday (the `Date#getUTCDay` convention). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Local (UTC+07:00) calendar and clock parts of an instant. `month` is 1–12. */
export interface VnParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: Weekday;
}

/** A local date and optional time of day, the input of {@link fromVnParts}. */
export interface VnLocalDateTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

function epochMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** The instant shifted by +7h, so that its UTC fields read as local fields. */
const shifted = (instant: Date): Date => new Date(epochMs(instant) + OFFSET_MS);

export function vnParts(instant: Date): VnParts {
  const l = shifted(instant);
  return {
    year: l.getUTCFullYear(),
    month: l.getUTCMonth() + 1,
    day: l.getUTCDate(),
    hour: l.getUTCHours(),
    minute: l.getUTCMinutes(),
    weekday: l.getUTCDay() as Weekday,
  };
}

const inRange = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/** The instant of a local date and time of day (midnight by default). Out-of-range parts throw. */
export function fromVnParts(parts: VnLocalDateTime): Date {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  if (!inRange(year, 1000, 9999) || !inRange(month, 1, 12) || !inRange(day, 1, 31)) {
    throw new RangeError(`Invalid local date ${year}-${month}-${day}`);
  }
  if (!inRange(hour, 0, 23) || !inRange(minute, 0, 59) || !(second >= 0 && second < 60)) {
    throw new RangeError(`Invalid local time ${hour}:${minute}:${second}`);
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, 0, 0) + second * 1000;
  if (new Date(local).getUTCDate() !== day) throw new RangeError(`Invalid local date ${year}-${month}-${day}`);
  return new Date(local - OFFSET_MS);
}

/** The local calendar date of an instant, `YYYY-MM-DD`. */
export function toVnDate(instant: Date): string {
  return shifted(instant).toISOString().slice(0, 10);
}

/** The local date as people write it: `02/03/2026` (of an instant, or of its ISO 8601 text). */
export function formatVnDate(instant: Date | string): string {
  const [year, month, day] = toVnDate(typeof instant === 'string' ? new Date(instant) : instant).split('-');
  return `${day}/${month}/${year}`;
}

/** ISO 8601 with the +07:00 offset: `2026-02-09T09:00:00+07:00` (milliseconds only when non-zero). */
export function toVnIso(instant: Date): string {
  const iso = shifted(instant).toISOString(); // 2026-02-09T09:00:00.000Z, in local fields
  const ms = iso.slice(19, 23);
  return `${iso.slice(0, 19)}${ms === '.000' ? '' : ms}${VN_UTC_OFFSET}`;
}

// --- Local days as integers, for calendar arithmetic -------------------------------------------

/** The local day an instant falls on, counted in days since 1970-01-01 (local). */
export function vnDayNumber(instant: Date): number {
  return Math.floor((epochMs(instant) + OFFSET_MS) / DAY_MS);
}

/** The instant local midnight starts the given local day. */
export function vnDayStart(dayNumber: number): Date {
  return new Date(dayNumber * DAY_MS - OFFSET_MS);
}

/** `YYYY-MM-DD` of a local day number. */
export function vnDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local day number of a `YYYY-MM-DD` date; throws on a malformed or impossible date. */
export function dayNumberOfVnDate(date: string): number {
  const m = ISO_DATE.exec(date);
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  if (!m || !inRange(year, 1000, 9999) || !inRange(month, 1, 12) || !inRange(day, 1, 31))
    throw new RangeError(`Invalid date '${date}'`);
  const utc = Date.UTC(year, month - 1, day);
  if (new Date(utc).getUTCDate() !== day) throw new RangeError(`Invalid date '${date}'`);
  return utc / DAY_MS;
}

/** Day of the week of a local day number (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}
