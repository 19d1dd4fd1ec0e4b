/**
 * Deadlines as the law counts them, worked by hand from the texts (every expected value below is
 * derived in its comment, not read from the implementation):
 *  - Bộ luật Dân sự 2015, điều 147 khoản 1: a period in days starts on the day AFTER the event (the
 *    receipt day is not counted); điều 148 khoản 1: it ends at the end of its last day — for an agency,
 *    the close of its last working session (17:30 on the national calendar, 07:30–11:30, 13:30–17:30).
 *  - The receipt day: the day the complete dossier is received when that is a working day and the time
 *    is not after the 15:00 cut-off; otherwise the next working day ("sau 15 giờ thì tính vào ngày làm
 *    việc tiếp theo").
 *  - Periods in working hours ("trong ngày; sau 15 giờ thì trả trong ngày làm việc tiếp theo") count
 *    working time from the receipt; the appointment is a date and a half day (Thông tư 03/2025/TT-VPCP,
 *    mẫu 01), so it ends at the close of the half day in which the time runs out.
 *  - Public holidays, Bộ luật Lao động 2019, điều 112 (2026: Tết 16–20/2, 27/4 in lieu of Giỗ Tổ,
 *    30/4, 1/5, 1–2/9); years without a published schedule are projected from the Vietnamese lunar
 *    calendar; swaps (làm bù) are data.
 *  - Extension (mẫu 04): issued at least 1 working day before the due date; the new appointment is
 *    counted the same way from the old one. Joint procedures: each agency its share.
 */
import { describe, expect, it } from 'vitest';
import {
  canRequestExtension,
  defaultCalendar,
  describeAppointment,
  dueDate,
  extendByWorkingDays,
  type Holiday,
  isOverdue,
  isWorkingDay,
  lunarNewYear,
  projectedHolidays,
  receiptDay,
  vnPublicHolidays,
  workingCalendar,
} from '../../shared/domain/calendar/index.ts';
import { transferTargets } from '../../shared/domain/dossier/joint.ts';
import { act } from '../../shared/domain/dossier/lifecycle.ts';
import { calendar, commune, context, people, permit, submittedPermit } from '../unit/lifecycle/fixtures.ts';

const at = (iso: string) => new Date(iso);
const vn = (local: string) => new Date(`${local}+07:00`);

describe("DOMAIN's worked examples (Bộ luật Dân sự 2015, điều 147–148)", () => {
  it('Friday 6/3/2026 15:30, 1 working day: receipt day Monday 9/3, due at the close of Tuesday 10/3', () => {
    // 15:30 is after the 15:00 cut-off → next working day: Sat 7/3 and Sun 8/3 are off → Mon 9/3.
    // Day 1 is the day after: Tue 10/3, ending at 17:30.
    const received = vn('2026-03-06T15:30:00');
    expect(receiptDay(defaultCalendar, received)).toBe('2026-03-09');
    const due = dueDate(defaultCalendar, received, { workingDays: 1 });
    expect(due).toEqual(vn('2026-03-10T17:30:00'));
    expect(describeAppointment(due)).toBe('Chiều thứ Ba, ngày 10/03/2026');
  });

  it('Monday 9/2/2026 09:00, 10 working days over Tết: due at the close of Monday 2/3/2026', () => {
    // Receipt day 9/2. 10, 11, 12, 13/2 (4); 14–15/2 weekend; Tết 16–20/2; 21–22/2 weekend;
    // 23, 24, 25, 26, 27/2 (9); 28/2–1/3 weekend; Mon 2/3 (10) → 17:30.
    const received = vn('2026-02-09T09:00:00');
    expect(receiptDay(defaultCalendar, received)).toBe('2026-02-09');
    expect(dueDate(defaultCalendar, received, { workingDays: 10 })).toEqual(vn('2026-03-02T17:30:00'));
  });
});

