import { describe, expect, it } from 'vitest';
import { getAgency } from '../../../../shared/use-cases/agencies/get-agency.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { agencies, ward } from './world.ts';

const in2026 = () => new Date('2026-03-02T09:00:00+07:00');
const workday = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:30' },
];

describe('an agency as its page shows it', () => {
  it('answers the agency with the path above it, nearest first, and nothing else of them', async () => {
    const answer = await getAgency({ agencies: fakeAgencyRepository({ agencies }), now: in2026 })('24.07210.VP');
    expect(answer).toMatchObject({ id: '24.07210.VP', level: 'department', parentId: '24.07210' });
    expect(answer.ancestors).toEqual([
      { id: '24.07210', name: ward.name, level: 'commune' },
      { id: '24.UBND', name: 'Ủy ban nhân dân tỉnh Bắc Ninh', level: 'province' },
    ]);
  });

  it('describes the national working week by default: 8 hours Monday to Friday, intake until 15:00', async () => {
    const { calendar } = await getAgency({ agencies: fakeAgencyRepository({ agencies }), now: in2026 })('24.SXD');
    // docs/domain.md, Deadlines: Monday–Friday 07:30–11:30 and 13:30–17:30, cut-off 15:00.
    expect(calendar).toMatchObject({
      weeklySessions: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] },
      intakeCutoff: '15:00',
      hoursPerWorkingDay: 8,
    });
  });

  it('opens Saturday mornings for a centre that works them', async () => {
    const centre = {
      id: '24.TTPVHCC',
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      level: 'department' as const,
      parentId: '24.UBND',
      saturdayMorning: true,
    };
    const { calendar } = await getAgency({
      agencies: fakeAgencyRepository({ agencies: [...agencies, centre] }),
      now: in2026,
    })(centre.id);
    expect(calendar.weeklySessions.sat).toEqual([{ start: '07:30', end: '11:30' }]);
  });

  it("lists this year's public holidays as stored, in place of the seeded ones", async () => {
    const stored = [{ date: '2026-01-01', name: 'Tết Dương lịch' }];
    const repository = fakeAgencyRepository({ agencies, holidays: { 2026: stored } });
    const { calendar } = await getAgency({ agencies: repository, now: in2026 })('24.SXD');
    expect(calendar.holidays).toEqual({ year: 2026, items: stored });
  });

  it('lists the seeded holidays of 2026 (Bộ luật Lao động 2019, art. 112)', async () => {
    const { calendar } = await getAgency({ agencies: fakeAgencyRepository({ agencies }), now: in2026 })('24.SXD');
    const dates = calendar.holidays.items.map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-04-30', '2026-05-01', '2026-09-02']));
  });

  it('projects a year no one published, every day marked projected', async () => {
    const later = () => new Date('2031-06-01T09:00:00+07:00');
    const { calendar } = await getAgency({ agencies: fakeAgencyRepository({ agencies }), now: later })('24.SXD');
    expect(calendar.holidays.year).toBe(2031);
    expect(calendar.holidays.items.map((h) => h.date)).toEqual(
      expect.arrayContaining(['2031-01-01', '2031-04-30', '2031-05-01', '2031-09-02']),
    );
    expect(calendar.holidays.items.every((h) => h.projected === true)).toBe(true);
  });

  it('is not found for an unknown agency', async () => {
    await expect(
      getAgency({ agencies: fakeAgencyRepository({ agencies }), now: in2026 })('24.99999'),
    ).rejects.toMatchObject({
      kind: 'not-found',
      code: 'not-found',
    });
  });
});
