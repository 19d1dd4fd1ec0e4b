/**
 * The Vietnamese lunar calendar (Hồ Ngọc Đức's algorithm at UTC+7) against published dates: Tết
 * Nguyên đán as the state announced it, the years in which Việt Nam's Tết differs from China's (the new
 * moon falls between 16:00 and 17:00 UTC, i.e. before midnight at UTC+7 but after it at UTC+8), and
 * Giỗ Tổ Hùng Vương (10/3 lunar) of the seeded schedules.
 */
import { describe, expect, it } from 'vitest';
import { lunarNewYear, solarDateOfLunar } from '../../../shared/domain/calendar/index.ts';

describe('Tết Nguyên đán (1/1 lunar)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
  ])('%i: %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it.each([
    // Tết Mậu Thân: the North kept 29/1/1968 (its calendar at UTC+7), China 30/1.
    [1968, '1968-01-29'],
    // Tết Ất Sửu: 21/1/1985 in Việt Nam, 20/2/1985 in China (a leap month placed differently).
    [1985, '1985-01-21'],
    // Tết Đinh Hợi: 17/2/2007 in Việt Nam, 18/2/2007 in China.
    [2007, '2007-02-17'],
    // Tết Canh Tuất: the new moon of 2/2/2030 falls at about 23:07 at UTC+7 (00:07 on 3/2 at UTC+8).
    [2030, '2030-02-02'],
  ])('%i: the Vietnamese date, not the Chinese one (%s)', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('%i: %s', (year, date) => {
    expect(solarDateOfLunar(year, 3, 10)).toBe(date);
  });
});

describe('leap months', () => {
  it('2023 has a leap 2nd month (tháng 2 nhuận, from 22/3/2023); 2025 a leap 6th (from 25/7/2025)', () => {
    expect(solarDateOfLunar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(solarDateOfLunar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(solarDateOfLunar(2026, 6, 1, true)).toBeUndefined();
  });

  it('refuses an impossible lunar date', () => {
    expect(() => solarDateOfLunar(2026, 13, 1)).toThrow(RangeError);
  });
});
