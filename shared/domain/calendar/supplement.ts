/**
 * Deadline rules around supplements and extensions, counted by the legal rule of ./working-time.ts
 * (Bộ luật Dân sự 2015, điều 147–148).
 *
 * Supplement request (form 02): "hướng dẫn một lần, đầy đủ" — once, listing every defect, within 3
 * working days of receipt (Nghị định 61/2018/NĐ-CP, điều 15–16, kept by Nghị định 118/2025/NĐ-CP;
 * the window is configurable): the deadline is the close of the 3rd working day after the receipt day.
 *
 * When the applicant supplements (the supplement's receipt is treated like a receipt: receipt day and
 * cut-off apply),
 *  - 'restart' (default, Nghị định 61/2018): the whole period runs again from the supplement's receipt;
 *  - 'pause': the part of the period already used is kept and the remainder runs from the supplement's
 *    receipt. A period in working days has used the working days WHOLLY elapsed after the receipt day
 *    and before the request's day (the request day, like a receipt day, is not charged); a period in
 *    working hours has used the working time from its counting start to the request.
 * For a second round in 'pause' mode, pass the previous supplement's receipt as `receivedAt` and the
 * previous remainder as `duration`.
 *
 * Extension (form 04): the apology and extension must be issued at least 1 working day before the due
 * date, read by dates: by the close of the last working day before the due date's local day; the new
 * appointment is the old one moved N working days later, counted the same way (./working-time.ts
 * `extendByWorkingDays`).
 */
import { vnDayNumber, vnDayStart } from '../time.ts';
import { sessionsOnDay, type WorkingCalendar } from './calendar.ts';
import {
  countingStart,
  dueDate,
  durationInHours,
  type WorkingDuration,
  workingDaysElapsed,
  workingHoursBetween,
} from './working-time.ts';

export type SupplementMode = 'restart' | 'pause';
export const defaultSupplementMode: SupplementMode = 'restart';

/** Within how long after receipt a supplement request must be issued (configurable). */
export const supplementRequestWithin: WorkingDuration = { workingDays: 3 };

export interface SupplementTimes {
  /** Receipt of the dossier (or, in a later 'pause' round, of the previous supplement). */
  receivedAt: Date;
  /** When the supplement was requested. */
  requestedAt: Date;
  /** When the supplement was received. */
  supplementedAt: Date;
  /** The legal duration (or, in a later 'pause' round, what remained of it). */
  duration: WorkingDuration;
  mode?: SupplementMode;
}

function assertOrdered(times: SupplementTimes): void {
  const { receivedAt, requestedAt, supplementedAt } = times;
  if (requestedAt.getTime() < receivedAt.getTime() || supplementedAt.getTime() < requestedAt.getTime()) {
    throw new RangeError('Expected receivedAt ≤ requestedAt ≤ supplementedAt');
  }
}

/** What remains of the period after the supplement ('pause' mode), in the period's own unit, never negative. */
export function durationAfterPause(calendar: WorkingCalendar, times: SupplementTimes): WorkingDuration {
  assertOrdered(times);
  const { duration, receivedAt, requestedAt } = times;
  if ('workingDays' in duration) {
    durationInHours(calendar, duration); // validates
    return { workingDays: Math.max(0, duration.workingDays - workingDaysElapsed(calendar, receivedAt, requestedAt)) };
  }
  const consumed = Math.max(0, workingHoursBetween(calendar, countingStart(calendar, receivedAt), requestedAt));
  return { workingHours: Math.max(0, durationInHours(calendar, duration) - consumed) };
}

/** Working hours of the duration still to run after the supplement ('pause' mode), never negative. */
export function remainingAfterPause(calendar: WorkingCalendar, times: SupplementTimes): number {
  return durationInHours(calendar, durationAfterPause(calendar, times));
}

/** The new due date once the applicant has supplemented. */
export function dueDateAfterSupplement(calendar: WorkingCalendar, times: SupplementTimes): Date {
  assertOrdered(times);
  const mode = times.mode ?? defaultSupplementMode;
  const duration = mode === 'restart' ? times.duration : durationAfterPause(calendar, times);
  return dueDate(calendar, times.supplementedAt, duration);
}

/** The latest a supplement request may be issued for a dossier received at `receivedAt`. */
export function supplementRequestDeadline(
  calendar: WorkingCalendar,
  receivedAt: Date,
  within: WorkingDuration = supplementRequestWithin,
): Date {
  return dueDate(calendar, receivedAt, within);
}

/** Whether a supplement request issued at `now` is within the window after a receipt at `receivedAt`. */
export function supplementRequestOpen(
  calendar: WorkingCalendar,
  receivedAt: Date,
  now: Date,
  within: WorkingDuration = supplementRequestWithin,
): boolean {
  return now.getTime() <= supplementRequestDeadline(calendar, receivedAt, within).getTime();
}

/** The end of the last working session on a working day before the due date's local day. */
export function extensionDeadline(calendar: WorkingCalendar, due: Date): Date {
  const dueDay = vnDayNumber(due);
  for (let day = dueDay - 1; day > dueDay - 3660; day--) {
    const last = sessionsOnDay(calendar, day).at(-1);
    if (last) return new Date(vnDayStart(day).getTime() + last.end * 60_000);
  }
  throw new RangeError('The working calendar has no working day before the due date');
}

/** Whether an apology and extension (form 04) may still be issued at `now` for this due date. */
export function canRequestExtension(calendar: WorkingCalendar, due: Date, now: Date): boolean {
  return now.getTime() <= extensionDeadline(calendar, due).getTime();
}
