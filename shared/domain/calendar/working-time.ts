/**
 * Working-time arithmetic on a {@link WorkingCalendar}. Pure: the instants are passed in.
 *
 * The legal counting of a period (Bộ luật Dân sự 2015, điều 147–148, as docs/domain.md "Deadlines"
 * applies it to administrative procedures):
 *  1. The RECEIPT DAY ({@link receiptDay}) is the day the complete dossier is received when that is a
 *     working day and the time is not after the agency's cut-off (15:00 by default: "sau 15 giờ thì
 *     tính vào ngày làm việc tiếp theo") nor after its closing; otherwise the next working day.
 *  2. A period in WORKING DAYS does not count the receipt day (điều 147 khoản 1: "thời điểm bắt đầu
 *     thời hạn được tính từ ngày tiếp theo liền kề ngày xảy ra sự kiện"): it starts on the working day
 *     after it and ends at the CLOSE of its N-th working day (điều 148 khoản 1: "ngày cuối cùng của
 *     thời hạn"), i.e. the end of that day's last session, whatever the hour of receipt. Days off
 *     (weekends, holidays) are not counted; a day worked in a swap (làm bù) is. A remaining half day
 *     ends at the close of the next working day's morning session.
 *  3. A period in WORKING HOURS (same-day procedures: "trong ngày; sau 15 giờ thì trả trong ngày làm
 *     việc tiếp theo") counts working time from the moment of receipt; after the cut-off, from the next
 *     working day's opening ({@link countingStart}). It ends when that working time runs out (điều 148
 *     khoản 1: "khi thời hạn tính bằng giờ thì thời hạn kết thúc vào thời điểm kết thúc giờ cuối cùng"),
 *     not at the close of the half day: the appointment shows only its half day, the due instant is exact.
 * Examples: received Friday 6/3/2026 15:30, 1 working day → receipt day Monday 9/3, due at the close of
 * Tuesday 10/3/2026 (17:30). Received Monday 9/2/2026 09:00, 10 working days → receipt day 9/2; the
 * count runs 10–13/2 (4), skips Tết 16–20/2 and the weekends, 23–27/2 (9), 2/3 (10): due at the close
 * of Monday 2/3/2026.
 */
import { dayNumberOfVnDate, vnDateOfDayNumber, vnDayNumber, vnDayStart } from '../time.ts';
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

/**
 * The instant a period in working HOURS starts for a dossier received at `receivedAt` (rule 3 above):
 * the receipt instant itself when within working time and not after the cut-off; before opening or at
 * lunch, the next session's start; after the cut-off or closing, or on a day off, the next working
 * day's opening.
 */
export function countingStart(calendar: WorkingCalendar, receivedAt: Date): Date {
  const t = ms(receivedAt);
  const day = vnDayNumber(receivedAt);
  const afterCutoff = calendar.cutoff !== null && t > vnDayStart(day).getTime() + calendar.cutoff * MINUTE_MS;
  const from = afterCutoff ? vnDayStart(day + 1).getTime() : t;
  const session = first(sessionsAfter(calendar, from));
  return new Date(Math.max(from, session.start));
}

/**
 * The receipt day (Bộ luật Dân sự 2015, điều 147–148): the local day (`YYYY-MM-DD`) the complete
 * dossier counts as received. It is the day of `receivedAt` when that is a working day and the time is
 * not after the agency's cut-off (15:00 by default) nor after the day's last session; otherwise the next
 * working day. A period of working days starts on the working day AFTER it.
 */
export function receiptDay(calendar: WorkingCalendar, receivedAt: Date): string {
  return vnDateOfDayNumber(receiptDayNumber(calendar, receivedAt));
}

function receiptDayNumber(calendar: WorkingCalendar, receivedAt: Date): number {
  const t = ms(receivedAt);
  const day = vnDayNumber(receivedAt);
  const sessions = sessionsOnDay(calendar, day);
  const last = sessions.at(-1);
  if (last) {
    const minutes = (t - vnDayStart(day).getTime()) / MINUTE_MS;
    const limit = calendar.cutoff === null ? last.end : Math.min(calendar.cutoff, last.end);
    if (minutes <= limit) return day;
  }
  return nextWorkingDayNumber(calendar, day);
}

