import { describe, expect, it, vi } from 'vitest';
import type { Agency } from '../../../shared/domain/agency.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Period } from '../../../shared/domain/indicators/period.ts';
import { buildReport } from '../../../shared/domain/indicators/report.ts';
import {
  RequestReportBody,
  generateReport,
  getReport,
  listReports,
  requestReport,
  scheduleClosedPeriodReports,
} from '../../../shared/use-cases/reports.ts';
import { fakeAgencyRepository } from '../../support/fakes/agency-repository.ts';
import { fakeDocumentStore } from '../../support/fakes/document-store.ts';
import { fakePresigner } from '../../support/fakes/presigner.ts';
import { fakeReportRepository } from '../../support/fakes/report-repository.ts';
import { fakeSendReportRequest } from '../../support/fakes/send-report-request.ts';

const province: Agency = { id: '24.UBND', name: 'Ủy ban nhân dân tỉnh Bắc Ninh', level: 'province' };
const sxd: Agency = { id: '24.SXD', name: 'Sở Xây dựng', level: 'department', parentId: '24.UBND' };
const stp: Agency = { id: '24.STP', name: 'Sở Tư pháp', level: 'department', parentId: '24.UBND' };
const leader: Caller = { sub: 'leader-son', roles: ['leader'], agencyId: '24.SXD' };
const provinceLeader: Caller = { sub: 'leader-tinh', roles: ['leader'], agencyId: '24.UBND' };
const auditor: Caller = { sub: 'auditor-thu', roles: ['auditor'] };
const now = () => new Date('2026-04-10T09:00:00+07:00');
const march = RequestReportBody.parse({ periodKind: 'month', year: 2026, index: 3 });

function world() {
  const reports = fakeReportRepository();
  const send = fakeSendReportRequest();
  const agencies = fakeAgencyRepository({ agencies: [province, sxd, stp] });
  let n = 0;
  const deps = { reports, agencies, send, now, newId: () => `r-${++n}` };
  const compute = vi.fn(async (rootId: string, period: Period) => ({
    report: buildReport({
      period,
      rootId,
      agencies: [province, sxd, stp].filter((a) => a.id === rootId || a.parentId === rootId),
      facts: [],
    }),
    readUnits: 7,
  }));
  const store = fakeDocumentStore();
  const generate = generateReport({ reports, compute, files: store, now });
  const read = getReport({ reports, files: fakePresigner() });
  return { reports, send, deps, compute, store, generate, read, request: requestReport(deps) };
}

describe('requesting a report', () => {
  it('creates it pending for the leader’s agency, listed up its lineage, and sends it to the worker', async () => {
    const { reports, send, request } = world();
    expect(await request(leader, march)).toEqual({ id: 'r-1', status: 'pending' });
    expect(await reports.get('r-1')).toMatchObject({
      agencyId: '24.SXD',
      agencyName: 'Sở Xây dựng',
      periodId: '2026-03',
      origin: 'request',
      requestedBy: 'leader-son',
      scopes: ['24.SXD', '24.UBND', 'ALL'],
    });
    expect(send.sent).toEqual([{ id: 'r-1', agencyId: '24.SXD', occurredAt: now().toISOString() }]);
  });

  it('lets a leader ask for an agency under theirs, and not above or beside it', async () => {
    const { send, request } = world();
    await expect(request(provinceLeader, { ...march, agencyId: '24.STP' })).resolves.toMatchObject({
      status: 'pending',
    });
    for (const agencyId of ['24.UBND', '24.STP'])
      await expect(request(leader, { ...march, agencyId })).rejects.toMatchObject({
        kind: 'not-found',
        code: 'unknown-agency',
      });
    expect(send.sent).toHaveLength(1);
  });

  it('asks an auditor which agency, and refuses a period not begun', async () => {
    const { request } = world();
    await expect(request(auditor, march)).rejects.toMatchObject({ kind: 'invalid', code: 'agency-required' });
    await expect(request(auditor, { ...march, agencyId: '24.STP' })).resolves.toMatchObject({ status: 'pending' });
    const may = RequestReportBody.parse({ periodKind: 'month', year: 2026, index: 5, agencyId: '24.SXD' });
    await expect(request(auditor, may)).rejects.toMatchObject({ kind: 'invalid', code: 'future-period' });
    // April has begun: a running month may be reported.
    await expect(request(auditor, { ...may, index: 4 })).resolves.toMatchObject({ status: 'pending' });
  });
});

