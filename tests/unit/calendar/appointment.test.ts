import { describe, expect, it } from 'vitest';
import { appointmentOf, defaultCalendar, describeAppointment, dueDate } from '../../../shared/domain/calendar/index.ts';

describe('describeAppointment', () => {
  it.each([
    [new Date('2026-03-02T11:30:00+07:00'), 'Sáng thứ Hai, ngày 02/03/2026'],
    [new Date('2026-03-02T17:30:00+07:00'), 'Chiều thứ Hai, ngày 02/03/2026'],
    [new Date('2026-03-03T11:30:00+07:00'), 'Sáng thứ Ba, ngày 03/03/2026'],
    [new Date('2026-03-04T17:30:00+07:00'), 'Chiều thứ Tư, ngày 04/03/2026'],
    [new Date('2026-03-05T11:30:00+07:00'), 'Sáng thứ Năm, ngày 05/03/2026'],
    [new Date('2026-03-06T17:30:00+07:00'), 'Chiều thứ Sáu, ngày 06/03/2026'],
    [new Date('2026-02-28T11:30:00+07:00'), 'Sáng thứ Bảy, ngày 28/02/2026'],
    [new Date('2026-03-01T17:30:00+07:00'), 'Chiều Chủ nhật, ngày 01/03/2026'],
    // 23:30 UTC on Sunday 1/3 is 06:30 on Monday 2/3 in Việt Nam.
    [new Date('2026-03-01T23:30:00Z'), 'Sáng thứ Hai, ngày 02/03/2026'],
    [new Date('2026-11-20T12:00:00+07:00'), 'Sáng thứ Sáu, ngày 20/11/2026'],
    [new Date('2026-11-20T12:01:00+07:00'), 'Chiều thứ Sáu, ngày 20/11/2026'],
  ])('%s → %s', (due, text) => {
    expect(describeAppointment(due)).toBe(text);
  });

  it('describes the acceptance case', () => {
    const due = dueDate(defaultCalendar, new Date('2026-02-09T09:00:00+07:00'), { workingDays: 10 });
    // Bộ luật Dân sự 2015, điều 148: the close (17:30) of the 10th working day, Monday 2/3/2026.
    expect(describeAppointment(due)).toBe('Chiều thứ Hai, ngày 02/03/2026');
    expect(appointmentOf(due)).toEqual({ date: '2026-03-02', halfDay: 'afternoon' });
  });

  it('gives the local date and half day', () => {
    expect(appointmentOf(new Date('2026-02-27T17:30:00+07:00'))).toEqual({ date: '2026-02-27', halfDay: 'afternoon' });
  });
});
