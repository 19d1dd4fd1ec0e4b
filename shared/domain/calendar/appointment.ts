/**
 * The appointment as people read it (receipt form 01, notifications): a local date plus a half day,
 * e.g. "Sáng thứ Hai, ngày 02/03/2026". Morning is any time up to 12:00 local, afternoon after.
 */
import { formatVnDate, toVnDate, vnParts, type Weekday } from '../time.ts';

export type HalfDay = 'morning' | 'afternoon';

export interface Appointment {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  halfDay: HalfDay;
}

export const weekdayNamesVi: Readonly<Record<Weekday, string>> = {
  0: 'Chủ nhật',
  1: 'thứ Hai',
  2: 'thứ Ba',
  3: 'thứ Tư',
  4: 'thứ Năm',
  5: 'thứ Sáu',
  6: 'thứ Bảy',
};

const halfDayNamesVi: Readonly<Record<HalfDay, string>> = { morning: 'Sáng', afternoon: 'Chiều' };

/** The local half day of an instant: up to 12:00 (inclusive) is the morning. */
export function halfDayOf(instant: Date): HalfDay {
  const { hour, minute } = vnParts(instant);
  return hour * 60 + minute <= 12 * 60 ? 'morning' : 'afternoon';
}

export function appointmentOf(due: Date): Appointment {
  return { date: toVnDate(due), halfDay: halfDayOf(due) };
}

/** "Sáng thứ Hai, ngày 02/03/2026" / "Chiều Chủ nhật, ngày 01/03/2026". */
export function describeAppointment(due: Date): string {
  return `${halfDayNamesVi[halfDayOf(due)]} ${weekdayNamesVi[vnParts(due).weekday]}, ngày ${formatVnDate(due)}`;
}
