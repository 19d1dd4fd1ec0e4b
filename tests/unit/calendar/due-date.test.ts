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

// Bộ luật Dân sự 2015, điều 147–148: the receipt day is not counted; a period of N working days ends
// at the close (17:30) of its N-th working day; after the 15:00 cut-off the receipt day is the next
// working day.
describe('dueDate: the acceptance case (Tết 2026)', () => {
  it.each([
    // Receipt day Mon 9/2; count 10, 11, 12, 13/2 (4), Tết 16–20/2 and weekends off, 23–27/2 (9), 2/3 (10).
    ['received 09:00', new Date('2026-02-09T09:00:00+07:00'), new Date('2026-03-02T17:30:00+07:00')],
    ['received 14:00', new Date('2026-02-09T14:00:00+07:00'), new Date('2026-03-02T17:30:00+07:00')],
    // The hour of receipt does not matter: at opening too the count starts the next day.
    ['received at opening 07:30', new Date('2026-02-09T07:30:00+07:00'), new Date('2026-03-02T17:30:00+07:00')],
    // 15:00 itself is not after the cut-off.
    ['received 15:00', new Date('2026-02-09T15:00:00+07:00'), new Date('2026-03-02T17:30:00+07:00')],
    // After the cut-off: receipt day Tue 10/2; 11–13/2 (3), 23–27/2 (8), 2/3 (9), 3/3 (10).
    ['received 15:01', new Date('2026-02-09T15:01:00+07:00'), new Date('2026-03-03T17:30:00+07:00')],
  ])('10 working days, %s', (_case, receivedAt, expected) => {
    expect(dueDate(defaultCalendar, receivedAt, { workingDays: 10 })).toEqual(expected);
  });

  it('the same 10 days without the Tết holidays end a week earlier', () => {
    // 10–13/2 (4), 16–20/2 (9), 23/2 (10).
    expect(dueDate(noHolidays, new Date('2026-02-09T09:00:00+07:00'), { workingDays: 10 })).toEqual(
      new Date('2026-02-23T17:30:00+07:00'),
    );
  });

  it('80 working hours count from the moment of receipt, not from the next day', () => {
    // 9/2 09:00: 6.5 h; 10–13/2: 32 h (38.5); 23–27/2: 40 h (78.5); 2/3 07:30 + 1.5 h = 09:00, the end of the 80th hour.
    expect(dueDate(defaultCalendar, new Date('2026-02-09T09:00:00+07:00'), { workingHours: 80 })).toEqual(
      new Date('2026-03-02T09:00:00+07:00'),
    );
  });
});

describe('dueDate: cut-off 14:59 vs 15:01', () => {
  it.each([
    // 14:59 + 2 h = 16:59 the same day.
    [new Date('2026-02-09T14:59:00+07:00'), new Date('2026-02-09T16:59:00+07:00')],
    // 15:01 counts from Tuesday 07:30; + 2 h = 09:30 Tuesday.
    [new Date('2026-02-09T15:01:00+07:00'), new Date('2026-02-10T09:30:00+07:00')],
  ])('2 working hours from %s', (receivedAt, expected) => {
    expect(dueDate(defaultCalendar, receivedAt, { workingHours: 2 })).toEqual(expected);
  });
});

describe('dueDate: weekends and holidays', () => {
  it.each<[string, Date, WorkingDuration, Date]>([
    // Receipt day Fri 6/3; the weekend is off; day 1 is Mon 9/3.
    ['a weekend', new Date('2026-03-06T10:00:00+07:00'), { workingDays: 1 }, new Date('2026-03-09T17:30:00+07:00')],
    // Receipt day Fri 13/2; weekends and Tết 16–20/2 off; day 1 is Mon 23/2.
    ['Tết 2026', new Date('2026-02-13T10:00:00+07:00'), { workingDays: 1 }, new Date('2026-02-23T17:30:00+07:00')],
    // Receipt day Wed 29/4; 30/4, 1/5 holidays, 2–3/5 weekend; 4/5 (1), 5/5 (2).
    [
      '30/4 and 1/5 2026',
      new Date('2026-04-29T10:00:00+07:00'),
      { workingDays: 2 },
      new Date('2026-05-05T17:30:00+07:00'),
    ],
    // Receipt day Fri 24/4; weekend; 27/4 in lieu of Giỗ Tổ (Sunday 26/4); 28/4 (1).
    [
      '27/4/2026 in lieu',
      new Date('2026-04-24T10:00:00+07:00'),
      { workingDays: 1 },
      new Date('2026-04-28T17:30:00+07:00'),
    ],
    // Receipt day Wed 3/2/2027; Tết 4–10/2; 11/2 (1), 12/2 (2), weekend, 15/2 (3).
    ['Tết 2027', new Date('2027-02-03T09:00:00+07:00'), { workingDays: 3 }, new Date('2027-02-15T17:30:00+07:00')],
    // Receipt day Thu 29/4/2027; 30/4 off, 1–2/5 weekend, 3/5 in lieu of 1/5; Tue 4/5 (1).
    [
      '3/5/2027 in lieu',
      new Date('2027-04-29T10:00:00+07:00'),
      { workingDays: 1 },
      new Date('2027-05-04T17:30:00+07:00'),
    ],
  ])('%s', (_case, receivedAt, duration, expected) => {
    expect(dueDate(defaultCalendar, receivedAt, duration)).toEqual(expected);
  });

  it.each([
    // 30/4 (1), 1/5 (2).
    ['30/4 and 1/5 2026', new Date('2026-04-29T10:00:00+07:00'), 2, new Date('2026-05-01T17:30:00+07:00')],
    // Mon 27/4 (1).
    ['27/4/2026', new Date('2026-04-24T10:00:00+07:00'), 1, new Date('2026-04-27T17:30:00+07:00')],
  ])('without the holidays, %s would be worked', (_case, receivedAt, days, expected) => {
    expect(dueDate(noHolidays, receivedAt, { workingDays: days })).toEqual(expected);
  });
});