describe('the schedule after a period closes', () => {
  it('reports the closed month, and on 1 January also the quarter and the year, once per root and period', async () => {
    const { reports, send, deps } = world();
    const closeMonth = vi.fn(async () => ({ carried: 2 }));
    const schedule = scheduleClosedPeriodReports({ ...deps, roots: async () => ['24.UBND'], closeMonth });
    const run = await schedule(new Date('2027-01-01T01:00:00+07:00'));
    expect(run).toEqual({
      periods: ['2026-12', '2026-Q4', '2026'],
      carried: 2,
      requested: [
        { id: 'auto-24.UBND-2026-12', status: 'pending' },
        { id: 'auto-24.UBND-2026-Q4', status: 'pending' },
        { id: 'auto-24.UBND-2026', status: 'pending' },
      ],
    });
    expect(closeMonth).toHaveBeenCalledWith('24.UBND', '2026-12');
    expect(await reports.get('auto-24.UBND-2026')).toMatchObject({
      origin: 'schedule',
      requestedBy: 'system:schedule',
    });
    // In mid-year only the month closes: 1 May closes April.
    expect((await schedule(new Date('2026-05-01T00:30:00+07:00'))).periods).toEqual(['2026-04']);
    expect(send.sent).toHaveLength(4);
  });

  it('sends again on a rerun only what is still pending', async () => {
    const { send, deps, generate } = world();
    const schedule = scheduleClosedPeriodReports({
      ...deps,
      roots: async () => ['24.UBND'],
      closeMonth: async () => ({ carried: 0 }),
    });
    const at = new Date('2026-05-01T00:30:00+07:00');
    await schedule(at);
    await schedule(at);
    expect(send.sent.map((s) => s.id)).toEqual(['auto-24.UBND-2026-04', 'auto-24.UBND-2026-04']);
    await generate('auto-24.UBND-2026-04');
    expect((await schedule(at)).requested).toEqual([{ id: 'auto-24.UBND-2026-04', status: 'ready' }]);
    expect(send.sent).toHaveLength(2);
  });
});

describe('computing and reading a report', () => {
  it('writes the three files, marks it ready with the children’s counts, and computes it once', async () => {
    const { reports, store, compute, generate, request } = world();
    await request(auditor, { ...march, agencyId: '24.UBND' });
    expect(await generate('r-1')).toBe('generated');
    expect(await generate('r-1')).toBe('already-ready');
    expect(await generate('r-404')).toBe('unknown');
    expect(compute).toHaveBeenCalledTimes(1);
    expect([...store.objects.keys()].sort()).toEqual([
      'reports/r-1/bao-cao-24.UBND-2026-03.csv',
      'reports/r-1/bao-cao-24.UBND-2026-03.json',
      'reports/r-1/bao-cao-24.UBND-2026-03.xlsx',
    ]);
    const ready = await reports.get('r-1');
    expect(ready).toMatchObject({ status: 'ready', readyAt: now().toISOString(), readUnits: 7 });
    expect(ready?.children?.map((c) => c.agencyId).sort()).toEqual(['24.STP', '24.SXD']);
  });

  it('shows a report within the reader’s scope only, with links of 300 seconds once ready', async () => {
    const { generate, read, request } = world();
    await request(leader, march);
    expect(await read(provinceLeader, 'r-1')).not.toHaveProperty('downloads');
    await generate('r-1');
    const view = await read(auditor, 'r-1');
    expect(view).toMatchObject({ status: 'ready', downloadsExpireInSeconds: 300 });
    expect(view.downloads?.csv).toBe(
      'https://documents.example/reports/r-1/bao-cao-24.SXD-2026-03.csv?expires=300&filename=bao-cao-24.SXD-2026-03.csv',
    );
    const stpLeader: Caller = { sub: 'leader-tuan', roles: ['leader'], agencyId: '24.STP' };
    await expect(read(stpLeader, 'r-1')).rejects.toMatchObject({ kind: 'not-found', code: 'report-not-found' });
    await expect(read({ sub: 'citizen-an', roles: ['citizen'] }, 'r-1')).rejects.toMatchObject({
      code: 'report-not-found',
    });
  });

  it('lists each reader’s scope, newest first', async () => {
    const { reports, request } = world();
    await request(leader, march);
    await request(provinceLeader, { ...march, agencyId: '24.STP' });
    const list = listReports(reports);
    expect((await list(leader, { limit: 10 })).items.map((r) => r.id)).toEqual(['r-1']);
    expect((await list(provinceLeader, { limit: 10 })).items.map((r) => r.id).sort()).toEqual(['r-1', 'r-2']);
    expect((await list(auditor, { limit: 10 })).items).toHaveLength(2);
    expect(await list({ sub: 'citizen-an', roles: ['citizen'] }, { limit: 10 })).toEqual({ items: [] });
  });
});
