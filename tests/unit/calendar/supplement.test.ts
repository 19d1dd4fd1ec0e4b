import { describe, expect, it } from 'vitest';
import {
  canRequestExtension,
  defaultCalendar,
  dueDateAfterSupplement,
  durationAfterPause,
  extensionDeadline,
  remainingAfterPause,
  supplementRequestDeadline,
  workingCalendar,
} from '../../../shared/domain/calendar/index.ts';

// Counting per Bộ luật Dân sự 2015, điều 147–148 (the receipt day not counted, due at the close of the
// last day). Received Monday 9/2/2026 09:00 (receipt day 9/2) for 10 working days; supplement
// requested Wednesday 11/2 09:00. In 'pause' mode the days wholly elapsed are those after the receipt
// day and before the request's day: Tuesday 10/2 only, so 1 day used and 9 left.
const base = {
  receivedAt: new Date('2026-02-09T09:00:00+07:00'),
  requestedAt: new Date('2026-02-11T09:00:00+07:00'),
  duration: { workingDays: 10 },
} as const;

describe('dueDateAfterSupplement', () => {
  it.each([
    // Restart: the supplement's receipt day Mon 23/2; 24–27/2 (4), 2–6/3 (9), 9/3 (10).
    ['restart', new Date('2026-02-23T10:00:00+07:00'), new Date('2026-03-09T17:30:00+07:00')],
    // Pause: 9 days from receipt day 23/2: 24–27/2 (4), 2–6/3 (9).
    ['pause', new Date('2026-02-23T10:00:00+07:00'), new Date('2026-03-06T17:30:00+07:00')],
    // The cut-off applies to the supplement's receipt: receipt day Tue 24/2; 25–27/2 (3), 2–6/3 (8), 9/3, 10/3 (10).
    ['restart', new Date('2026-02-23T15:30:00+07:00'), new Date('2026-03-10T17:30:00+07:00')],
    // 9 days from receipt day 24/2: 25–27/2 (3), 2–6/3 (8), 9/3 (9).
    ['pause', new Date('2026-02-23T15:30:00+07:00'), new Date('2026-03-09T17:30:00+07:00')],
  ] as const)('%s, supplemented %s', (mode, supplementedAt, expected) => {
    expect(dueDateAfterSupplement(defaultCalendar, { ...base, supplementedAt, mode })).toEqual(expected);
  });

  it('restarts by default (Nghị định 61/2018)', () => {
    const supplementedAt = new Date('2026-02-23T10:00:00+07:00');
    expect(dueDateAfterSupplement(defaultCalendar, { ...base, supplementedAt })).toEqual(
      new Date('2026-03-09T17:30:00+07:00'),
    );
  });

  it('keeps the days used in pause mode, in days', () => {
    const supplementedAt = new Date('2026-02-23T10:00:00+07:00');
    expect(durationAfterPause(defaultCalendar, { ...base, supplementedAt })).toEqual({ workingDays: 9 });
    expect(remainingAfterPause(defaultCalendar, { ...base, supplementedAt })).toBe(72);
  });

  it('keeps the working time used for a period in hours', () => {
    // 20 working hours; used 9/2 09:00–17:30 (6.5 h) + 10/2 (8 h) + 11/2 07:30–09:00 (1.5 h) = 16 h: 4 h left.
    const times = { ...base, duration: { workingHours: 20 }, supplementedAt: new Date('2026-02-23T10:00:00+07:00') };
    expect(durationAfterPause(defaultCalendar, times)).toEqual({ workingHours: 4 });
  });

  it("never leaves a negative remainder: an exhausted period is due at the close of the supplement's receipt day", () => {
    const times = { ...base, duration: { workingDays: 1 }, supplementedAt: new Date('2026-02-23T10:00:00+07:00') };
    expect(remainingAfterPause(defaultCalendar, times)).toBe(0);
    expect(dueDateAfterSupplement(defaultCalendar, { ...times, mode: 'pause' })).toEqual(
      new Date('2026-02-23T17:30:00+07:00'),
    );
  });

  it('refuses times out of order', () => {
    const supplementedAt = new Date('2026-02-10T09:00:00+07:00');
    expect(() => dueDateAfterSupplement(defaultCalendar, { ...base, supplementedAt })).toThrow(RangeError);
  });
});

describe('supplementRequestDeadline (Nghị định 61/2018, điều 16: within 3 working days of receipt)', () => {
  it('is the close of the 3rd working day after the receipt day', () => {
    // Receipt day Mon 9/2; 10/2 (1), 11/2 (2), 12/2 (3).
    expect(supplementRequestDeadline(defaultCalendar, new Date('2026-02-09T09:00:00+07:00'))).toEqual(
      new Date('2026-02-12T17:30:00+07:00'),
    );
  });

  it('after the cut-off counts from the next receipt day', () => {
    // Receipt day Tue 10/2; 11, 12, 13/2.
    expect(supplementRequestDeadline(defaultCalendar, new Date('2026-02-09T15:30:00+07:00'))).toEqual(
      new Date('2026-02-13T17:30:00+07:00'),
    );
  });

  it('spans Tết', () => {
    // Receipt day Thu 12/2; 13/2 (1), Tết 16–20/2 and weekends, 23/2 (2), 24/2 (3).
    expect(supplementRequestDeadline(defaultCalendar, new Date('2026-02-12T09:00:00+07:00'))).toEqual(
      new Date('2026-02-24T17:30:00+07:00'),
    );
  });
});

describe('canRequestExtension (form 04, at least 1 working day before the due date)', () => {
  const due = new Date('2026-03-02T17:30:00+07:00'); // the close of Monday
  it.each([
    ['2 working days before', new Date('2026-02-26T10:00:00+07:00'), true],
    ['the previous working day, at closing', new Date('2026-02-27T17:30:00+07:00'), true],
    ['the Saturday before (not a working day)', new Date('2026-02-28T09:00:00+07:00'), false],
    ['the due day, before the due time', new Date('2026-03-02T07:30:00+07:00'), false],
    ['after the due date', new Date('2026-03-03T09:00:00+07:00'), false],
  ])('%s → %s', (_case, now, allowed) => {
    expect(canRequestExtension(defaultCalendar, due, now)).toBe(allowed);
  });

  it('looks back over holidays', () => {
    const afterTet = new Date('2026-02-23T17:30:00+07:00');
    expect(extensionDeadline(defaultCalendar, afterTet)).toEqual(new Date('2026-02-13T17:30:00+07:00'));
    expect(canRequestExtension(defaultCalendar, afterTet, new Date('2026-02-13T15:00:00+07:00'))).toBe(true);
    expect(canRequestExtension(defaultCalendar, afterTet, new Date('2026-02-19T09:00:00+07:00'))).toBe(false);
  });

  it('lets a Saturday-morning centre issue it on Saturday', () => {
    const saturday = workingCalendar({ saturdayMorning: true });
    expect(extensionDeadline(saturday, due)).toEqual(new Date('2026-02-28T11:30:00+07:00'));
    expect(canRequestExtension(saturday, due, new Date('2026-02-28T09:00:00+07:00'))).toBe(true);
  });
});