// A centre open on Saturday mornings works that day: it is one of its working days, ending at 11:30.
describe('dueDate: Saturday-morning agencies finish earlier', () => {
  it.each<[string, Date, WorkingDuration, Date, Date]>([
    // 10–13/2 (4), Sat 14/2 (5), Tết, Sat 21/2 (6), 23–26/2 (10) → Thursday 26/2, against Monday 2/3.
    [
      'the Tết case',
      new Date('2026-02-09T09:00:00+07:00'),
      { workingDays: 10 },
      new Date('2026-02-26T17:30:00+07:00'),
      new Date('2026-03-02T17:30:00+07:00'),
    ],
    // Receipt day Fri 27/2; Sat 28/2 (1), closing 11:30; a normal calendar: Mon 2/3.
    [
      'one day from a Friday',
      new Date('2026-02-27T10:00:00+07:00'),
      { workingDays: 1 },
      new Date('2026-02-28T11:30:00+07:00'),
      new Date('2026-03-02T17:30:00+07:00'),
    ],
    // Saturday 6/2/2027 is inside Tết: closed. 11/2 (1), 12/2 (2), Sat 13/2 (3) at 11:30.
    [
      'Tết 2027 (holiday Saturday closed)',
      new Date('2027-02-03T09:00:00+07:00'),
      { workingDays: 3 },
      new Date('2027-02-13T11:30:00+07:00'),
      new Date('2027-02-15T17:30:00+07:00'),
    ],
  ])('%s', (_case, receivedAt, duration, withSaturday, normal) => {
    expect(dueDate(saturday, receivedAt, duration)).toEqual(withSaturday);
    expect(dueDate(defaultCalendar, receivedAt, duration)).toEqual(normal);
  });
});

describe('half-day precision', () => {
  const monday0730 = new Date('2026-02-09T07:30:00+07:00');
  it.each<[WorkingDuration, Date, Date]>([
    // Hours: exact working time from the receipt; the period ends with its last hour (BLDS 2015 điều 148 khoản 1).
    [{ workingHours: 1.5 }, new Date('2026-02-09T09:00:00+07:00'), new Date('2026-02-09T09:00:00+07:00')],
    [{ workingHours: 4.5 }, new Date('2026-02-09T14:00:00+07:00'), new Date('2026-02-09T14:00:00+07:00')],
    [{ workingHours: 8.25 }, new Date('2026-02-10T07:45:00+07:00'), new Date('2026-02-10T07:45:00+07:00')],
    // Days: from the day after the receipt day. Half a day: close of Tuesday's morning.
    [{ workingDays: 0.5 }, new Date('2026-02-09T11:30:00+07:00'), new Date('2026-02-10T11:30:00+07:00')],
    // One day: close of Tuesday.
    [{ workingDays: 1 }, new Date('2026-02-09T17:30:00+07:00'), new Date('2026-02-10T17:30:00+07:00')],
    // 1.5 days: Tuesday, then the morning of Wednesday.
    [{ workingDays: 1.5 }, new Date('2026-02-10T11:30:00+07:00'), new Date('2026-02-11T11:30:00+07:00')],
  ])('Monday 07:30 + %o: exact working time %s, due %s', (duration, exact, due) => {
    expect(addWorkingTime(defaultCalendar, monday0730, duration)).toEqual(exact);
    expect(dueDate(defaultCalendar, monday0730, duration)).toEqual(due);
  });

  it('half a day received at 10:00 ends at the close of the next working morning', () => {
    expect(dueDate(defaultCalendar, new Date('2026-02-09T10:00:00+07:00'), { workingDays: 0.5 })).toEqual(
      new Date('2026-02-10T11:30:00+07:00'),
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
    // Receipt day Mon 9/2; day 1 is Tuesday, whose last session closes at 17:00.
    expect(dueDate(c, new Date('2026-02-09T09:00:00+07:00'), { workingDays: 1 })).toEqual(
      new Date('2026-02-10T17:00:00+07:00'),
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
