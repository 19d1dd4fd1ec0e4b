/**
 * Holidays projected for years without a published schedule (Bộ luật Lao động 2019, điều 112): the
 * projection must give the same days off as the government's own schedules, seeded for 2025–2027, and
 * as its decisions of 2021–2024 (where no swap was decided), worked out below by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultCalendar,
  isWorkingDay,
  projectedHolidays,
  vnPublicHolidays,
  workingCalendar,
} from '../../../shared/domain/calendar/index.ts';
import { dayNumberOfVnDate, weekdayOfDayNumber } from '../../../shared/domain/time.ts';

const weekdaysOff = (dates: readonly string[]): string[] =>
  dates.filter((d) => ![0, 6].includes(weekdayOfDayNumber(dayNumberOfVnDate(d)))).sort();

describe('the projection matches the published schedules', () => {
  it.each([2025, 2026, 2027])('%i: the same weekdays off as the seeded official schedule', (year) => {
    const official = weekdaysOff((vnPublicHolidays[year] ?? []).map((h) => h.date));
    expect(official.length).toBeGreaterThan(0);
    expect(weekdaysOff(projectedHolidays(year).map((h) => h.date))).toEqual(official);
  });

  it.each([
    // 2021: Tết 10–16/2 (Wed–Tue, Tết on Fri 12/2); Giỗ Tổ Wed 21/4; 30/4 Fri, 1/5 Sat → Mon 3/5 in lieu;
    // Quốc khánh Thu 2/9 and Fri 3/9.
    [2021, ['01-01', '02-10', '02-11', '02-12', '02-15', '02-16', '04-21', '04-30', '05-03', '09-02', '09-03']],
    // 2022: 1/1 Sat → Mon 3/1; Tết 31/1–4/2 (eve Monday); Giỗ Tổ Sun 10/4 → Mon 11/4; 30/4 Sat, 1/5 Sun
    // → 2/5 and 3/5; Quốc khánh Thu 1/9 and Fri 2/9.
    [2022, ['01-03', '01-31', '02-01', '02-02', '02-03', '02-04', '04-11', '05-02', '05-03', '09-01', '09-02']],
    // 2023: 1/1 Sun → Mon 2/1; Tết 20/1 and 23–26/1; Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → 2/5 and 3/5;
    // Quốc khánh Fri 1/9 and Sat 2/9 → Mon 4/9.
    [2023, ['01-02', '01-20', '01-23', '01-24', '01-25', '01-26', '05-01', '05-02', '05-03', '09-01', '09-04']],
  ])('%i: the days off decided that year', (year, days) => {
    expect(weekdaysOff(projectedHolidays(year).map((h) => h.date))).toEqual(days.map((d) => `${year}-${d}`));
  });
});

describe('projected years in a calendar', () => {
  it('marks every projected day', () => {
    expect(projectedHolidays(2030).every((h) => h.projected === true)).toBe(true);
  });

  it('the default calendar projects years without data, never counting them all as working', () => {
    // Tết Canh Tuất: Saturday 2/2/2030 (Vietnamese calendar); eve Friday 1/2 → Thu 31/1, Fri 1/2, Mon 4/2–Wed 6/2.
    for (const d of ['2030-01-31', '2030-02-01', '2030-02-04', '2030-02-05', '2030-02-06']) {
      expect(isWorkingDay(defaultCalendar, d)).toBe(false);
    }
    expect(isWorkingDay(defaultCalendar, '2030-02-07')).toBe(true);
  });

  it('official data for a year replaces its projection', () => {
    // An admin's 2030 without Tết (absurd, but it shows the data wins): 4/2/2030 is worked.
    const c = workingCalendar({ holidays: [{ date: '2030-01-01', name: 'Tết Dương lịch' }], dataYears: [2030] });
    expect(isWorkingDay(c, '2030-02-04')).toBe(true);
    expect(isWorkingDay(c, '2030-01-01')).toBe(false);
  });

  it('a calendar given its holidays without `dataYears` projects nothing', () => {
    const c = workingCalendar({ holidays: [] });
    expect(isWorkingDay(c, '2030-02-04')).toBe(true);
  });

  it('covers every year a deadline may reach', () => {
    for (let year = 2028; year <= 2060; year++) {
      const days = projectedHolidays(year);
      expect(days.filter((h) => h.name === 'Tết Nguyên đán' && weekdaysOff([h.date]).length === 1)).toHaveLength(5);
      expect(days.every((h) => h.date.startsWith(`${year}-`))).toBe(true);
      expect(new Set(days.map((h) => h.date)).size).toBe(days.length);
    }
  });
});
