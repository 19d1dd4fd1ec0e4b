import * as z from 'zod/mini';
import type { AgencyRepository } from '../ports/agency-repository.ts';
import { type Holiday, projectedHolidays, vnPublicHolidays } from '../../domain/calendar/index.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { dayNumberOfVnDate } from '../../domain/time.ts';

const isDate = (value: string): boolean => {
  try {
    dayNumberOfVnDate(value);
    return true;
  } catch {
    return false;
  }
};

export const maxHolidaysPerYear = 60;

/** A year's whole list: it replaces the stored one. */
export const PutHolidaysBody = z.strictObject({
  holidays: z
    .array(
      z.strictObject({
        date: z.string().check(z.refine(isDate, 'Ngày có dạng YYYY-MM-DD và phải là ngày có thật')),
        name: z.string().check(z.trim(), z.minLength(1, 'Tên ngày nghỉ không được để trống'), z.maxLength(200)),
        /** true: a day WORKED in a swap (làm bù, e.g. a Saturday against a weekday off); default: a day off. */
        workingDay: z.optional(z.boolean()),
      }),
    )
    .check(z.maxLength(maxHolidaysPerYear, `Tối đa ${maxHolidaysPerYear} ngày nghỉ một năm`)),
});

export type PutHolidaysBody = z.output<typeof PutHolidaysBody>;

/**
 * Where a year's list comes from: stored by an admin (or the seed), the built-in national list, or
 * projected from the law and the lunar calendar (every item `projected: true`) until an admin enters
 * the government's schedule.
 */
export type HolidaySource = 'stored' | 'national-default' | 'projected';

export interface HolidayYear {
  year: number;
  source: HolidaySource;
  holidays: readonly Holiday[];
}

/** A year's list must lie in that year and name each date once. Undefined when it does. */
export function holidayYearViolation(year: number, holidays: readonly Holiday[]): RuleViolation | undefined {
  const outside = holidays.findIndex((h) => !h.date.startsWith(`${year}-`));
  if (outside >= 0) {
    return new RuleViolation(
      'invalid',
      'holiday-outside-year',
      `Ngày ${holidays[outside]?.date} không thuộc năm ${year}.`,
      { field: `holidays.${outside}.date` },
    );
  }
  const repeated = holidays.findIndex((h, i) => holidays.findIndex((other) => other.date === h.date) !== i);
  if (repeated >= 0) {
    return new RuleViolation(
      'invalid',
      'duplicate-holiday',
      `Ngày ${holidays[repeated]?.date} được khai báo nhiều lần.`,
      { field: `holidays.${repeated}.date` },
    );
  }
  return undefined;
}

export function getHolidays(agencies: AgencyRepository) {
  return async (year: number): Promise<HolidayYear> => {
    const stored = await agencies.getHolidays(year);
    if (stored) return { year, source: 'stored', holidays: stored };
    const seeded = vnPublicHolidays[year];
    return seeded
      ? { year, source: 'national-default', holidays: seeded }
      : { year, source: 'projected', holidays: projectedHolidays(year) };
  };
}

/**
 * Replaces a year's holidays (the government's yearly announcement, swaps included: the weekday off as
 * a day off, the Saturday worked with `workingDay: true`), sorted by date. The official data replaces
 * any projection of that year.
 */
export function putHolidays(agencies: AgencyRepository) {
  return async (year: number, body: PutHolidaysBody): Promise<{ created: boolean; holidays: HolidayYear }> => {
    const violation = holidayYearViolation(year, body.holidays);
    if (violation) throw violation;
    const holidays = body.holidays
      .map(({ workingDay, ...h }) => (workingDay ? { ...h, workingDay } : h))
      .sort((a, b) => a.date.localeCompare(b.date));
    const existing = await agencies.getHolidays(year);
    await agencies.putHolidays(year, holidays);
    return { created: !existing, holidays: { year, source: 'stored', holidays } };
  };
}
