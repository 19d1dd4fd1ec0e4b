import { describe, expect, it } from 'vitest';
import { computeDueDate, DueDateQuery } from '../../../../shared/use-cases/agencies/due-date.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { agencies } from './world.ts';

const repository = fakeAgencyRepository({ agencies });
const due = computeDueDate({ calendarFor: (id) => repository.calendarFor(id) });
const ask = (query: Record<string, string>, agencyId = '24.SXD') => due(agencyId, DueDateQuery.parse(query));

// Bộ luật Dân sự 2015, art. 147–148, as docs/domain.md (Deadlines) works them; every value below by hand.
describe('the due-date calculator', () => {
  it('counts from the next working day after a receipt past the 15:00 cut-off', async () => {
    // docs/domain.md: received Friday 6/3/2026 at 15:30, 1 working day → receipt day Monday 9/3, due at the
    // close of Tuesday 10/3/2026.
    expect(await ask({ receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1' })).toEqual({
      agencyId: '24.SXD',
      receivedAt: '2026-03-06T15:30:00+07:00',
      receiptDay: '2026-03-09',
      dueAt: '2026-03-10T17:30:00+07:00',
      appointment: 'Chiều thứ Ba, ngày 10/03/2026',
    });
  });

  it('skips the Tết holidays', async () => {
    // docs/domain.md: received Monday 9/2/2026 at 09:00, 10 working days, Tết 16–20/2 off: 10–13/2 (4),
    // 23–27/2 (9), Monday 2/3 (10) → the close of Monday 2/3/2026.
    const answer = await ask({ receivedAt: '2026-02-09T09:00:00+07:00', workingDays: '10' });
    expect(answer).toMatchObject({ receiptDay: '2026-02-09', dueAt: '2026-03-02T17:30:00+07:00' });
  });

  it('ends a remaining half day at the close of the next morning session', async () => {
    // Received Monday 2/3/2026 at 09:00: half a working day from Tuesday 3/3 ends at 11:30 that morning.
    const answer = await ask({ receivedAt: '2026-03-02T09:00:00+07:00', workingDays: '0.5' });
    expect(answer).toMatchObject({ dueAt: '2026-03-03T11:30:00+07:00', appointment: 'Sáng thứ Ba, ngày 03/03/2026' });
  });

  it('counts working hours from the receipt itself', async () => {
    // Monday 2/3 09:00–11:30 (2.5 h) and 13:30–17:30 (4 h): 6.5 h; the other 1.5 h from 07:30 on Tuesday 3/3.
    const answer = await ask({ receivedAt: '2026-03-02T09:00:00+07:00', workingHours: '8' });
    expect(answer.dueAt).toBe('2026-03-03T09:00:00+07:00');
  });

  it('takes an unencoded "+" of the offset, read back from the query string as a space', async () => {
    const answer = await ask({ receivedAt: '2026-03-06T15:30:00 07:00', workingDays: '1' });
    expect(answer.receivedAt).toBe('2026-03-06T15:30:00+07:00');
  });

  it("counts on the agency's own holidays as stored", async () => {
    const withSwap = fakeAgencyRepository({
      agencies,
      holidays: { 2026: [{ date: '2026-03-10', name: 'Ngày nghỉ thử nghiệm' }] },
    });
    const calculator = computeDueDate({ calendarFor: (id) => withSwap.calendarFor(id) });
    // The Friday example again, with Tuesday 10/3 off: the one working day is Wednesday 11/3.
    const answer = await calculator(
      '24.SXD',
      DueDateQuery.parse({ receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1' }),
    );
    expect(answer.dueAt).toBe('2026-03-11T17:30:00+07:00');
  });

  it('is not found for an unknown agency', async () => {
    await expect(ask({ receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1' }, '24.99999')).rejects.toMatchObject({
      kind: 'not-found',
      code: 'unknown-agency',
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ receivedAt: '2026-03-06T15:30:00+07:00' }, 'neither days nor hours'],
    [{ receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1', workingHours: '8' }, 'both'],
    [{ receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '0.3' }, 'not in halves'],
    [{ receivedAt: '2026-03-06T15:30:00+07:00', workingDays: '1e1' }, 'an exponent'],
    [{ receivedAt: '2026-03-06T15:30:00', workingDays: '1' }, 'an instant with no offset'],
    [{ receivedAt: '1999-12-31T15:30:00+07:00', workingDays: '1' }, 'a year without holiday data'],
  ])('refuses a query with %o (%s)', (query, _why) => {
    expect(DueDateQuery.safeParse(query).success).toBe(false);
  });
});

describe('the years the calculator takes', () => {
  // Its range is of years as Vietnam counts them (UTC+7): local 1 January 2000 at 06:00 is 31 December 1999
  // in UTC, and local 1 January 2101 at 05:00 is still 2100 in UTC.
  it('takes every instant of the years 2000–2100 as Vietnam counts them, and none outside', () => {
    const parsed = (receivedAt: string) => DueDateQuery.safeParse({ receivedAt, workingDays: '1' }).success;
    expect(parsed('2000-01-01T06:00:00+07:00')).toBe(true);
    expect(parsed('2100-12-31T23:59:00+07:00')).toBe(true);
    expect(parsed('1999-12-31T23:59:00+07:00')).toBe(false);
    expect(parsed('2101-01-01T05:00:00+07:00')).toBe(false);
  });
});
