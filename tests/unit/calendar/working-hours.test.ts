import { describe, expect, it } from 'vitest';
import {
  defaultCalendar,
  isOverdue,
  isWorkingTime,
  remainingWorkingHours,
  workingCalendar,
  workingHoursBetween,
} from '../../../shared/domain/calendar/index.ts';

const saturday = workingCalendar({ saturdayMorning: true });

describe('workingHoursBetween', () => {
  it.each([
    // Lunch does not count: 11:00–11:30 and 13:30–14:00.
    ['across lunch', new Date('2026-02-09T11:00:00+07:00'), new Date('2026-02-09T14:00:00+07:00'), 1],
    // Friday 16:00–17:30, weekend, Monday 07:30–08:30.
    ['across a weekend', new Date('2026-03-06T16:00:00+07:00'), new Date('2026-03-09T08:30:00+07:00'), 2.5],
    // Friday 15:00–17:30, Tết 16–20/2 and two weekends, Monday 07:30–09:00.
    ['across Tết', new Date('2026-02-13T15:00:00+07:00'), new Date('2026-02-23T09:00:00+07:00'), 4],
    // Only 29/4 counts up to Monday 4/5 07:30.
    ['across 30/4–1/5', new Date('2026-04-29T07:30:00+07:00'), new Date('2026-05-04T07:30:00+07:00'), 8],
    ['outside hours on both ends', new Date('2026-02-09T06:00:00+07:00'), new Date('2026-02-09T19:00:00+07:00'), 8],
    ['none on a holiday', new Date('2026-02-17T08:00:00+07:00'), new Date('2026-02-17T17:00:00+07:00'), 0],
    ['backwards is negative', new Date('2026-02-09T14:00:00+07:00'), new Date('2026-02-09T11:00:00+07:00'), -1],
  ])('%s', (_case, from, to, hours) => {
    expect(workingHoursBetween(defaultCalendar, from, to)).toBe(hours);
  });

  it('counts Saturday morning for the agencies that open then', () => {
    const from = new Date('2026-02-27T17:30:00+07:00');
    const to = new Date('2026-03-02T07:30:00+07:00');
    expect(workingHoursBetween(saturday, from, to)).toBe(4);
    expect(workingHoursBetween(defaultCalendar, from, to)).toBe(0);
  });
});

describe('isWorkingTime', () => {
  it.each([
    [new Date('2026-02-09T07:30:00+07:00'), true],
    [new Date('2026-02-09T11:30:00+07:00'), false],
    [new Date('2026-02-09T12:00:00+07:00'), false],
    [new Date('2026-02-09T17:29:00+07:00'), true],
    [new Date('2026-02-17T09:00:00+07:00'), false],
  ])('%s → %s', (instant, expected) => {
    expect(isWorkingTime(defaultCalendar, instant)).toBe(expected);
  });
});

describe('overdue and remaining time', () => {
  const due = new Date('2026-03-02T11:30:00+07:00');
  it.each([
    // Friday 16:30–17:30 plus Monday's morning.
    ['Friday 16:30', new Date('2026-02-27T16:30:00+07:00'), false, 5],
    ['Sunday', new Date('2026-03-01T10:00:00+07:00'), false, 4],
    ['at the due instant', new Date('2026-03-02T11:30:00+07:00'), false, 0],
    ['at lunch after it', new Date('2026-03-02T12:00:00+07:00'), true, 0],
    ['14:30 the same day', new Date('2026-03-02T14:30:00+07:00'), true, -1],
    ['the next morning', new Date('2026-03-03T08:30:00+07:00'), true, -5],
  ])('%s', (_case, now, overdue, remaining) => {
    expect(isOverdue(due, now)).toBe(overdue);
    expect(remainingWorkingHours(defaultCalendar, due, now)).toBe(remaining);
  });
});