describe('the receipt day and the 15:00 cut-off', () => {
  it('a Saturday filing is received on Monday', () => {
    // Sat 7/3/2026 10:00 online: not a working day → receipt day Mon 9/3; 2 days: 10/3 (1), 11/3 (2).
    const received = vn('2026-03-07T10:00:00');
    expect(receiptDay(defaultCalendar, received)).toBe('2026-03-09');
    expect(dueDate(defaultCalendar, received, { workingDays: 2 })).toEqual(vn('2026-03-11T17:30:00'));
  });

  it('an after-15:00 filing on the day before a holiday is received after the holiday', () => {
    // Wed 29/4/2026 15:30: after the cut-off → next working day: 30/4 and 1/5 are holidays (điều 112),
    // 2–3/5 the weekend → receipt day Mon 4/5; 1 day: Tue 5/5 at 17:30.
    const received = vn('2026-04-29T15:30:00');
    expect(receiptDay(defaultCalendar, received)).toBe('2026-05-04');
    expect(dueDate(defaultCalendar, received, { workingDays: 1 })).toEqual(vn('2026-05-05T17:30:00'));
    // The same filing at 14:30 is received on 29/4 itself: day 1 is Mon 4/5.
    expect(dueDate(defaultCalendar, vn('2026-04-29T14:30:00'), { workingDays: 1 })).toEqual(vn('2026-05-04T17:30:00'));
  });

  it('before opening, the receipt day is that working day (not counted)', () => {
    // Tue 10/3/2026 06:45 → receipt day 10/3; 1 day: Wed 11/3 at 17:30.
    expect(receiptDay(defaultCalendar, vn('2026-03-10T06:45:00'))).toBe('2026-03-10');
    expect(dueDate(defaultCalendar, vn('2026-03-10T06:45:00'), { workingDays: 1 })).toEqual(vn('2026-03-11T17:30:00'));
  });
});

describe('the period ends at the close of its last day', () => {
  it('a morning filing is due at the close of the day, and a decision at 14:00 that day is on time', () => {
    // Tue 10/3/2026 08:00, 1 day → day 1 is Wed 11/3, ending at 17:30 (not at 08:00 or 11:30).
    const due = dueDate(defaultCalendar, vn('2026-03-10T08:00:00'), { workingDays: 1 });
    expect(due).toEqual(vn('2026-03-11T17:30:00'));
    expect(isOverdue(due, vn('2026-03-11T14:00:00'))).toBe(false);
    expect(isOverdue(due, vn('2026-03-11T17:30:00'))).toBe(false);
    expect(isOverdue(due, vn('2026-03-12T07:30:00'))).toBe(true);
  });

  it('1.5 working days: a whole day, then the morning of the next', () => {
    // Tue 10/3/2026 10:00 → receipt day 10/3; Wed 11/3 (1); the half day is Thu 12/3's morning → 11:30.
    const due = dueDate(defaultCalendar, vn('2026-03-10T10:00:00'), { workingDays: 1.5 });
    expect(due).toEqual(vn('2026-03-12T11:30:00'));
    expect(describeAppointment(due)).toBe('Sáng thứ Năm, ngày 12/03/2026');
  });
});

describe('a 4-working-hour procedure (counted from the receipt, in working time)', () => {
  it('in the morning: the same afternoon', () => {
    // Tue 10/3/2026 08:00: 08:00–11:30 is 3.5 h, 13:30–14:00 the last 0.5 h → 14:00. A period in hours
    // ends when its last hour ends (Bộ luật Dân sự 2015, điều 148 khoản 1), not at the close of the half
    // day; the appointment still reads as the afternoon.
    const due = dueDate(defaultCalendar, vn('2026-03-10T08:00:00'), { workingHours: 4 });
    expect(due).toEqual(vn('2026-03-10T14:00:00'));
    expect(describeAppointment(due)).toBe('Chiều thứ Ba, ngày 10/03/2026');
  });

  it('after 15:00: from the next working day’s opening', () => {
    // Tue 10/3/2026 15:30 → from Wed 11/3 07:30: + 4 h = 11:30 (the whole morning session).
    const due = dueDate(defaultCalendar, vn('2026-03-10T15:30:00'), { workingHours: 4 });
    expect(due).toEqual(vn('2026-03-11T11:30:00'));
    expect(describeAppointment(due)).toBe('Sáng thứ Tư, ngày 11/03/2026');
  });
});

