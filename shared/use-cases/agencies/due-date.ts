import * as z from 'zod/mini';
import {
  describeAppointment,
  dueDate,
  receiptDay,
  type WorkingCalendar,
  type WorkingDuration,
} from '../../domain/calendar/index.ts';
import { toVnIso, vnParts } from '../../domain/time.ts';

/**
 * The public due-date calculator: when a dossier received at an instant by an agency, with a legal
 * period of N working days (or hours), is due, on THAT agency's working calendar (its sessions,
 * Saturday mornings, intake cut-off and the stored holidays). The counting itself is the calendar's
 * (Bộ luật Dân sự 2015, điều 147–148: the receipt day, then N working days from the day after, due at
 * the close of the last one); this only reads the query and shapes the answer.
 */

/** The bounds a procedure's legal time has in the catalogue (catalogue/schemas.ts), so any procedure can be asked. */
export const maxWorkingDays = 365;
export const maxWorkingHours = 2920;
/** The years the holiday data can hold (agencies/params.ts): outside them the answer would mean nothing. */
const minYear = 2000;
const maxYear = 2100;

const instantExample = '2026-03-06T15:30:00+07:00';
const instantMessage = `Thời điểm tiếp nhận có dạng ISO 8601 kèm múi giờ, ví dụ ${instantExample}`;

/**
 * An unencoded "+" of the offset arrives as a space once the query string is decoded
 * (`?receivedAt=2026-03-06T15:30:00+07:00`): a space is never part of an instant, so it is put back.
 */
const restorePlus = (value: string) => value.replace(/ (\d{2}:\d{2})$/, '+$1');

/** Years as Vietnam counts them: 1 January 2000 at 06:00 in Hà Nội is still 1999 in UTC. */
const inYears = (iso: string) => {
  const { year } = vnParts(new Date(iso));
  return year >= minYear && year <= maxYear;
};

const ReceivedAt = z.pipe(
  z.pipe(z.string({ error: instantMessage }), z.transform(restorePlus)),
  z.pipe(
    z.iso
      .datetime({ offset: true, error: instantMessage })
      .check(z.refine(inYears, `Thời điểm tiếp nhận phải trong các năm ${minYear}–${maxYear}`)),
    z.transform((iso) => new Date(iso)),
  ),
);

/** A plain decimal in the query (`1`, `1.5`): no exponent, sign, hex or empty string that `Number()` would take. */
const decimal = (message: string) =>
  z.pipe(z.string().check(z.regex(/^\d{1,6}(\.\d{1,6})?$/, message)), z.transform(Number));

/** A count of working days or hours in the query: positive, in halves, at most `max`. */
const workingPeriod = (unit: 'ngày' | 'giờ', max: number) => {
  const message = `Số ${unit} làm việc là số dương, tính theo nửa ${unit}: 0.5, 1, 1.5 …`;
  return z.pipe(
    decimal(message),
    z.number().check(z.positive(message), z.multipleOf(0.5, message), z.maximum(max, `Tối đa ${max} ${unit} làm việc`)),
  );
};

const WorkingDays = workingPeriod('ngày', maxWorkingDays);
const WorkingHours = workingPeriod('giờ', maxWorkingHours);

/** `?receivedAt=<ISO instant with offset>&workingDays=<n>` or `…&workingHours=<n>`: exactly one of the two. */
export const DueDateQuery = z
  .strictObject({
    receivedAt: ReceivedAt,
    workingDays: z.optional(WorkingDays),
    workingHours: z.optional(WorkingHours),
  })
  .check(
    z.superRefine((query, ctx) => {
      const days = query.workingDays !== undefined;
      const hours = query.workingHours !== undefined;
      if (days && hours) {
        ctx.addIssue({
          code: 'custom',
          path: ['workingHours'],
          message: 'Chỉ cho một trong hai: số ngày làm việc (workingDays) hoặc số giờ làm việc (workingHours)',
        });
      } else if (!days && !hours) {
        ctx.addIssue({
          code: 'custom',
          path: ['workingDays'],
          message: 'Cần số ngày làm việc (workingDays) hoặc số giờ làm việc (workingHours)',
        });
      }
    }),
  );

export type DueDateQuery = z.output<typeof DueDateQuery>;

export interface DueDateAnswer {
  agencyId: string;
  /** The instant asked about, in the API's one form (`+07:00`). */
  receivedAt: string;
  /** The day the dossier counts as received, `YYYY-MM-DD` (local). */
  receiptDay: string;
  /** The close of the last working day (or the end of the working hours), `+07:00`. */
  dueAt: string;
  /** As people read it: "Chiều thứ Ba, ngày 10/03/2026". */
  appointment: string;
}

export interface DueDateDeps {
  /** The agency's working calendar; an unknown agency is a not-found RuleViolation. */
  calendarFor: (agencyId: string) => Promise<WorkingCalendar>;
}

const durationOf = (query: Pick<DueDateQuery, 'workingDays' | 'workingHours'>): WorkingDuration =>
  query.workingDays !== undefined ? { workingDays: query.workingDays } : { workingHours: query.workingHours ?? 0 };

export function computeDueDate(deps: DueDateDeps) {
  return async (agencyId: string, query: DueDateQuery): Promise<DueDateAnswer> => {
    const calendar = await deps.calendarFor(agencyId);
    const due = dueDate(calendar, query.receivedAt, durationOf(query));
    return {
      agencyId,
      receivedAt: toVnIso(query.receivedAt),
      receiptDay: receiptDay(calendar, query.receivedAt),
      dueAt: toVnIso(due),
      appointment: describeAppointment(due),
    };
  };
}
