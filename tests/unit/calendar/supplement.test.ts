import { describe, expect, it } from 'vitest';
import {
  canRequestExtension,
  defaultCalendar,
  dueDateAfterSupplement,
  extensionDeadline,
  remainingAfterPause,
  supplementRequestDeadline,
  workingCalendar,
} from '../../../shared/domain/calendar/index.ts';

// Received Monday 9/2/2026 09:00 for 10 working days (80 h); supplement requested Wednesday 11/2 09:00,
// after 6.5 h (9/2) + 8 h (10/2) + 1.5 h (11/2) = 16 h consumed.
const base = {
  receivedAt: new Date('2026-02-09T09:00:00+07:00'),
  requestedAt: new Date('2026-02-11T09:00:00+07:00'),
  duration: { workingDays: 10 },
} as const;

describe('dueDateAfterSupplement', () => {
  it.each([
    // Restart: 80 h from Mon 23/2 10:00. 23/2: 5.5; 24–27/2: 37.5; 2–6/3: 77.5; Mon 9/3 + 2.5 h → 10:00 → 11:30.
    ['restart', new Date('2026-02-23T10:00:00+07:00'), new Date('2026-03-09T11:30:00+07:00')],
    // Pause: 80 − 16 = 64 h from Mon 23/2 10:00. … 4/3: 61.5; Thu 5/3 + 2.5 h → 10:00 → 11:30.
    ['pause', new Date('2026-02-23T10:00:00+07:00'), new Date('2026-03-05T11:30:00+07:00')],
    // The cut-off applies to the supplement's receipt: counted from Tue 24/2 07:30, 10 full days.
    ['restart', new Date('2026-02-23T15:30:00+07:00'), new Date('2026-03-09T17:30:00+07:00')],
    // 64 h = 8 full days from Tue 24/2 07:30: 24–27/2 and 2–5/3.
    ['pause', new Date('2026-02-23T15:30:00+07:00'), new Date('2026-03-05T17:30:00+07:00')],
  ] as const)('%s, supplemented %s', (mode, supplementedAt, expected) => {
    expect(dueDateAfterSupplement(defaultCalendar, { ...base, supplementedAt, mode })).toEqual(expected);
  });

  it('restarts by default (Nghị định 61/2018)', () => {
    const supplementedAt = new Date('2026-02-23T10:00:00+07:00');
    expect(dueDateAfterSupplement(defaultCalendar, { ...base, supplementedAt })).toEqual(
      new Date('2026-03-09T11:30:00+07:00'),
    );
  });

  it('keeps the consumed time in pause mode', () => {
    const supplementedAt = new Date('2026-02-23T10:00:00+07:00');
    expect(remainingAfterPause(defaultCalendar, { ...base, supplementedAt })).toBe(64);
  });

  it('never leaves a negative remainder: an exhausted duration is due at the end of that half day', () => {
    const times = { ...base, duration: { workingDays: 1 }, supplementedAt: new Date('2026-02-23T10:00:00+07:00') };
    expect(remainingAfterPause(defaultCalendar, times)).toBe(0);
    expect(dueDateAfterSupplement(defaultCalendar, { ...times, mode: 'pause' })).toEqual(
      new Date('2026-02-23T11:30:00+07:00'),
    );
  });

  it('refuses times out of order', () => {
    const supplementedAt = new Date('2026-02-10T09:00:00+07:00');
    expect(() => dueDateAfterSupplement(defaultCalendar, { ...base, supplementedAt })).toThrow(RangeError);
  });
});

describe('supplementRequestDeadline', () => {
  it('is 3 working days from receipt', () => {
    // 9/2: 6.5; 10/2: 14.5; 11/2: 22.5; Thu 12/2 + 1.5 h → 09:00 → 11:30.
    expect(supplementRequestDeadline(defaultCalendar, new Date('2026-02-09T09:00:00+07:00'))).toEqual(
      new Date('2026-02-12T11:30:00+07:00'),
    );
  });

  it('spans Tết', () => {
    // 12/2: 6.5; 13/2: 14.5; Tết; Mon 23/2: 22.5; Tue 24/2 + 1.5 h → 11:30.
    expect(supplementRequestDeadline(defaultCalendar, new Date('2026-02-12T09:00:00+07:00'))).toEqual(
      new Date('2026-02-24T11:30:00+07:00'),
    );
  });
});

describe('canRequestExtension (form 04, at least 1 working day before the due date)', () => {
  const due = new Date('2026-03-02T11:30:00+07:00'); // Monday morning
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
