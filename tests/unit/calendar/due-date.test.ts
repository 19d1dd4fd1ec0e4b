import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  defaultCalendar,
  dueDate,
  durationInHours,
  roundUpToHalfDay,
  type WorkingDuration,
  workingCalendar,
} from '../../../shared/domain/calendar/index.ts';

const noHolidays = workingCalendar({ holidays: [] });
const saturday = workingCalendar({ saturdayMorning: true });

describe('dueDate: the acceptance case (Tết 2026)', () => {
  it.each([
    // 9/2: 6.5 h; 10–13/2: 32 h (38.5); Tết and weekends off; 23–27/2: 40 h (78.5); 2/3 07:30 + 1.5 h = 09:00 → 11:30.
    ['received 09:00', new Date('2026-02-09T09:00:00+07:00'), new Date('2026-03-02T11:30:00+07:00')],
    // 9/2: 3.5 h; … 75.5 by 27/2; 2/3 morning 4 h, then 0.5 h → 14:00 → 17:30.
    ['received 14:00', new Date('2026-02-09T14:00:00+07:00'), new Date('2026-03-02T17:30:00+07:00')],
    // A full receipt day: the 80th hour ends exactly at Friday 27/2 17:30.
    ['received at opening 07:30', new Date('2026-02-09T07:30:00+07:00'), new Date('2026-02-27T17:30:00+07:00')],
    // After the cut-off: counted from Tuesday 07:30, ten full days end Monday 2/3 17:30.
    ['received 15:01', new Date('2026-02-09T15:01:00+07:00'), new Date('2026-03-02T17:30:00+07:00')],
  ])('10 working days, %s', (_case, receivedAt, expected) => {
    expect(dueDate(defaultCalendar, receivedAt, { workingDays: 10 })).toEqual(expected);
  });

  it('the same 10 days without the Tết holidays end a week earlier', () => {
    expect(dueDate(noHolidays, new Date('2026-02-09T09:00:00+07:00'), { workingDays: 10 })).toEqual(
      new Date('2026-02-23T11:30:00+07:00'),
    );
  });

  it('80 working hours is the same as 10 working days', () => {
    expect(dueDate(defaultCalendar, new Date('2026-02-09T09:00:00+07:00'), { workingHours: 80 })).toEqual(
      new Date('2026-03-02T11:30:00+07:00'),
    );
  });
});

describe('dueDate: cut-off 14:59 vs 15:01', () => {
  it.each([
    // 14:59 + 2 h = 16:59 the same day → 17:30 Monday.
    [new Date('2026-02-09T14:59:00+07:00'), new Date('2026-02-09T17:30:00+07:00')],
    // 15:01 counts from Tuesday 07:30; + 2 h = 09:30 → 11:30 Tuesday.
    [new Date('2026-02-09T15:01:00+07:00'), new Date('2026-02-10T11:30:00+07:00')],
  ])('2 working hours from %s', (receivedAt, expected) => {
    expect(dueDate(defaultCalendar, receivedAt, { workingHours: 2 })).toEqual(expected);
  });
});

