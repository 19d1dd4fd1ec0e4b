import { describe, expect, it } from 'vitest';
import {
  dayNumberOfVnDate,
  fromVnParts,
  toVnDate,
  toVnIso,
  vnDateOfDayNumber,
  vnDayNumber,
  vnDayStart,
  vnParts,
  weekdayOfDayNumber,
} from '../../../shared/domain/time.ts';

describe('vnParts', () => {
  it.each([
    {
      instant: new Date('2026-02-09T02:00:00Z'),
      parts: { year: 2026, month: 2, day: 9, hour: 9, minute: 0, weekday: 1 },
    },
    // 17:30 UTC on New Year's Eve is already 00:30 on Friday 1/1/2027 in Việt Nam.
    {
      instant: new Date('2026-12-31T17:30:00Z'),
      parts: { year: 2027, month: 1, day: 1, hour: 0, minute: 30, weekday: 5 },
    },
    {
      instant: new Date('2026-03-01T16:59:00Z'),
      parts: { year: 2026, month: 3, day: 1, hour: 23, minute: 59, weekday: 0 },
    },
  ])('$instant → local parts', ({ instant, parts }) => {
    expect(vnParts(instant)).toEqual(parts);
  });

  it('refuses an invalid date', () => {
    expect(() => vnParts(new Date('nope'))).toThrow(RangeError);
  });
});

describe('toVnIso / toVnDate', () => {
  it.each([
    [new Date('2026-02-09T02:00:00Z'), '2026-02-09T09:00:00+07:00', '2026-02-09'],
    [new Date('2026-02-08T17:00:00Z'), '2026-02-09T00:00:00+07:00', '2026-02-09'],
    [new Date('2026-02-08T16:59:59Z'), '2026-02-08T23:59:59+07:00', '2026-02-08'],
    [new Date('2026-02-09T02:00:00.250Z'), '2026-02-09T09:00:00.250+07:00', '2026-02-09'],
  ])('%s → %s', (instant, iso, date) => {
    expect(toVnIso(instant)).toBe(iso);
    expect(toVnDate(instant)).toBe(date);
    expect(new Date(iso).getTime()).toBe(instant.getTime());
  });
});

describe('fromVnParts', () => {
  it('builds the instant of a local date and time', () => {
    expect(fromVnParts({ year: 2026, month: 2, day: 9, hour: 9 })).toEqual(new Date('2026-02-09T02:00:00Z'));
    expect(fromVnParts({ year: 2026, month: 3, day: 2, hour: 11, minute: 30 })).toEqual(
      new Date('2026-03-02T11:30:00+07:00'),
    );
    expect(fromVnParts({ year: 2028, month: 2, day: 29 })).toEqual(new Date('2028-02-28T17:00:00Z'));
  });

  it.each([
    { year: 2026, month: 2, day: 29 },
    { year: 2026, month: 13, day: 1 },
    { year: 2026, month: 1, day: 1, hour: 24 },
    { year: 2026, month: 1, day: 1, minute: 60 },
  ])('refuses %o', (parts) => {
    expect(() => fromVnParts(parts)).toThrow(RangeError);
  });
});

describe('local day numbers', () => {
  it('counts local days, not UTC days', () => {
    const day = vnDayNumber(new Date('2026-02-08T17:00:00Z')); // 00:00 on 9/2 local
    expect(vnDateOfDayNumber(day)).toBe('2026-02-09');
    expect(day).toBe(dayNumberOfVnDate('2026-02-09'));
    expect(vnDayStart(day)).toEqual(new Date('2026-02-09T00:00:00+07:00'));
    expect(weekdayOfDayNumber(day)).toBe(1);
    expect(weekdayOfDayNumber(dayNumberOfVnDate('1969-12-28'))).toBe(0);
  });

  it.each(['2026-02-30', '2026-2-09', '09/02/2026', ''])('refuses the date %j', (date) => {
    expect(() => dayNumberOfVnDate(date)).toThrow(RangeError);
  });
});
