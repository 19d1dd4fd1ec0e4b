/**
 * The public due-date calculator, `GET /v1/agencies/{id}/due-date`, over real HTTP on the local cloud
 * with the seeded province: its answers worked by hand from the law, its 400s and its 404.
 *
 * The rule (Bộ luật Dân sự 2015, điều 147–148, as docs/domain.md "Deadlines" applies it): the receipt
 * day is the day the complete dossier is received if that is one of the agency's working days and the
 * time is not after its cut-off (15:00), otherwise the next working day (điều 148 khoản 1 for a period
 * counted in days: the period starts the day after the event). A period of N working days starts on the
 * working day after the receipt day and ends at the close of the N-th working day (điều 148 khoản 2:
 * the end of the last day, here the end of its afternoon session, 17:30). Weekends and public holidays
 * are not working days; an agency open on Saturday mornings has Saturday as a working day.
 *
 * The seeded agencies: 24.STP (Sở Tư pháp) works Monday–Friday 07:30–11:30 and 13:30–17:30;
 * 24.TTPVHCC (the province's service centre) also on Saturday 07:30–11:30. Both cut off at 15:00.
 * The 2026 holidays as seeded: Tết 16/2–20/2/2026 (Monday–Friday).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { request } from '../support/http.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false, logLevel: 'ERROR' });
});
afterAll(() => cloud?.stop());

const weekdaysOnly = '24.STP';
const saturdayMornings = '24.TTPVHCC';

/** The calculator, asked as a client does: the query percent-encoded (the offset's "+" as %2B). */
const dueDate = (agencyId: string, query: Record<string, string>) =>
  request(cloud, 'GET', `/v1/agencies/${agencyId}/due-date?${new URLSearchParams(query)}`);

describe('GET /v1/agencies/{id}/due-date: the legal count', () => {
  it('received Friday 6/3/2026 15:30, 1 working day: receipt Monday 9/3, due at the close of Tuesday 10/3', async () => {
    // 15:30 is after the 15:00 cut-off: not received on Friday. Saturday 7/3 and Sunday 8/3 are days off,
    // so the receipt day is Monday 9/3. The 1 working day starts the day after: Tuesday 10/3, ending at
    // the close of its afternoon session, 17:30.
    const response = await dueDate(weekdaysOnly, { receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      agencyId: weekdaysOnly,
      receivedAt: '2026-03-06T15:30:00+07:00',
      receiptDay: '2026-03-09',
      dueAt: '2026-03-10T17:30:00+07:00',
      appointment: 'Chiều thứ Ba, ngày 10/03/2026',
    });
  });

  it('received Monday 9/2/2026 09:00, 10 working days across Tết: due at the close of Monday 2/3/2026', async () => {
    // 09:00 on a working Monday, before the cut-off: the receipt day is 9/2 itself. Counting from the day
    // after: Tue 10/2 (1), Wed 11/2 (2), Thu 12/2 (3), Fri 13/2 (4); 14–15/2 weekend; 16–20/2 Tết;
    // 21–22/2 weekend; Mon 23/2 (5), Tue 24/2 (6), Wed 25/2 (7), Thu 26/2 (8), Fri 27/2 (9);
    // 28/2–1/3 weekend; Mon 2/3 (10): due at its close, 17:30.
    const response = await dueDate(weekdaysOnly, { receivedAt: '2026-02-09T09:00:00+07:00', workingDays: '10' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      agencyId: weekdaysOnly,
      receivedAt: '2026-02-09T09:00:00+07:00',
      receiptDay: '2026-02-09',
      dueAt: '2026-03-02T17:30:00+07:00',
      appointment: 'Chiều thứ Hai, ngày 02/03/2026',
    });
  });

  it('ends a remaining half day at the close of the next morning session', async () => {
    // Received Monday 9/3/2026 09:00: the receipt day is 9/3. 0.5 working day: the morning of Tuesday
    // 10/3, due 11:30. 1.5 working days: Tuesday 10/3 whole (1), then the morning of Wednesday 11/3 (0.5),
    // due 11:30.
    const receivedAt = '2026-03-09T09:00:00+07:00';
    const [half, dayAndHalf] = await Promise.all([
      dueDate(weekdaysOnly, { receivedAt, workingDays: '0.5' }),
      dueDate(weekdaysOnly, { receivedAt, workingDays: '1.5' }),
    ]);
    expect(half.status, JSON.stringify(half.body)).toBe(200);
    expect(half.body).toMatchObject({
      receiptDay: '2026-03-09',
      dueAt: '2026-03-10T11:30:00+07:00',
      appointment: 'Sáng thứ Ba, ngày 10/03/2026',
    });
    expect(dayAndHalf.body).toMatchObject({
      receiptDay: '2026-03-09',
      dueAt: '2026-03-11T11:30:00+07:00',
      appointment: 'Sáng thứ Tư, ngày 11/03/2026',
    });
  });

  it('reads the same instant in another offset, and answers in +07:00', async () => {
    // 2026-03-06T08:30:00Z is 15:30 in Hà Nội (UTC+7): the first case again.
    const response = await dueDate(weekdaysOnly, { receivedAt: '2026-03-06T08:30:00Z', workingDays: '1' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      receivedAt: '2026-03-06T15:30:00+07:00',
      receiptDay: '2026-03-09',
      dueAt: '2026-03-10T17:30:00+07:00',
    });
  });

  it('takes an unencoded "+" of the offset (it arrives as a space) as the "+" it was', async () => {
    const response = await request(
      cloud,
      'GET',
      `/v1/agencies/${weekdaysOnly}/due-date?receivedAt=2026-03-06T15:30:00+07:00&workingDays=1`,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.dueAt).toBe('2026-03-10T17:30:00+07:00');
  });
});

