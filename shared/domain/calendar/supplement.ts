/**
 * Deadline rules around supplements and extensions (DOMAIN.md "Deadlines").
 *
 * Supplement: when an official requests a supplement (form 02) and the applicant supplements later,
 *  - 'restart' (default, Nghị định 61/2018): the clock restarts from zero at the supplement's receipt;
 *  - 'pause': the working time consumed between the counting start and the request is kept, and the
 *    remainder (duration − consumed, never below zero) runs from the supplement's receipt.
 * In both modes the supplement's receipt is treated like a receipt: the cut-off and the counting-start
 * rule apply, and the result is rounded up to the half day. For a second round in 'pause' mode, pass
 * the previous supplement's receipt as `receivedAt` and the previous remainder as `duration`.
 *
 * Extension (form 04): the apology and extension must be issued at least 1 working day before the due
 * date, read by dates: by the end of the last working day before the due date's local day.
 */
import { vnDayNumber, vnDayStart } from '../time.ts';
import { sessionsOnDay, type WorkingCalendar } from './calendar.ts';
import {
  addWorkingTime,
  countingStart,
  dueDate,
  durationInHours,
  roundUpToHalfDay,
  type WorkingDuration,
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

/** Working hours of the duration still to run after the supplement ('pause' mode), never negative. */
export function remainingAfterPause(calendar: WorkingCalendar, times: SupplementTimes): number {
  assertOrdered(times);
  const consumed = Math.max(
    0,
    workingHoursBetween(calendar, countingStart(calendar, times.receivedAt), times.requestedAt),
  );
  return Math.max(0, durationInHours(calendar, times.duration) - consumed);
}

/** The new due date once the applicant has supplemented. */
export function dueDateAfterSupplement(calendar: WorkingCalendar, times: SupplementTimes): Date {
  assertOrdered(times);
  const mode = times.mode ?? defaultSupplementMode;
  if (mode === 'restart') return dueDate(calendar, times.supplementedAt, times.duration);
  const remaining = { workingHours: remainingAfterPause(calendar, times) };
  const start = countingStart(calendar, times.supplementedAt);
  return roundUpToHalfDay(calendar, addWorkingTime(calendar, start, remaining));
}

/** The latest a supplement request may be issued for a dossier received at `receivedAt`. */
export function supplementRequestDeadline(
  calendar: WorkingCalendar,
  receivedAt: Date,
  within: WorkingDuration = supplementRequestWithin,
): Date {
  return dueDate(calendar, receivedAt, within);
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