function nextWorkingDayNumber(calendar: WorkingCalendar, day: number): number {
  for (let d = day + 1; d <= day + MAX_DAYS_WITHOUT_WORK; d++) if (sessionsOnDay(calendar, d).length > 0) return d;
  throw new RangeError('The working calendar has no working day ahead');
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

/** The instant a local day's last working session ends (its close). */
function closeOf(calendar: WorkingCalendar, day: number): number {
  const last = sessionsOnDay(calendar, day).at(-1);
  if (!last) throw new RangeError(`${vnDateOfDayNumber(day)} is not a working day`);
  return vnDayStart(day).getTime() + last.end * MINUTE_MS;
}

/** The instant a local day's first working session ends (the close of its morning). */
function morningCloseOf(calendar: WorkingCalendar, day: number): number {
  const first = sessionsOnDay(calendar, day)[0];
  if (!first) throw new RangeError(`${vnDateOfDayNumber(day)} is not a working day`);
  return vnDayStart(day).getTime() + first.end * MINUTE_MS;
}

function wholeAndHalf(days: number): { whole: number; half: boolean } {
  if (!(Number.isFinite(days) && days >= 0 && Number.isInteger(days * 2))) {
    throw new RangeError(`workingDays must be a non-negative multiple of 0.5, got ${days}`);
  }
  return { whole: Math.floor(days), half: !Number.isInteger(days) };
}

/**
 * The end of a period of `days` working days counted from the day AFTER local day `from` (rule 2):
 * the close of the N-th working day after it; a remaining half day ends at the close of the next
 * working day's morning. Zero days: the close of `from` itself (which must then be a working day).
 */
export function endOfWorkingDays(calendar: WorkingCalendar, from: string, days: number): Date {
  const { whole, half } = wholeAndHalf(days);
  let day = dayNumberOfVnDate(from);
  for (let i = 0; i < whole; i++) day = nextWorkingDayNumber(calendar, day);
  if (half) return new Date(morningCloseOf(calendar, nextWorkingDayNumber(calendar, day)));
  return new Date(closeOf(calendar, day));
}

/**
 * The due instant of a legal period for a dossier (or step, or leg) received at `receivedAt`: working
 * days by rule 2 from the receipt day, working hours by rule 3 from the counting start, exactly.
 */
export function dueDate(calendar: WorkingCalendar, receivedAt: Date, duration: WorkingDuration): Date {
  if ('workingDays' in duration)
    return endOfWorkingDays(calendar, receiptDay(calendar, receivedAt), duration.workingDays);
  return addWorkingTime(calendar, countingStart(calendar, receivedAt), duration);
}

/**
 * A due instant moved `days` working days later, counted the same way from the old due instant's day
 * (the extension of form 04: "hẹn lại" N working days after the old appointment). An old due at the
 * close of a morning keeps that position: 11:30 on day D plus 1 day is 11:30 on the next working day,
 * plus half a day is the close of D.
 */
export function extendByWorkingDays(calendar: WorkingCalendar, due: Date, days: number): Date {
  const { whole, half } = wholeAndHalf(days);
  const t = ms(due);
  let day = vnDayNumber(due);
  if (sessionsOnDay(calendar, day).length === 0) day = nextWorkingDayNumber(calendar, day);
  const atMorning = t < closeOf(calendar, day) && t <= morningCloseOf(calendar, day);
  const from = vnDateOfDayNumber(day);
  if (!atMorning) return endOfWorkingDays(calendar, from, days);
  // From a morning: `whole` days later at the close of the morning; a half day more is that day's close.
  let end = day;
  for (let i = 0; i < whole; i++) end = nextWorkingDayNumber(calendar, end);
  return new Date(half ? closeOf(calendar, end) : morningCloseOf(calendar, end));
}

/** Working days of the period wholly elapsed between the receipt day and `at`: those after the receipt day and before `at`'s day. */
export function workingDaysElapsed(calendar: WorkingCalendar, receivedAt: Date, at: Date): number {
  const until = vnDayNumber(at);
  let count = 0;
  for (
    let day = nextWorkingDayNumber(calendar, receiptDayNumber(calendar, receivedAt));
    day < until;
    day = nextWorkingDayNumber(calendar, day)
  ) {
    count++;
  }
  return count;
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
