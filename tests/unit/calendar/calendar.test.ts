import { describe, expect, it } from 'vitest';
import {
  defaultCalendar,
  holidayDates,
  holidayOn,
  isWorkingDay,
  vnPublicHolidays,
  workingCalendar,
} from '../../../shared/domain/calendar/index.ts';

describe('seeded public holidays', () => {
  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-01-27',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-04-07',
        '2025-04-30',
        '2025-05-01',
        '2025-09-01',
        '2025-09-02',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-09-01',
        '2026-09-02',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-02-04',
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-04-16',
        '2027-04-30',
        '2027-05-03',
        '2027-09-02',
        '2027-09-03',
      ],
    ],
  ])('%i is exactly the published list', (year, dates) => {
    expect(vnPublicHolidays[year]?.map((h) => h.date)).toEqual(dates);
  });

  it.each([
    ['2026-01-01', 'Tết Dương lịch'],
    ['2026-02-18', 'Tết Nguyên đán'],
    ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
    ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'],
    ['2026-04-30', 'Ngày Giải phóng miền Nam'],
    ['2026-05-01', 'Quốc tế Lao động'],
    ['2027-05-03', 'Quốc tế Lao động (nghỉ bù)'],
    ['2027-09-03', 'Quốc khánh'],
  ])('%s is named %s', (date, name) => {
    expect(holidayOn(date)?.name).toBe(name);
  });

  it('has no holiday on an ordinary day, and flattens to 35 dates', () => {
    expect(holidayOn('2026-02-13')).toBeUndefined();
    expect(holidayDates()).toHaveLength(35);
  });
});

describe('isWorkingDay', () => {
  const saturday = workingCalendar({ saturdayMorning: true });
  it.each([
    ['2026-02-13', true, true], // Friday before Tết
    ['2026-02-14', false, true], // Saturday
    ['2026-02-15', false, false], // Sunday
    ['2026-02-16', false, false], // Tết
    ['2026-02-23', true, true], // first day back
    ['2026-04-27', false, false], // Giỗ Tổ in lieu
    ['2026-04-28', true, true],
    ['2027-02-06', false, false], // Saturday inside Tết 2027: closed even for a Saturday-morning centre
    ['2027-05-03', false, false],
  ])('%s: default %s, Saturday-morning %s', (date, normal, withSaturday) => {
    expect(isWorkingDay(defaultCalendar, date)).toBe(normal);
    expect(isWorkingDay(saturday, date)).toBe(withSaturday);
  });

  it('takes the local day of an instant', () => {
    // 23:30 UTC on Friday 13/2 is already Saturday 14/2 in Việt Nam.
    expect(isWorkingDay(defaultCalendar, new Date('2026-02-13T16:30:00Z'))).toBe(true);
    expect(isWorkingDay(defaultCalendar, new Date('2026-02-13T17:30:00Z'))).toBe(false);
  });
});

describe('workingCalendar builder', () => {
  it('defaults to Monday–Friday 07:30–11:30 and 13:30–17:30, cut-off 15:00', () => {
    expect(defaultCalendar.sessions[1]).toEqual([
      { start: 450, end: 690 },
      { start: 810, end: 1050 },
    ]);
    expect(defaultCalendar.sessions[6]).toEqual([]);
    expect(defaultCalendar.sessions[0]).toEqual([]);
    expect(defaultCalendar.cutoff).toBe(900);
    expect(defaultCalendar.hoursPerWorkingDay).toBe(8);
    expect(defaultCalendar.holidays.has('2026-02-16')).toBe(true);
  });

  it('opens Saturday morning on request', () => {
    expect(workingCalendar({ saturdayMorning: true }).sessions[6]).toEqual([{ start: 450, end: 690 }]);
  });

  it('takes holidays as dates or holiday records, replacing the seed', () => {
    const custom = workingCalendar({ holidays: [{ date: '2026-03-02', name: 'Ngày của tỉnh' }, '2026-03-03'] });
    expect(isWorkingDay(custom, '2026-02-16')).toBe(true);
    expect(isWorkingDay(custom, '2026-03-02')).toBe(false);
    expect(isWorkingDay(custom, '2026-03-03')).toBe(false);
  });

  it('takes sessions per weekday, sorted, and a cut-off or none', () => {
    const c = workingCalendar({
      sessions: {
        3: [
          { start: '13:00', end: '17:00' },
          { start: '08:00', end: '12:00' },
        ],
        5: [],
      },
      cutoff: null,
    });
    expect(c.sessions[3]).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1020 },
    ]);
    expect(c.sessions[5]).toEqual([]);
    expect(c.sessions[4]).toEqual(defaultCalendar.sessions[4]);
    expect(c.cutoff).toBeNull();
    expect(workingCalendar({ cutoff: '16:30' }).cutoff).toBe(990);
  });

  it.each([
    [
      'overlapping sessions',
      {
        sessions: {
          1: [
            { start: '07:30', end: '12:00' },
            { start: '11:30', end: '17:30' },
          ],
        },
      },
    ],
    ['an empty session', { sessions: { 1: [{ start: '13:30', end: '13:30' }] } }],
    ['a malformed time', { cutoff: '3pm' }],
    ['minutes over 59', { cutoff: '15:60' }],
    ['a malformed holiday', { holidays: ['2026-02-30'] }],
    ['no working session at all', { sessions: { 1: [], 2: [], 3: [], 4: [], 5: [] } }],
    ['a zero working day', { hoursPerWorkingDay: 0 }],
  ])('refuses %s', (_what, options) => {
    expect(() => workingCalendar(options)).toThrow(RangeError);
  });
});
