import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { listAgencyDossiers, listMyDossiers, WorkQueueQuery } from '../../../shared/use-cases/list-dossiers.ts';
import { PageQuery } from '../../../shared/use-cases/pagination.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { people, submittedPermit } from '../lifecycle/fixtures.ts';

const now = new Date('2026-03-10T10:00:00+07:00');

/** A dossier of the queue of 24.SXD (or another agency), filed on a day of March and due on another. */
function dossier(n: number, fields: Partial<Dossier> & { day: number; due: string; queue?: string }): Dossier {
  const { day, due, queue = '24.SXD', ...rest } = fields;
  const submittedAt = `2026-03-${String(day).padStart(2, '0')}T08:00:00+07:00`;
  return {
    ...submittedPermit(),
    code: `24.SXD-2603${String(day).padStart(2, '0')}-${String(n).padStart(4, '0')}`,
    submittedAt,
    dueAt: due,
    status: 'processing',
    workQueue: { agencyId: queue, stepIndex: 1, stepName: 'Thẩm định hồ sơ', since: submittedAt },
    ...rest,
  };
}

const dossiers = fakeDossierRepository([
  dossier(1, { day: 2, due: '2026-03-09T17:30:00+07:00' }), // overdue
  dossier(2, { day: 3, due: '2026-03-16T17:30:00+07:00' }),
  dossier(3, { day: 4, due: '2026-03-05T17:30:00+07:00', status: 'decided' }), // decided late: waits for return
  dossier(4, { day: 5, due: '2026-03-10T09:00:00+07:00', applicantId: 'citizen-binh' }), // overdue since this morning
  dossier(5, { day: 6, due: '2026-03-20T17:30:00+07:00', queue: '24.STP' }),
  dossier(6, { day: 9, due: '2026-03-23T17:30:00+07:00', status: 'supplement-requested' }),
]);

const mine = listMyDossiers(dossiers, () => now);
const queue = listAgencyDossiers(dossiers, () => now);
const query = (q: Record<string, string> = {}) => WorkQueueQuery.parse(q);
const codes = (page: { items: { code: string }[] }) => page.items.map((d) => d.code.slice(-4));

describe("a citizen's dossiers", () => {
  it('lists their own only, newest first, with no personal data beyond the name', async () => {
    const page = await mine(people.applicant, PageQuery.parse({}));
    expect(codes(page)).toEqual(['0006', '0005', '0003', '0002', '0001']);
    expect(page.items[0]).toMatchObject({ applicantName: 'Nguyễn Văn An', status: 'supplement-requested' });
    expect(JSON.stringify(page)).not.toContain('024090001234');
    expect(codes(await mine(people.otherCitizen, PageQuery.parse({})))).toEqual(['0004']);
  });

  it('pages with the cursor, and refuses another list’s cursor', async () => {
    const first = await mine(people.applicant, PageQuery.parse({ limit: '2' }));
    expect(codes(first)).toEqual(['0006', '0005']);
    const second = await mine(people.applicant, PageQuery.parse({ limit: '2', cursor: first.nextCursor }));
    expect(codes(second)).toEqual(['0003', '0002']);
    const last = await mine(people.applicant, PageQuery.parse({ limit: '2', cursor: second.nextCursor }));
    expect(codes(last)).toEqual(['0001']);
    expect(last).not.toHaveProperty('nextCursor');
    await expect(mine(people.otherCitizen, PageQuery.parse({ cursor: first.nextCursor }))).rejects.toMatchObject({
      code: 'invalid-cursor',
    });
  });
});

describe("an agency's work queue", () => {
  it('lists the agency’s dossiers soonest due first, flagging the overdue', async () => {
    const page = await queue(people.receiver, '24.SXD', query());
    expect(codes(page)).toEqual(['0003', '0001', '0004', '0002', '0006']);
    expect(page.items.map((d) => d.flags.overdue)).toEqual([false, true, true, false, false]);
    expect(page.items[1]).toMatchObject({ step: 'Thẩm định hồ sơ' });
  });

  it.each<[string, Caller]>([
    ['an official of another agency', people.otherAgencyLeader],
    ['a citizen', people.applicant],
    ['an admin', { sub: 'admin-x', roles: ['admin'] }],
  ])('is not found for %s', async (_who, caller) => {
    await expect(queue(caller, '24.SXD', query())).rejects.toMatchObject({ kind: 'not-found', code: 'not-found' });
  });

  it('is open to auditors', async () => {
    expect(codes(await queue(people.auditor, '24.STP', query()))).toEqual(['0005']);
  });

  it('keeps the overdue: due before now and not yet decided', async () => {
    expect(codes(await queue(people.leader, '24.SXD', query({ overdue: 'true' })))).toEqual(['0001', '0004']);
  });

  it('keeps the not yet due', async () => {
    expect(codes(await queue(people.leader, '24.SXD', query({ overdue: 'false' })))).toEqual(['0002', '0006']);
  });

  it('keeps one status', async () => {
    const page = await queue(people.leader, '24.SXD', query({ status: 'supplement-requested' }));
    expect(codes(page)).toEqual(['0006']);
  });

  it('pages with the cursor', async () => {
    const first = await queue(people.specialist, '24.SXD', query({ limit: '3' }));
    expect(codes(first)).toEqual(['0003', '0001', '0004']);
    const rest = await queue(people.specialist, '24.SXD', query({ limit: '3', cursor: first.nextCursor ?? '' }));
    expect(codes(rest)).toEqual(['0002', '0006']);
    expect(rest).not.toHaveProperty('nextCursor');
  });
});
