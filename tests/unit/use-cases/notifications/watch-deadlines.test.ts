import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../../shared/domain/agency.ts';
import type { Caller } from '../../../../shared/domain/caller.ts';
import type { Action } from '../../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import { act } from '../../../../shared/domain/dossier/lifecycle.ts';
import type { Official } from '../../../../shared/domain/official.ts';
import { watchDeadlines } from '../../../../shared/use-cases/watch-deadlines.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakeNotificationRepository } from '../../../support/fakes/notification-repository.ts';
import { fakeWatchMarks } from '../../../support/fakes/watch-marks.ts';
import { context, people, roster, submittedPermit, sxd } from '../../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const steps: [Caller, Action][] = [
  [people.receiver, { type: 'receive' }],
  [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
];
/** Received and with its specialist; due at the close of Monday 16/3/2026 (10 working days from Monday 2/3). */
const processing = (): Dossier =>
  steps.reduce((d, [caller, action]) => act(action, context(d, caller)).dossier, submittedPermit());

function world(dossiers: Dossier[] = [processing()], agencies: Agency[] = [sxd], officials: Official[] = roster) {
  let clock = new Date();
  const notifications = fakeNotificationRepository();
  const marks = fakeWatchMarks();
  const watch = watchDeadlines({
    dossiers: fakeDossierRepository(dossiers),
    agencies: fakeAgencyRepository({ agencies, officials }),
    marks,
    notifications,
    now: () => clock,
  });
  const run = (at: string) => {
    clock = new Date(at);
    return watch();
  };
  const inbox = async (sub: string) => (await notifications.listFor(sub, { limit: 50 })).items;
  return { run, inbox, marks };
}

describe('the deadline watch', () => {
  it('has the appointment worked by hand: the close of Monday 16 March', () => {
    expect(processing().dueAt).toBe('2026-03-16T17:30:00+07:00');
  });

  // From Friday 13/3 10:00: 1.5 h that morning, 4 h that afternoon and Monday's 8 h are 13.5 working hours,
  // more than the one working day (8 h) of a due-soon warning; from 17:30 that Friday, only Monday's 8 h remain.
  it('warns nobody while more than one working day is left', async () => {
    const { run, inbox } = world();
    expect(await run('2026-03-13T10:00:00+07:00')).toMatchObject({ read: 1, warnings: 0, overdue: 0 });
    expect(await inbox('specialist-nam')).toEqual([]);
  });

  it('warns the handler and the agency’s leaders once when one working day is left, however often it runs', async () => {
    const { run, inbox } = world();
    expect(await run('2026-03-13T17:30:00+07:00')).toMatchObject({ warnings: 1 });
    expect(await run('2026-03-16T09:00:00+07:00')).toMatchObject({ warnings: 0 });
    const title = `Hồ sơ ${code} sắp đến hạn giải quyết`;
    const handler = await inbox('specialist-nam');
    expect(handler.filter((n) => n.dossierCode === code)).toEqual([
      expect.objectContaining({ title, body: expect.stringContaining('Đề nghị hoàn thành đúng hạn.') }),
    ]);
    const leader = await inbox('leader-son');
    expect(leader.filter((n) => n.dossierCode === code)).toEqual([
      expect.objectContaining({ title, body: expect.stringContaining('Mẫu số 04') }),
    ]);
    // The receiver neither handles it nor leads the agency; the other agency's leader is not told.
    expect((await inbox('receiver-mai')).filter((n) => n.dossierCode === code)).toEqual([]);
    expect(await inbox('leader-tuan')).toEqual([]);
  });

  it('warns again, once, when the appointment has passed', async () => {
    const { run, inbox } = world();
    await run('2026-03-16T09:00:00+07:00');
    expect(await run('2026-03-17T08:00:00+07:00')).toMatchObject({ warnings: 1, overdue: 1 });
    expect(await run('2026-03-17T09:00:00+07:00')).toMatchObject({ warnings: 0, overdue: 1 });
    const titles = (await inbox('specialist-nam')).filter((n) => n.dossierCode === code).map((n) => n.title);
    expect(titles).toEqual([`Hồ sơ ${code} đã quá hạn giải quyết`, `Hồ sơ ${code} sắp đến hạn giải quyết`]);
  });

  it('warns of no dossier that is no longer open', async () => {
    const { run, inbox } = world([{ ...processing(), status: 'returned' }]);
    expect(await run('2026-03-17T08:00:00+07:00')).toMatchObject({ warnings: 0, overdue: 0 });
    expect((await inbox('specialist-nam')).filter((n) => n.dossierCode === code)).toEqual([]);
  });

  it('sends the agency’s leaders one digest a day', async () => {
    const { run, inbox } = world();
    expect(await run('2026-03-16T07:00:00+07:00')).toMatchObject({ digests: 1 });
    expect(await run('2026-03-16T12:00:00+07:00')).toMatchObject({ digests: 0 });
    expect(await run('2026-03-17T07:00:00+07:00')).toMatchObject({ digests: 1 });
    const digests = (await inbox('leader-son')).filter((n) => n.dossierCode === '');
    expect(digests.map((n) => n.title)).toEqual([
      'Tình hình giải quyết hồ sơ ngày 17/03/2026',
      'Tình hình giải quyết hồ sơ ngày 16/03/2026',
    ]);
    expect(digests[1]?.body).toMatch(/Đến hạn hôm nay: 1\. Quá hạn: 0\.$/);
    expect(digests[0]?.body).toMatch(/Đến hạn hôm nay: 0\. Quá hạn: 1\.$/);
    expect((await inbox('specialist-nam')).filter((n) => n.dossierCode === '')).toEqual([]);
  });

  it('warns the province’s admins once, from 1 November, of a next year whose holidays are only projected', async () => {
    // 2025–2027 are seeded (docs/domain.md, Deadlines): in November 2027, 2028 is only projected.
    const province: Agency = { id: '24.UBND', name: 'Ủy ban nhân dân tỉnh Bắc Ninh', level: 'province' };
    const admin: Official = { sub: 'admin-ha', name: 'admin-ha', agencyId: '24.UBND', roles: ['admin'], active: true };
    const { run, inbox } = world([], [sxd, province], [...roster, admin]);
    expect((await run('2027-10-31T12:00:00+07:00')).holidayDataWarning).toBeUndefined();
    expect((await run('2026-11-02T12:00:00+07:00')).holidayDataWarning).toBeUndefined();
    expect((await run('2027-11-01T08:00:00+07:00')).holidayDataWarning).toBe(2028);
    expect((await run('2027-11-02T08:00:00+07:00')).holidayDataWarning).toBeUndefined();
    expect(await inbox('admin-ha')).toHaveLength(1);
  });
});
