import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../shared/domain/agency.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Action } from '../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { act } from '../../../shared/domain/dossier/lifecycle.ts';
import { closeIndicatorMonth, computeIndicatorReport } from '../../../shared/use-cases/indicator-report.ts';
import { recordIndicators } from '../../../shared/use-cases/record-indicators.ts';
import { fakeAgencyRepository } from '../../support/fakes/agency-repository.ts';
import { fakeCatalogueRepository } from '../../support/fakes/catalogue-repository.ts';
import { fakeDocumentRepository } from '../../support/fakes/document-repository.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { fakeDvcqgSyncRepository } from '../../support/fakes/dvcqg-sync-repository.ts';
import { fakeFeedbackCounters } from '../../support/fakes/feedback-counters.ts';
import { fakeIndicatorFactRepository } from '../../support/fakes/indicator-fact-repository.ts';
import { calendar, context, people, permit, submittedPermit } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const province: Agency = { id: '24.UBND', name: 'Tỉnh', level: 'province' };
const sxd: Agency = { id: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh', level: 'department', parentId: '24.UBND' };
const stp: Agency = { id: '24.STP', name: 'Sở Tư pháp', level: 'department', parentId: '24.UBND' };
const steps: [Caller, Action][] = [
  [people.receiver, { type: 'receive' }],
  [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
  [people.specialist, { type: 'forward', assigneeId: 'leader-son' }],
  [people.leader, { type: 'decide', outcome: 'approved' }],
];
const upTo = (count: number): Dossier =>
  steps.slice(0, count).reduce((d, [caller, action]) => act(action, context(d, caller)).dossier, submittedPermit());

function world(now = '2026-05-10T09:00:00+07:00') {
  const facts = fakeIndicatorFactRepository();
  const sync = fakeDvcqgSyncRepository();
  const record = recordIndicators({
    dossiers: fakeDossierRepository(),
    catalogue: fakeCatalogueRepository([permit]),
    calendarFor: async () => calendar,
    facts,
    documents: fakeDocumentRepository(),
    sync,
    now: () => new Date(now),
  });
  const month = async (m: string) => (await facts.listMonth('24.SXD', m)).facts;
  return { facts, sync, record, month };
}

describe('recording the indicator facts', () => {
  it('carries an open dossier into every month up to now, in its competent agency’s partitions', async () => {
    const { record, month } = world();
    const received = upTo(1);
    await record({ dossierCode: code, occurredAt: '2026-03-02T10:00:00+07:00', dossier: received });
    for (const m of ['2026-03', '2026-04', '2026-05'])
      expect(await month(m)).toEqual([
        expect.objectContaining({ code, status: 'received', version: received.version }),
      ]);
    expect(await month('2026-06')).toEqual([]);
  });

  it('stops at the month a dossier was decided in', async () => {
    const { record, month } = world();
    const decided = upTo(4);
    await record({ dossierCode: code, occurredAt: '2026-03-02T11:00:00+07:00', dossier: decided });
    expect(await month('2026-03')).toEqual([
      expect.objectContaining({ status: 'decided', field: 'Xây dựng', processingWorkingHours: expect.any(Number) }),
    ]);
    expect(await month('2026-04')).toEqual([]);
  });

  it('keeps the newer version when an older event arrives late', async () => {
    const { record, month } = world('2026-03-20T09:00:00+07:00');
    await record({ dossierCode: code, occurredAt: '2026-03-02T11:00:00+07:00', dossier: upTo(4) });
    await record({ dossierCode: code, occurredAt: '2026-03-02T10:00:00+07:00', dossier: upTo(1) });
    expect((await month('2026-03')).map((f) => f.status)).toEqual(['decided']);
  });

  it('rewrites the same version once the portal acknowledged it, from the month of filing', async () => {
    const { record, month, sync } = world('2026-04-05T09:00:00+07:00');
    const decided = {
      ...upTo(4),
      decision: { outcome: 'approved' as const, decidedAt: '2026-04-02T10:00:00+07:00', by: 'leader-son' },
    };
    await record({ dossierCode: code, occurredAt: '2026-04-02T10:00:00+07:00', dossier: decided });
    expect(await month('2026-03')).toEqual([]);
    await sync.acquire(code, 'w', new Date('2026-04-05T09:00:00+07:00'));
    await sync.advance(code, 'w', 0, new Date('2026-04-05T09:00:00+07:00'), { release: true });
    await record({ dossierCode: code, occurredAt: '2026-04-05T09:00:00+07:00', dossier: decided, fromFiling: true });
    expect(await month('2026-03')).toEqual([expect.objectContaining({ dvcqgSynced: true })]);
    expect(await month('2026-04')).toEqual([expect.objectContaining({ dvcqgSynced: true })]);
  });
});

describe('the month close and the report', () => {
  it('carries into the next month only what was open at the month’s end, once', async () => {
    const { record, facts } = world('2026-03-31T09:00:00+07:00');
    const open = upTo(1);
    const other = { ...upTo(4), code: '24.SXD-260302-0002' };
    await record({ dossierCode: code, occurredAt: '2026-03-02T10:00:00+07:00', dossier: open });
    await record({ dossierCode: other.code, occurredAt: '2026-03-02T11:00:00+07:00', dossier: other });
    const close = closeIndicatorMonth({ agencies: fakeAgencyRepository({ agencies: [province, sxd, stp] }), facts });
    expect(await close('24.UBND', '2026-03')).toEqual({ carried: 1 });
    expect(await close('24.UBND', '2026-03')).toEqual({ carried: 0 });
    expect((await facts.listMonth('24.SXD', '2026-04')).facts.map((f) => f.code)).toEqual([code]);
  });

  it('reads only the period’s month partitions of the agency and those under it, with the feedback counts', async () => {
    const counters = fakeFeedbackCounters();
    await counters.add('received', '24.STP', '2026-02', 'fb-1');
    await counters.add('received', '24.STP', '2026-04', 'fb-2');
    const facts = fakeIndicatorFactRepository(counters);
    const compute = computeIndicatorReport({
      agencies: fakeAgencyRepository({ agencies: [province, sxd, stp] }),
      facts,
    });
    const { report, readUnits } = await compute('24.UBND', { kind: 'quarter', year: 2026, index: 1 });
    expect(facts.reads.filter((r) => r.startsWith('facts:')).sort()).toEqual(
      ['24.STP', '24.SXD', '24.UBND'].flatMap((a) => ['01', '02', '03'].map((m) => `facts:${a}#2026-${m}`)).sort(),
    );
    expect(readUnits).toBe(18);
    expect(report.totals.counts.feedbackReceived).toBe(1);
    await expect(compute('24.XYZ', { kind: 'year', year: 2026 })).rejects.toMatchObject({ code: 'unknown-agency' });
  });
});