describe("GET /v1/agencies/{id}/due-date: each agency's own calendar", () => {
  it('Friday 6/3/2026 15:30, 1 working day: an agency open Saturday mornings receives it on Saturday', async () => {
    // After the cut-off, so not Friday. For 24.TTPVHCC Saturday 7/3 is a working day: it is the receipt
    // day. The day after is Sunday 8/3 (off), so the 1 working day is Monday 9/3, due at 17:30.
    // For 24.STP (closed on Saturday) the same filing is due a day later, Tuesday 10/3 (first case above).
    const [open, closed] = await Promise.all([
      dueDate(saturdayMornings, { receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1' }),
      dueDate(weekdaysOnly, { receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1' }),
    ]);
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body).toEqual({
      agencyId: saturdayMornings,
      receivedAt: '2026-03-06T15:30:00+07:00',
      receiptDay: '2026-03-07',
      dueAt: '2026-03-09T17:30:00+07:00',
      appointment: 'Chiều thứ Hai, ngày 09/03/2026',
    });
    expect(closed.body).toMatchObject({ receiptDay: '2026-03-09', dueAt: '2026-03-10T17:30:00+07:00' });
  });

  it('Saturday 7/3/2026 09:00, 1 working day: received that morning where open, on Monday where not', async () => {
    // 24.TTPVHCC: Saturday 09:00 is inside its morning session: receipt day 7/3; the 1 working day is
    // Monday 9/3 (Sunday off), due 17:30. 24.STP: Saturday and Sunday are days off, so the receipt day
    // is Monday 9/3 and the 1 working day is Tuesday 10/3, due 17:30.
    const [open, closed] = await Promise.all([
      dueDate(saturdayMornings, { receivedAt: '2026-03-07T09:00:00+07:00', workingDays: '1' }),
      dueDate(weekdaysOnly, { receivedAt: '2026-03-07T09:00:00+07:00', workingDays: '1' }),
    ]);
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body).toMatchObject({
      receiptDay: '2026-03-07',
      dueAt: '2026-03-09T17:30:00+07:00',
      appointment: 'Chiều thứ Hai, ngày 09/03/2026',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({
      receiptDay: '2026-03-09',
      dueAt: '2026-03-10T17:30:00+07:00',
      appointment: 'Chiều thứ Ba, ngày 10/03/2026',
    });
  });
});

describe('GET /v1/agencies/{id}/due-date: periods in working hours', () => {
  it('4 working hours from Tuesday 10/3/2026 08:00: the same afternoon', async () => {
    // A period in hours starts at the moment given (điều 147 khoản 1), counted in working time: 08:00–11:30
    // is 3.5 h, 13:30–14:00 the last 0.5 h, so the 4th hour ends Tuesday 14:00 (điều 148 khoản 1: the end
    // of the last hour), in the afternoon ("trong ngày"). The appointment told on form 01 is a date and a
    // half day, "Chiều thứ Ba"; the due instant is 14:00 itself.
    const response = await dueDate(weekdaysOnly, { receivedAt: '2026-03-10T08:00:00+07:00', workingHours: '4' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.receiptDay).toBe('2026-03-10');
    expect(response.body.dueAt).toBe('2026-03-10T14:00:00+07:00');
    expect(response.body.appointment).toBe('Chiều thứ Ba, ngày 10/03/2026');
  });

  it('4 working hours from Tuesday 10/3/2026 15:30: the next working morning ("sau 15 giờ thì trả trong ngày làm việc tiếp theo")', async () => {
    // After the cut-off the dossier counts as received on the next working day, Wednesday 11/3: the
    // hours run from its opening, 07:30–11:30, so the 4th hour ends Wednesday 11:30, in the morning.
    const response = await dueDate(weekdaysOnly, { receivedAt: '2026-03-10T15:30:00+07:00', workingHours: '4' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.receiptDay).toBe('2026-03-11');
    expect(response.body.dueAt).toBe('2026-03-11T11:30:00+07:00');
    expect(response.body.appointment).toBe('Sáng thứ Tư, ngày 11/03/2026');
  });
});

describe('GET /v1/agencies/{id}/due-date: refusals', () => {
  const valid = { receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1' };

  it.each([
    ['no receivedAt', { workingDays: '1' }, 'query.receivedAt'],
    ['an instant without an offset', { ...valid, receivedAt: '2026-03-06T15:30:00' }, 'query.receivedAt'],
    ['a date, not an instant', { ...valid, receivedAt: '2026-03-06' }, 'query.receivedAt'],
    ['a day that does not exist', { ...valid, receivedAt: '2026-02-30T09:00:00+07:00' }, 'query.receivedAt'],
    ['a year outside 2000–2100', { ...valid, receivedAt: '1999-12-31T09:00:00+07:00' }, 'query.receivedAt'],
    ['neither workingDays nor workingHours', { receivedAt: valid.receivedAt }, 'query.workingDays'],
    ['both workingDays and workingHours', { ...valid, workingHours: '8' }, 'query.workingHours'],
    ['working days not in halves', { ...valid, workingDays: '1.3' }, 'query.workingDays'],
    ['zero working days', { ...valid, workingDays: '0' }, 'query.workingDays'],
    ['more than 365 working days', { ...valid, workingDays: '366' }, 'query.workingDays'],
    ['a number in exponent form', { ...valid, workingDays: '1e1' }, 'query.workingDays'],
    ['more than 2,920 working hours', { receivedAt: valid.receivedAt, workingHours: '2920.5' }, 'query.workingHours'],
    ['an unknown query field', { ...valid, agency: '24.STP' }, 'query.agency'],
  ])('answers 400 with a Vietnamese message on the field for %s', async (_, query, field) => {
    const response = await dueDate(weekdaysOnly, query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('validation-failed');
    const errors = response.body.errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual([field]);
    // Vietnamese: every message carries a letter only Vietnamese spelling uses.
    expect(errors[0]?.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });

  it('answers 400 on the path for a malformed agency id', async () => {
    const response = await dueDate('24-STP', valid);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['path.id']);
  });

  it('answers 404 problem+json for an agency that does not exist', async () => {
    const response = await dueDate('24.KHONGCO', valid);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toContain('24.KHONGCO');
  });
});
