import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../shared/use-cases/ports/report-repository.ts';
import type { Agency } from '../../../shared/domain/agency.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import { buildReport } from '../../../shared/domain/indicators/report.ts';
import { generateReport, requestReport, scheduleClosedPeriodReports } from '../../../shared/use-cases/reports.ts';

/** The delivery rules of the report use cases, with in-memory stand-ins for the table, queue and bucket. */
const province = { id: '24.UBND', name: 'UBND tỉnh', level: 'province', parentId: undefined } as unknown as Agency;
const commune = {
  id: '24.07210',
  name: 'Phường Bắc Giang',
  level: 'commune',
  parentId: '24.UBND',
} as unknown as Agency;
const admin: Caller = { sub: 'admin-quang', roles: ['admin'] };

function fakes() {
  const items = new Map<string, ReportRecord>();
  const sent: string[] = [];
  let sendFails = false;
  return {
    items,
    sent,
    failSends: (fail: boolean) => {
      sendFails = fail;
    },
    reports: {
      async create(record: ReportRecord) {
        const existing = items.get(record.id);
        if (existing) return { report: existing, created: false };
        items.set(record.id, record);
        return { report: record, created: true };
      },
      get: async (id: string) => items.get(id),
      async markReady(id: string, result: Pick<ReportRecord, 'readyAt'>) {
        const record = items.get(id);
        if (record) items.set(id, { ...record, ...result, status: 'ready' });
      },
    },
    agencies: {
      lineage: async (id: string) => (id === commune.id ? [commune, province] : id === province.id ? [province] : []),
    },
    send: async (report: { id: string }) => {
      if (sendFails) throw new Error('queue unavailable');
      sent.push(report.id);
    },
    now: () => new Date('2026-04-01T00:30:00+07:00'),
  };
}

describe('report requests', () => {
  it('writes the report before sending; a retry after a failed send finds it pending and sends again', async () => {
    const f = fakes();
    const request = requestReport({ ...f, newId: () => 'r1' });
    f.failSends(true);
    await expect(request(admin, { agencyId: commune.id, periodKind: 'month', year: 2026, index: 3 })).rejects.toThrow();
    expect(f.items.get('r1')?.status).toBe('pending');
    f.failSends(false);
    const retried = await request(admin, { agencyId: commune.id, periodKind: 'month', year: 2026, index: 3 });
    expect(retried).toEqual({ id: 'r1', status: 'pending' });
    expect(f.sent).toEqual(['r1']);
    expect(f.items.get('r1')?.scopes).toEqual(['24.07210', '24.UBND', 'ALL']);
  });

  it('a leader outside the agency gets not-found; a leader above it may ask', async () => {
    const f = fakes();
    const request = requestReport({ ...f, newId: () => 'r2' });
    const body = { agencyId: province.id, periodKind: 'year' as const, year: 2026 };
    await expect(request({ sub: 'leader-hung', roles: ['leader'], agencyId: commune.id }, body)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(
      request({ sub: 'leader-x', roles: ['leader'], agencyId: province.id }, { ...body, agencyId: commune.id }),
    ).resolves.toEqual({ id: 'r2', status: 'pending' });
  });

  it('the schedule asks once per scope and period, and never again for a ready report', async () => {
    const f = fakes();
    const closed: string[] = [];
    const schedule = scheduleClosedPeriodReports({
      ...f,
      roots: async () => [province.id],
      closeMonth: async (root, month) => {
        closed.push(`${root}:${month}`);
        return { carried: 0 };
      },
    });
    const at = new Date('2026-12-31T17:30:00Z'); // 1 January 2027 in Hà Nội: December, Q4 and 2026 closed.
    const first = await schedule(at);
    expect(first.periods).toEqual(['2026-12', '2026-Q4', '2026']);
    expect(closed).toEqual(['24.UBND:2026-12']);
    expect(f.sent).toEqual(['auto-24.UBND-2026-12', 'auto-24.UBND-2026-Q4', 'auto-24.UBND-2026']);
    await f.reports.markReady('auto-24.UBND-2026-12', { readyAt: at.toISOString() });
    await schedule(at);
    expect(f.sent.slice(3)).toEqual(['auto-24.UBND-2026-Q4', 'auto-24.UBND-2026']);
    expect(f.items.size).toBe(3);
  });
});

describe('the report worker', () => {
  it('generates once: a redelivered request for a ready report computes and writes nothing', async () => {
    const f = fakes();
    await requestReport({ ...f, newId: () => 'r3' })(admin, {
      agencyId: province.id,
      periodKind: 'month',
      year: 2026,
      index: 3,
    });
    let computed = 0;
    const written: string[] = [];
    const generate = generateReport({
      reports: f.reports,
      compute: async (rootId, period) => {
        computed++;
        return { report: buildReport({ period, rootId, agencies: [province], facts: [] }), readUnits: 1 };
      },
      files: { put: async (key) => void written.push(key) },
      now: f.now,
    });
    expect(await generate('r3')).toBe('generated');
    expect(await generate('r3')).toBe('already-ready');
    expect(await generate('nope')).toBe('unknown');
    expect(computed).toBe(1);
    expect(written).toEqual([
      'reports/r3/bao-cao-24.UBND-2026-03.json',
      'reports/r3/bao-cao-24.UBND-2026-03.csv',
      'reports/r3/bao-cao-24.UBND-2026-03.xlsx',
    ]);
    expect(f.items.get('r3')?.status).toBe('ready');
  });
});
