import { describe, expect, it } from 'vitest';
import { countingStart, defaultCalendar, workingCalendar } from '../../../shared/domain/calendar/index.ts';

describe('countingStart (default calendar)', () => {
  it.each([
    ['within working hours: as is', new Date('2026-02-09T09:00:00+07:00'), new Date('2026-02-09T09:00:00+07:00')],
    ['14:59, before the cut-off: as is', new Date('2026-02-09T14:59:00+07:00'), new Date('2026-02-09T14:59:00+07:00')],
    ['15:00 exactly is not after it', new Date('2026-02-09T15:00:00+07:00'), new Date('2026-02-09T15:00:00+07:00')],
    [
      '15:01, after the cut-off: next morning',
      new Date('2026-02-09T15:01:00+07:00'),
      new Date('2026-02-10T07:30:00+07:00'),
    ],
    ['before opening: opening', new Date('2026-02-10T06:45:00+07:00'), new Date('2026-02-10T07:30:00+07:00')],
    ['at lunch: afternoon opening', new Date('2026-02-10T12:00:00+07:00'), new Date('2026-02-10T13:30:00+07:00')],
    ['at 11:30 sharp: afternoon opening', new Date('2026-02-10T11:30:00+07:00'), new Date('2026-02-10T13:30:00+07:00')],
    ['after closing: next morning', new Date('2026-02-10T18:00:00+07:00'), new Date('2026-02-11T07:30:00+07:00')],
    ['Saturday: Monday morning', new Date('2026-02-28T10:00:00+07:00'), new Date('2026-03-02T07:30:00+07:00')],
    ['Sunday: Monday morning', new Date('2026-03-01T10:00:00+07:00'), new Date('2026-03-02T07:30:00+07:00')],
    [
      'Friday 15:01 before Tết: after Tết',
      new Date('2026-02-13T15:01:00+07:00'),
      new Date('2026-02-23T07:30:00+07:00'),
    ],
    ['during Tết: first day back', new Date('2026-02-18T09:00:00+07:00'), new Date('2026-02-23T07:30:00+07:00')],
    ['29/4 after the cut-off: 4/5', new Date('2026-04-29T16:00:00+07:00'), new Date('2026-05-04T07:30:00+07:00')],
  ])('%s', (_case, receivedAt, expected) => {
    expect(countingStart(defaultCalendar, receivedAt)).toEqual(expected);
  });
});

describe('countingStart (agency settings)', () => {
  const saturday = workingCalendar({ saturdayMorning: true });
  it.each([
    [
      'Saturday-morning centre, Saturday 09:00',
      saturday,
      new Date('2026-02-28T09:00:00+07:00'),
      new Date('2026-02-28T09:00:00+07:00'),
    ],
    [
      'Saturday-morning centre, Saturday 12:00',
      saturday,
      new Date('2026-02-28T12:00:00+07:00'),
      new Date('2026-03-02T07:30:00+07:00'),
    ],
    [
      'Saturday-morning centre, Friday 16:00',
      saturday,
      new Date('2026-02-27T16:00:00+07:00'),
      new Date('2026-02-28T07:30:00+07:00'),
    ],
    [
      'cut-off 16:00, received 15:30',
      workingCalendar({ cutoff: '16:00' }),
      new Date('2026-02-09T15:30:00+07:00'),
      new Date('2026-02-09T15:30:00+07:00'),
    ],
    [
      'no cut-off, received 17:00',
      workingCalendar({ cutoff: null }),
      new Date('2026-02-09T17:00:00+07:00'),
      new Date('2026-02-09T17:00:00+07:00'),
    ],
    [
      'no cut-off, received 17:45',
      workingCalendar({ cutoff: null }),
      new Date('2026-02-09T17:45:00+07:00'),
      new Date('2026-02-10T07:30:00+07:00'),
    ],
  ])('%s', (_case, calendar, receivedAt, expected) => {
    expect(countingStart(calendar, receivedAt)).toEqual(expected);
  });
});