describe('dueDate: weekends and holidays', () => {
  it.each<[string, Date, WorkingDuration, Date]>([
    // Fri 6/3: 5.5 h; Mon 9/3 07:30 + 2.5 h = 10:00 → 11:30.
    ['a weekend', new Date('2026-03-06T10:00:00+07:00'), { workingDays: 1 }, new Date('2026-03-09T11:30:00+07:00')],
    ['Tết 2026', new Date('2026-02-13T10:00:00+07:00'), { workingDays: 1 }, new Date('2026-02-23T11:30:00+07:00')],
    // 29/4: 5.5 h; 30/4, 1/5 holidays, 2–3/5 weekend; 4/5: 13.5 h; 5/5 + 2.5 h → 10:00 → 11:30.
    [
      '30/4 and 1/5 2026',
      new Date('2026-04-29T10:00:00+07:00'),
      { workingDays: 2 },
      new Date('2026-05-05T11:30:00+07:00'),
    ],
    // 24/4: 5.5 h; weekend; 27/4 in lieu of Giỗ Tổ; 28/4 + 2.5 h → 11:30.
    [
      '27/4/2026 in lieu',
      new Date('2026-04-24T10:00:00+07:00'),
      { workingDays: 1 },
      new Date('2026-04-28T11:30:00+07:00'),
    ],
    // 3/2: 6.5 h; Tết 4–10/2/2027; 11/2: 14.5; 12/2: 22.5; Mon 15/2 + 1.5 h → 09:00 → 11:30.
    ['Tết 2027', new Date('2027-02-03T09:00:00+07:00'), { workingDays: 3 }, new Date('2027-02-15T11:30:00+07:00')],
    // 30/4/2027 off, 1–2/5 weekend, 3/5 in lieu: 29/4 5.5 h, then Tue 4/5 + 2.5 h.
    [
      '3/5/2027 in lieu',
      new Date('2027-04-29T10:00:00+07:00'),
      { workingDays: 1 },
      new Date('2027-05-04T11:30:00+07:00'),
    ],
  ])('%s', (_case, receivedAt, duration, expected) => {
    expect(dueDate(defaultCalendar, receivedAt, duration)).toEqual(expected);
  });

  it.each([
    ['30/4 and 1/5 2026', new Date('2026-04-29T10:00:00+07:00'), 2, new Date('2026-05-01T11:30:00+07:00')],
    ['27/4/2026', new Date('2026-04-24T10:00:00+07:00'), 1, new Date('2026-04-27T11:30:00+07:00')],
  ])('without the holidays, %s would be worked', (_case, receivedAt, days, expected) => {
    expect(dueDate(noHolidays, receivedAt, { workingDays: days })).toEqual(expected);
  });
});

describe('dueDate: Saturday-morning agencies finish earlier', () => {
  it.each<[string, Date, WorkingDuration, Date, Date]>([
    // Saturdays 14/2 and 21/2 add 4 h each: 27/2 07:30 + 1.5 h → 11:30, against 2/3 for a normal calendar.
    [
      'the Tết case',
      new Date('2026-02-09T09:00:00+07:00'),
      { workingDays: 10 },
      new Date('2026-02-27T11:30:00+07:00'),
      new Date('2026-03-02T11:30:00+07:00'),
    ],
    // Fri 27/2: 5.5 h; Sat 28/2 + 2.5 h = 10:00 → 11:30 Saturday.
    [
      'one day from a Friday',
      new Date('2026-02-27T10:00:00+07:00'),
      { workingDays: 1 },
      new Date('2026-02-28T11:30:00+07:00'),
      new Date('2026-03-02T11:30:00+07:00'),
    ],
    // Saturday 6/2/2027 is inside Tết: closed. 3/2: 6.5; 11/2: 14.5; 12/2: 22.5; Sat 13/2 + 1.5 h → 11:30.
    [
      'Tết 2027 (holiday Saturday closed)',
      new Date('2027-02-03T09:00:00+07:00'),
      { workingDays: 3 },
      new Date('2027-02-13T11:30:00+07:00'),
      new Date('2027-02-15T11:30:00+07:00'),
    ],
  ])('%s', (_case, receivedAt, duration, withSaturday, normal) => {
    expect(dueDate(saturday, receivedAt, duration)).toEqual(withSaturday);
    expect(dueDate(defaultCalendar, receivedAt, duration)).toEqual(normal);
  });
});