describe('a year with projected holidays (no published schedule: 2029)', () => {
  it('projects Tết from the Vietnamese lunar calendar and marks it projected', () => {
    // Tết Kỷ Dậu: 1/1 lunar = Tuesday 13/2/2029; the eve (30 tháng Chạp) is Monday 12/2. With the eve on
    // a Monday the government has given the whole week (2022: 31/1–4/2, 2026: 16–20/2): 12–16/2/2029.
    expect(lunarNewYear(2029)).toBe('2029-02-13');
    const tet = projectedHolidays(2029).filter((h) => h.name === 'Tết Nguyên đán');
    expect(tet.map((h) => h.date)).toEqual(['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-02-16']);
    expect(tet.every((h) => h.projected === true)).toBe(true);
  });

  it('counts no projected holiday as a working day', () => {
    // Fri 9/2/2029 09:00, 1 day: 10–11/2 weekend, 12–16/2 projected Tết, 17–18/2 weekend → Mon 19/2 (1).
    expect(dueDate(defaultCalendar, vn('2029-02-09T09:00:00'), { workingDays: 1 })).toEqual(vn('2029-02-19T17:30:00'));
    // Giỗ Tổ Hùng Vương, 10/3 lunar = Monday 23/4/2029: Fri 20/4, 1 day → Tue 24/4.
    expect(isWorkingDay(defaultCalendar, '2029-04-23')).toBe(false);
    expect(dueDate(defaultCalendar, vn('2029-04-20T09:00:00'), { workingDays: 1 })).toEqual(vn('2029-04-24T17:30:00'));
  });

  it('gives a day in lieu for a holiday on a weekend (điều 112 khoản 3)', () => {
    // 1/1/2028 is a Saturday → Monday 3/1/2028 off in lieu.
    expect(projectedHolidays(2028).find((h) => h.date === '2028-01-03')).toMatchObject({ projected: true });
    expect(isWorkingDay(defaultCalendar, '2028-01-03')).toBe(false);
  });
});

describe('a swap (làm bù): the Saturday worked counts, the weekday off does not', () => {
  // An illustrative swap in the shape of the government's decisions: Friday 2/1/2026 off (a bridge to
  // the New Year), Saturday 10/1/2026 worked in exchange.
  const swap: Holiday[] = [
    { date: '2026-01-02', name: 'Nghỉ hoán đổi (Tết Dương lịch)' },
    { date: '2026-01-10', name: 'Làm bù cho ngày 02/01/2026', workingDay: true },
  ];
  const withSwap = workingCalendar({
    holidays: [...(vnPublicHolidays[2025] ?? []), ...(vnPublicHolidays[2026] ?? []), ...swap],
    dataYears: [2025, 2026],
  });

  it('the weekday off is not counted', () => {
    // Wed 31/12/2025 09:00, 1 day: Thu 1/1 holiday, Fri 2/1 swapped off, weekend → Mon 5/1/2026 (1).
    expect(dueDate(withSwap, vn('2025-12-31T09:00:00'), { workingDays: 1 })).toEqual(vn('2026-01-05T17:30:00'));
  });

  it('the Saturday worked counts, with a weekday’s sessions', () => {
    // Thu 8/1/2026 09:00, 2 days: Fri 9/1 (1), Sat 10/1 worked (2) → its close, 17:30.
    expect(isWorkingDay(withSwap, '2026-01-10')).toBe(true);
    expect(dueDate(withSwap, vn('2026-01-08T09:00:00'), { workingDays: 2 })).toEqual(vn('2026-01-10T17:30:00'));
    // Without the swap the same period ends on Monday 12/1.
    expect(dueDate(defaultCalendar, vn('2026-01-08T09:00:00'), { workingDays: 2 })).toEqual(vn('2026-01-12T17:30:00'));
  });
});

