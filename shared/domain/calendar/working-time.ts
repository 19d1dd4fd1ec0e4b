/**
 * Working-time arithmetic on a {@link WorkingCalendar}. Pure: the instants are passed in.
 *
 * The counting convention (DOMAIN.md "Deadlines"; acceptance case 9/2/2026 → 2/3/2026):
 *  1. The count starts at the receipt instant itself when it is within a working session and not
 *     after the cut-off; before opening or at lunch it starts at the next session's start; after the
 *     cut-off (15:00), after closing, or on a day off it starts at the next working day's first session.
 *  2. A legal duration is converted to working time (1 working day = 8 working hours; days in
 *     halves) and added EXACTLY, minute by minute of working time, from that start. So the receipt
 *     day is not a full working day of the count: only what remains of it counts.
 *  3. The exact end is then rounded UP to the end of the half-day session it falls in (half-day
 *     precision: the appointment is a date plus morning/afternoon). An end exactly at a session's end
 *     stays there.
 * Example: received Monday 9/2/2026 09:00, 10 working days = 80 h. 9/2 gives 6.5 h, 10–13/2 32 h
 * (38.5), Tết 16–20/2 and weekends are off, 23–27/2 40 h (78.5), so the 80th hour ends Monday 2/3/2026
 * 09:00, rounded up to 11:30: "Sáng thứ Hai, ngày 02/03/2026".
 */
import { vnDayNumber, vnDayStart } from '../time.ts';
import { sessionsOnDay, type WorkingCalendar } from './calendar.ts';

/** A legal duration: working days (in halves: 0.5, 1.5 …) or working hours. */
export type WorkingDuration = { readonly workingDays: number } | { readonly workingHours: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** A calendar with no working session for this many consecutive days is treated as broken. */
const MAX_DAYS_WITHOUT_WORK = 3660;

interface Interval {
  start: number;
  end: number;
}

function ms(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  return t;
}

function intervalsOf(calendar: WorkingCalendar, day: number): Interval[] {
  const base = vnDayStart(day).getTime();
  return sessionsOnDay(calendar, day).map((s) => ({
    start: base + s.start * MINUTE_MS,
    end: base + s.end * MINUTE_MS,
  }));
}

/** Working sessions (absolute) that end after `from`, in order. */
function* sessionsAfter(calendar: WorkingCalendar, from: number): Generator<Interval> {
  for (let day = vnDayNumber(new Date(from)), idle = 0; idle <= MAX_DAYS_WITHOUT_WORK; day++) {
    const intervals = intervalsOf(calendar, day);
    idle = intervals.length > 0 ? 0 : idle + 1;
    for (const i of intervals) if (i.end > from) yield i;
  }
  throw new RangeError('The working calendar has no working session ahead');
}

/** Working sessions (absolute) that start at or before `at`, latest first. */
function* sessionsUpTo(calendar: WorkingCalendar, at: number): Generator<Interval> {
  for (let day = vnDayNumber(new Date(at)), idle = 0; idle <= MAX_DAYS_WITHOUT_WORK; day--) {
    const intervals = intervalsOf(calendar, day);
    idle = intervals.length > 0 ? 0 : idle + 1;
    for (const i of intervals.reverse()) if (i.start <= at) yield i;
  }
  throw new RangeError('The working calendar has no working session behind');
}

function first<T>(it: Iterable<T>): T {
  for (const x of it) return x;
  throw new RangeError('empty');
}

/** A duration in working hours; working days must be non-negative halves, hours non-negative. */
export function durationInHours(calendar: WorkingCalendar, duration: WorkingDuration): number {
  if ('workingDays' in duration) {
    const d = duration.workingDays;
    if (!(Number.isFinite(d) && d >= 0 && Number.isInteger(d * 2))) {
      throw new RangeError(`workingDays must be a non-negative multiple of 0.5, got ${d}`);
    }
    return d * calendar.hoursPerWorkingDay;
  }
  const h = duration.workingHours;
  if (!(Number.isFinite(h) && h >= 0)) throw new RangeError(`workingHours must be non-negative, got ${h}`);
  return h;
}

/** Whether an instant is inside a working session (a session's end is not). */
export function isWorkingTime(calendar: WorkingCalendar, instant: Date): boolean {
  const t = ms(instant);
  return intervalsOf(calendar, vnDayNumber(instant)).some((i) => i.start <= t && t < i.end);
}

/** The instant the count starts for a dossier received at `receivedAt` (rule 1 above). */
export function countingStart(calendar: WorkingCalendar, receivedAt: Date): Date {
  const t = ms(receivedAt);
  const day = vnDayNumber(receivedAt);
  const afterCutoff = calendar.cutoff !== null && t > vnDayStart(day).getTime() + calendar.cutoff * MINUTE_MS;
  const from = afterCutoff ? vnDayStart(day + 1).getTime() : t;
  const session = first(sessionsAfter(calendar, from));
  return new Date(Math.max(from, session.start));
}

/** `start` plus a duration of working time, exactly (no rounding, no cut-off). */
export function addWorkingTime(calendar: WorkingCalendar, start: Date, duration: WorkingDuration): Date {
  let remaining = Math.round(durationInHours(calendar, duration) * HOUR_MS);
  const t = ms(start);
  if (remaining === 0) return new Date(t);
  for (const session of sessionsAfter(calendar, t)) {
    const from = Math.max(t, session.start);
    if (remaining <= session.end - from) return new Date(from + remaining);
    remaining -= session.end - from;
  }
  throw new RangeError('unreachable');
}

/**
 * Half-day precision: the end of the session the instant falls in (a session's start and end both
 * belong to it). An instant outside working time gives the end of the last session before it, the
 * same point in working time.
 */
export function roundUpToHalfDay(calendar: WorkingCalendar, instant: Date): Date {
  return new Date(first(sessionsUpTo(calendar, ms(instant))).end);
}

/** The appointment: counting start of the receipt, plus the duration, rounded up to the half day. */
export function dueDate(calendar: WorkingCalendar, receivedAt: Date, duration: WorkingDuration): Date {
  return roundUpToHalfDay(calendar, addWorkingTime(calendar, countingStart(calendar, receivedAt), duration));
}

/** Working hours between two instants (negative when `to` is before `from`). */
export function workingHoursBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const [a, b] = [ms(from), ms(to)];
  if (b < a) return 0 - workingHoursBetween(calendar, to, from); // 0 − x, never −0
  let total = 0;
  for (const s of sessionsAfter(calendar, a)) {
    if (s.start >= b) break;
    total += Math.min(b, s.end) - Math.max(a, s.start);
  }
  return total / HOUR_MS;
}

/** Late once `now` is past the due instant (the due instant itself is still on time). */
export function isOverdue(due: Date, now: Date): boolean {
  return ms(now) > ms(due);
}

/** Working hours left until `due`; negative (working hours overdue) once it has passed. */
export function remainingWorkingHours(calendar: WorkingCalendar, due: Date, now: Date): number {
  return workingHoursBetween(calendar, now, due);
}