describe('half-day precision', () => {
  const monday0730 = new Date('2026-02-09T07:30:00+07:00');
  it.each<[WorkingDuration, Date, Date]>([
    [{ workingHours: 1.5 }, new Date('2026-02-09T09:00:00+07:00'), new Date('2026-02-09T11:30:00+07:00')],
    [{ workingHours: 4.5 }, new Date('2026-02-09T14:00:00+07:00'), new Date('2026-02-09T17:30:00+07:00')],
    [{ workingDays: 0.5 }, new Date('2026-02-09T11:30:00+07:00'), new Date('2026-02-09T11:30:00+07:00')],
    [{ workingDays: 1 }, new Date('2026-02-09T17:30:00+07:00'), new Date('2026-02-09T17:30:00+07:00')],
    [{ workingDays: 1.5 }, new Date('2026-02-10T11:30:00+07:00'), new Date('2026-02-10T11:30:00+07:00')],
    [{ workingHours: 8.25 }, new Date('2026-02-10T07:45:00+07:00'), new Date('2026-02-10T11:30:00+07:00')],
  ])('Monday 07:30 + %o: exactly %s, due %s', (duration, exact, due) => {
    expect(addWorkingTime(defaultCalendar, monday0730, duration)).toEqual(exact);
    expect(dueDate(defaultCalendar, monday0730, duration)).toEqual(due);
  });

  it('half a day from 10:00 runs into the afternoon', () => {
    // 10:00–11:30 = 1.5 h, 13:30 + 2.5 h = 16:00 → 17:30.
    expect(dueDate(defaultCalendar, new Date('2026-02-09T10:00:00+07:00'), { workingDays: 0.5 })).toEqual(
      new Date('2026-02-09T17:30:00+07:00'),
    );
  });

  it.each([
    [new Date('2026-02-09T09:00:00+07:00'), new Date('2026-02-09T11:30:00+07:00')],
    [new Date('2026-02-09T14:00:00+07:00'), new Date('2026-02-09T17:30:00+07:00')],
    [new Date('2026-02-09T11:30:00+07:00'), new Date('2026-02-09T11:30:00+07:00')],
    [new Date('2026-02-09T13:30:00+07:00'), new Date('2026-02-09T17:30:00+07:00')],
    // Outside working time: the end of the last session, the same point in working time.
    [new Date('2026-02-09T12:15:00+07:00'), new Date('2026-02-09T11:30:00+07:00')],
    [new Date('2026-02-14T10:00:00+07:00'), new Date('2026-02-13T17:30:00+07:00')],
  ])('roundUpToHalfDay(%s) = %s', (instant, expected) => {
    expect(roundUpToHalfDay(defaultCalendar, instant)).toEqual(expected);
  });

  it('follows the agency sessions', () => {
    const c = workingCalendar({
      holidays: [],
      sessions: Object.fromEntries(
        [1, 2, 3, 4, 5].map((d) => [
          d,
          [
            { start: '08:00', end: '12:00' },
            { start: '13:00', end: '17:00' },
          ],
        ]),
      ),
    });
    // Mon 09:00: 3 + 4 = 7 h; Tue 08:00 + 1 h = 09:00 → 12:00.
    expect(dueDate(c, new Date('2026-02-09T09:00:00+07:00'), { workingDays: 1 })).toEqual(
      new Date('2026-02-10T12:00:00+07:00'),
    );
  });
});

describe('durations', () => {
  it.each<[WorkingDuration, number]>([
    [{ workingDays: 10 }, 80],
    [{ workingDays: 1.5 }, 12],
    [{ workingDays: 0 }, 0],
    [{ workingHours: 6 }, 6],
  ])('%o is %i working hours', (duration, hours) => {
    expect(durationInHours(defaultCalendar, duration)).toBe(hours);
  });

  it.each<WorkingDuration>([
    { workingDays: 0.3 },
    { workingDays: -1 },
    { workingHours: -2 },
    { workingHours: Number.NaN },
  ])('refuses %o', (duration) => {
    expect(() => dueDate(defaultCalendar, new Date('2026-02-09T09:00:00+07:00'), duration)).toThrow(RangeError);
  });
});