describe('steps and joint legs are counted the same way (each agency its share)', () => {
  const received = act({ type: 'receive' }, context(submittedPermit(), people.receiver)).dossier;

  it('a step due after its own duration, from the day after it opens', () => {
    // Forwarded Mon 2/3/2026 09:00 to "Thẩm định hồ sơ" (6 working days): 3–6/3 (4), 9/3 (5), 10/3 (6).
    const processing = act(
      { type: 'forward', assigneeId: 'specialist-nam' },
      context(received, people.receiver),
    ).dossier;
    expect(processing.steps.at(-1)).toMatchObject({ name: 'Thẩm định hồ sơ', dueAt: '2026-03-10T17:30:00+07:00' });
  });

  it("a commune leg is told its own share's due date, not the dossier's", () => {
    // Transferred Fri 6/3/2026 16:00 (after the cut-off) with a 2-working-day share: receipt day Mon 9/3;
    // 10/3 (1), 11/3 (2) → 17:30. The dossier keeps its own due date (close of Mon 16/3).
    const processing = act(
      { type: 'forward', assigneeId: 'specialist-nam' },
      context(received, people.receiver),
    ).dossier;
    const now = at('2026-03-06T16:00:00+07:00');
    const atCommune = act(
      { type: 'transfer', agencyId: '24.07210' },
      context(processing, people.specialist, {
        now,
        transfer: { allowed: transferTargets(permit, processing, '24'), agency: commune, calendar },
      }),
    ).dossier;
    expect(atCommune.legs.at(-1)?.dueAt).toBe('2026-03-11T17:30:00+07:00');
    expect(atCommune.steps.at(-1)?.dueAt).toBe('2026-03-11T17:30:00+07:00');
    expect(atCommune.dueAt).toBe('2026-03-16T17:30:00+07:00');
  });
});

describe('the extension (mẫu 04)', () => {
  const due = vn('2026-03-16T17:30:00'); // the close of Monday 16/3/2026

  it('may be issued until the close of the previous working day', () => {
    // At least 1 working day before the due date: by the close of Fri 13/3.
    expect(canRequestExtension(defaultCalendar, due, vn('2026-03-13T17:00:00'))).toBe(true);
    expect(canRequestExtension(defaultCalendar, due, vn('2026-03-16T08:00:00'))).toBe(false);
  });

  it('moves the appointment N working days, counted the same way', () => {
    // From the close of Mon 16/3, 3 days: 17, 18, 19/3 → the close of Thursday 19/3.
    expect(extendByWorkingDays(defaultCalendar, due, 3)).toEqual(vn('2026-03-19T17:30:00'));
    // From Fri 27/3/2026, 2 days over the weekend: Mon 30/3 (1), Tue 31/3 (2).
    expect(extendByWorkingDays(defaultCalendar, vn('2026-03-27T17:30:00'), 2)).toEqual(vn('2026-03-31T17:30:00'));
    // From a morning appointment (11:30 Thu 12/3): 1 day later is 11:30 Fri 13/3; half a day is the close of 12/3.
    expect(extendByWorkingDays(defaultCalendar, vn('2026-03-12T11:30:00'), 1)).toEqual(vn('2026-03-13T11:30:00'));
    expect(extendByWorkingDays(defaultCalendar, vn('2026-03-12T11:30:00'), 0.5)).toEqual(vn('2026-03-12T17:30:00'));
  });

  it('through the lifecycle: once, from the old appointment', () => {
    const received = act({ type: 'receive' }, context(submittedPermit(), people.receiver)).dossier;
    const processing = act(
      { type: 'forward', assigneeId: 'specialist-nam' },
      context(received, people.receiver),
    ).dossier;
    // The dossier is due at the close of Mon 16/3 (received Mon 2/3 09:00, 10 days); + 5 days:
    // 17, 18, 19, 20/3 (4), Mon 23/3 (5).
    const extended = act(
      { type: 'request-extension', extraWorkingDays: 5, reason: 'Chờ ý kiến cơ quan phối hợp' },
      context(processing, people.leader, { now: vn('2026-03-12T10:00:00') }),
    ).dossier;
    expect(extended.originalDueAt).toBe('2026-03-16T17:30:00+07:00');
    expect(extended.dueAt).toBe('2026-03-23T17:30:00+07:00');
  });
});
