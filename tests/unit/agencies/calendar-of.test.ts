import { describe, expect, it } from 'vitest';
import {
  type AgencyCalendarSettings,
  calendarOf,
  calendarSettingsViolation,
  describeCalendar,
} from '../../../shared/domain/agency.ts';
import { countingStart, holidayDates, isWorkingDay, vnPublicHolidays } from '../../../shared/domain/calendar/index.ts';

const national = holidayDates(vnPublicHolidays);
const at = (iso: string) => new Date(iso);

describe('calendarOf: Saturday morning', () => {
  it.each<[string, AgencyCalendarSettings, string, boolean]>([
    ['closed by default', {}, '2026-03-07', false],
    ['open when set', { saturdayMorning: true }, '2026-03-07', true],
    ['Sunday stays closed', { saturdayMorning: true }, '2026-03-08', false],
    ['a Saturday holiday stays closed', { saturdayMorning: true }, '2027-02-06', false],
    [
      'custom Saturday sessions win',
      { saturdayMorning: false, sessions: { sat: [{ start: '08:00', end: '11:00' }] } },
      '2026-03-07',
      true,
    ],
    ['sessions can close a Saturday', { saturdayMorning: true, sessions: { sat: [] } }, '2026-03-07', false],
  ])('%s', (_, settings, date, working) => {
    expect(isWorkingDay(calendarOf(settings, national), date)).toBe(working);
  });

  it('opens 07:30–11:30 on Saturday', () => {
    expect(describeCalendar(calendarOf({ saturdayMorning: true }, [])).weeklySessions.sat).toEqual([
      { start: '07:30', end: '11:30' },
    ]);
  });
});

describe('calendarOf: intake cut-off', () => {
  // Monday 9/3/2026 at 15:30: after the default 15:00, counting starts Tuesday 07:30.
  it.each<[string, AgencyCalendarSettings, string, string]>([
    ['default 15:00', {}, '2026-03-09T15:30:00+07:00', '2026-03-10T07:30:00+07:00'],
    ['later cut-off 16:00', { intakeCutoff: '16:00' }, '2026-03-09T15:30:00+07:00', '2026-03-09T15:30:00+07:00'],
    ['earlier cut-off 14:00', { intakeCutoff: '14:00' }, '2026-03-09T14:30:00+07:00', '2026-03-10T07:30:00+07:00'],
    ['no cut-off', { intakeCutoff: null }, '2026-03-09T17:00:00+07:00', '2026-03-09T17:00:00+07:00'],
  ])('%s', (_, settings, received, start) => {
    expect(countingStart(calendarOf(settings, national), at(received)).getTime()).toBe(at(start).getTime());
  });

  it('describes the cut-off', () => {
    expect(describeCalendar(calendarOf({}, [])).intakeCutoff).toBe('15:00');
    expect(describeCalendar(calendarOf({ intakeCutoff: null }, [])).intakeCutoff).toBeNull();
  });
});

describe('calendarOf: holidays given', () => {
  it.each<[string, Iterable<string | { date: string; name: string }>, string, boolean]>([
    ['the national list: Tết 2026', national, '2026-02-16', false],
    ['no holidays given: an ordinary Monday', [], '2026-02-16', true],
    ['an added day off', [...national, '2026-11-23'], '2026-11-23', false],
    ['without it, a working Monday', national, '2026-11-23', true],
    ['holiday records', [{ date: '2028-01-03', name: 'Tết Dương lịch (nghỉ bù)' }], '2028-01-03', false],
  ])('%s', (_, holidays, date, working) => {
    expect(isWorkingDay(calendarOf({}, holidays), date)).toBe(working);
  });
});

describe('calendarOf: custom sessions', () => {
  it('replaces the sessions of the weekdays given, keeps the others', () => {
    const week = describeCalendar(
      calendarOf({ sessions: { wed: [{ start: '08:00', end: '12:00' }], sun: [] } }, []),
    ).weeklySessions;
    expect(week.wed).toEqual([{ start: '08:00', end: '12:00' }]);
    expect(week.mon).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(week.sun).toEqual([]);
  });
});

describe('calendarSettingsViolation', () => {
  it.each<[string, AgencyCalendarSettings, string | undefined]>([
    ['the defaults', {}, undefined],
    ['Saturday morning and a cut-off', { saturdayMorning: true, intakeCutoff: '16:30' }, undefined],
    ['a malformed cut-off', { intakeCutoff: '25:00' }, 'intakeCutoff'],
    ['a cut-off of 24:00', { intakeCutoff: '24:00' }, 'intakeCutoff'],
    ['a session ending before it starts', { sessions: { mon: [{ start: '11:00', end: '08:00' }] } }, 'sessions.mon'],
    [
      'overlapping sessions',
      {
        sessions: {
          tue: [
            { start: '07:30', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
      'sessions.tue',
    ],
    ['a malformed session time', { sessions: { fri: [{ start: '7h30', end: '11:30' }] } }, 'sessions.fri'],
    ['no working session in the week', { sessions: { mon: [], tue: [], wed: [], thu: [], fri: [] } }, 'sessions'],
  ])('%s', (_, settings, field) => {
    const violation = calendarSettingsViolation(settings);
    expect(violation?.details.field).toBe(field);
    if (violation) expect(violation.code).toBe('invalid-calendar');
  });
});
