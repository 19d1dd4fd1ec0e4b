import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import type { DossierDocument } from '../../shared/domain/documents/document.ts';
import type { Dossier, TimelineEntry } from '../../shared/domain/dossier/dossier.ts';
import { recordSignedResult } from '../../shared/domain/dossier/signed-result.ts';
import type { DossierStatus } from '../../shared/domain/dossier/status.ts';
import type { DossierFact } from '../../shared/domain/indicators/fact.ts';
import type { Period } from '../../shared/domain/indicators/period.ts';
import type { IndicatorReport } from '../../shared/domain/indicators/report.ts';

/**
 * Acceptance of issue 6 (data and counts): a reference dataset of dossiers with known channels, dates
 * and outcomes, recorded by the worker's use case with controlled clocks, gives exactly the expected
 * counts, including a dossier crossing a month boundary and one transferred between agencies.
 */
const province = '24.UBND';
const commune = '24.07210';
const sxd = '24.SXD';
const march: Period = { kind: 'month', year: 2026, index: 3 };
const february: Period = { kind: 'month', year: 2026, index: 2 };

let cloud: LocalCloud;
let record: (event: { dossierCode: string; occurredAt: string }) => Promise<void>;
let save: (dossier: Dossier) => Promise<void>;
let report: (rootId: string, period: Period) => Promise<{ report: IndicatorReport; readUnits: number }>;
let closeMonth: (rootId: string, month: string) => Promise<{ carried: number }>;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, pollers: false });
  // Imported once the cloud's environment is in place: the module-scope clients reach the emulators.
  const { dossierRepository } = await import('../../shared/adapters/dynamo/dossier-repository.ts');
  const { agencyRepository } = await import('../../shared/adapters/dynamo/agency-repository.ts');
  const { catalogueRepository } = await import('../../shared/adapters/dynamo/catalogue-repository.ts');
  const { indicatorFactRepository } = await import('../../shared/adapters/dynamo/indicator-facts.ts');
  const { documentRepository } = await import('../../shared/adapters/dynamo/document-repository.ts');
  const { dvcqgSyncRepository } = await import('../../shared/adapters/dynamo/dvcqg-sync.ts');
  const { recordIndicators } = await import('../../shared/use-cases/record-indicators.ts');
  const { computeIndicatorReport, closeIndicatorMonth } = await import('../../shared/use-cases/indicator-report.ts');
  const dossiers = dossierRepository(cloud.tableName);
  const agencies = agencyRepository(cloud.tableName);
  const facts = indicatorFactRepository(cloud.tableName);
  save = async (dossier) => {
    const stored = await dossiers.get(dossier.code);
    if (stored) await dossiers.save(stored.dossier, { dossier, events: [] });
    else await dossiers.create({ dossier, events: [] });
  };
  // The worker's clock: the report is made in April, after March closed.
  const deps = {
    dossiers,
    catalogue: catalogueRepository(cloud.tableName),
    calendarFor: (id: string) => agencies.calendarFor(id),
    facts,
    documents: documentRepository(cloud.tableName),
    sync: dvcqgSyncRepository(cloud.tableName),
  };
  addDocument = async (document) => {
    await documentRepository(cloud.tableName).create(document);
  };
  factOf = async (agencyId, month, code) => (await facts.listMonth(agencyId, month)).facts.find((f) => f.code === code);
  acknowledge = async (code) => {
    const sync = dvcqgSyncRepository(cloud.tableName);
    const at = new Date('2026-05-04T09:05:00+07:00');
    const { acknowledged } = await sync.acquire(code, 'test', at);
    await sync.advance(code, 'test', acknowledged, at, { release: true });
  };
  recordAt = (now: string) => recordIndicators({ ...deps, now: () => new Date(now) });
  record = recordAt('2026-04-01T08:00:00+07:00');
  report = computeIndicatorReport({ agencies, facts });
  closeMonth = closeIndicatorMonth({ agencies, facts });
});
afterAll(() => cloud?.stop());

let recordAt: (
  now: string,
) => (event: { dossierCode: string; occurredAt: string; fromFiling?: boolean }) => Promise<void>;
let addDocument: (document: DossierDocument) => Promise<void>;
let acknowledge: (code: string) => Promise<void>;
let factOf: (agencyId: string, month: string, code: string) => Promise<DossierFact | undefined>;

const step = (at: string, to: DossierStatus, action: string, agencyId = commune): TimelineEntry => ({
  at: new Date(at).toISOString(),
  actor: { sub: 'test', role: 'system' },
  action,
  to,
  agencyId,
  note: '',
});

function dossier(code: string, o: Partial<Dossier> & { submittedAt: string; dueAt: string }): Dossier {
  const submittedAt = new Date(o.submittedAt).toISOString();
  return {
    version: 1,
    status: 'processing',
    channel: 'online',
    procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
    agencyId: commune,
    competentAgencyId: commune,
    handledBy: [o.agencyId ?? commune],
    applicantId: 'citizen-an',
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
    returnMethod: 'online',
    formData: {},
    fee: null,
    steps: [],
    legs: [],
    pinHash: 'h',
    timeline: [step(o.submittedAt, 'submitted', 'submit')],
    ...o,
    code,
    submittedAt,
    dueAt: new Date(o.dueAt).toISOString(),
  };
}

/** Saves the dossier state and delivers its event to the worker, as the queue would. */
async function happen(d: Dossier, at: string, recorder = record) {
  await save(d);
  await recorder({ dossierCode: d.code, occurredAt: new Date(at).toISOString() });
}

describe('the indicator report of March 2026 for the province', () => {
  let marchReport: IndicatorReport;

  beforeAll(async () => {
    const feb25 = '2026-02-25T09:00:00+07:00';
    // A: filed online in February, open at the month's end, decided early in March.
    const a1 = dossier('A', { submittedAt: feb25, dueAt: '2026-03-04T17:30:00+07:00' });
    await happen(a1, feb25, recordAt(feb25));
    // B: filed at the counter in February, never touched again: carried by the month close; overdue at March's end.
    const b = dossier('B', {
      channel: 'counter',
      procedure: { code: '9.240103', version: 1, name: 'B' },
      submittedAt: '2026-02-26T09:00:00+07:00',
      dueAt: '2026-03-10T17:30:00+07:00',
    });
    await happen(b, '2026-02-26T09:00:00+07:00', recordAt('2026-02-26T09:00:00+07:00'));
    // G: filed and decided in February: not in March.
    await happen(
      dossier('G', {
        status: 'decided',
        submittedAt: '2026-02-02T09:00:00+07:00',
        dueAt: '2026-02-10T17:30:00+07:00',
        decision: { outcome: 'approved', decidedAt: '2026-02-05T09:00:00+07:00', by: 'leader' },
      }),
      '2026-02-05T09:00:00+07:00',
      recordAt('2026-02-05T09:00:00+07:00'),
    );
    expect(await closeMonth(province, '2026-02')).toEqual({ carried: 2 }); // A and B, open at February's end
    expect(await closeMonth(province, '2026-02')).toEqual({ carried: 0 }); // twice: nothing more

    await happen(
      {
        ...a1,
        version: 2,
        status: 'decided',
        decision: { outcome: 'approved', decidedAt: '2026-03-03T10:00:00.000+07:00', by: 'leader' },
      },
      '2026-03-03T10:00:00+07:00',
    );
    // C: Sở Xây dựng's procedure, transferred to the commune for its leg, decided back at the Sở on the
    // extended due day: on time, but late against the original appointment; counted once, at the Sở.
    const c = dossier('C', {
      procedure: { code: '9.240302', version: 1, name: 'C' },
      agencyId: commune,
      competentAgencyId: sxd,
      handledBy: [sxd, commune],
      submittedAt: '2026-03-02T09:00:00+07:00',
      receivedAt: new Date('2026-03-02T09:00:00+07:00').toISOString(),
      dueAt: '2026-03-16T17:30:00+07:00',
      originalDueAt: new Date('2026-03-12T17:30:00+07:00').toISOString(),
    });
    await happen(c, '2026-03-02T09:00:00+07:00');
    const cDecided: Dossier = {
      ...c,
      version: 5,
      agencyId: sxd,
      status: 'decided',
      decision: { outcome: 'approved', decidedAt: new Date('2026-03-16T09:00:00+07:00').toISOString(), by: 'leader' },
    };
    await happen(cDecided, '2026-03-16T09:00:00+07:00');
    // Redelivered and out of order: an older version arriving last changes nothing.
    await record({ dossierCode: 'C', occurredAt: new Date('2026-03-16T09:00:00+07:00').toISOString() });
    // D: filed by post, refused at intake.
    await happen(
      dossier('D', {
        channel: 'post',
        status: 'refused',
        submittedAt: '2026-03-05T09:00:00+07:00',
        dueAt: '2026-03-12T17:30:00+07:00',
        timeline: [
          step('2026-03-05T09:00:00+07:00', 'submitted', 'submit'),
          step('2026-03-05T10:00:00+07:00', 'refused', 'refuse'),
        ],
      }),
      '2026-03-05T10:00:00+07:00',
    );
    // E: filed online, withdrawn.
    await happen(
      dossier('E', {
        status: 'withdrawn',
        submittedAt: '2026-03-09T09:00:00+07:00',
        dueAt: '2026-03-16T17:30:00+07:00',
        timeline: [
          step('2026-03-09T09:00:00+07:00', 'submitted', 'submit'),
          step('2026-03-10T09:00:00+07:00', 'withdrawn', 'withdraw'),
        ],
      }),
      '2026-03-10T09:00:00+07:00',
    );
    // F: a fully-online procedure (a seeded one: its service level is read from the catalogue) at the
    // Sở, with a fee, a supplement requested, due in April.
    await happen(
      dossier('F', {
        procedure: { code: '1.001193', version: 1, name: 'F' },
        agencyId: sxd,
        competentAgencyId: sxd,
        status: 'supplement-requested',
        fee: { amount: 100_000, due: 'intake', paid: false },
        submittedAt: '2026-03-20T09:00:00+07:00',
        dueAt: '2026-04-10T17:30:00+07:00',
        timeline: [
          step('2026-03-20T09:00:00+07:00', 'submitted', 'submit', sxd),
          step('2026-03-23T09:00:00+07:00', 'supplement-requested', 'request-supplement', sxd),
        ],
      }),
      '2026-03-23T09:00:00+07:00',
    );
    // H: filed in April.
    await happen(
      dossier('H', { submittedAt: '2026-04-01T09:00:00+07:00', dueAt: '2026-04-08T17:30:00+07:00' }),
      '2026-04-01T09:00:00+07:00',
    );
    marchReport = (await report(province, march)).report;
  });

  it('gives exactly the expected counts', () => {
    expect(marchReport.period).toEqual({ id: '2026-03', kind: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(marchReport.totals.counts).toMatchObject({
      received: 6,
      carriedOver: 2,
      newOnline: 3,
      newDirect: 0,
      newPost: 1,
      newReceived: 4,
      newFullyOnline: 2,
      resolved: 2,
      resolvedEarly: 1,
      resolvedOnTime: 1,
      resolvedLate: 0,
      resolvedByOriginalDue: 1,
      inProgress: 2,
      inProgressWithinTime: 1,
      inProgressOverdue: 1,
      supplementRequests: 1,
      refused: 1,
      withdrawn: 1,
      stopped: 0,
      feeBearing: 1,
      paidOnline: 0,
      timedResolutions: 2,
    });
    const { indicators } = marchReport.totals;
    expect(indicators.onlineShare).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(indicators.fullyOnlineShare).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(indicators.onTimeRate).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(indicators.onTimeRateBeforeExtension).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(indicators.onlinePaymentShare).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('counts the transferred dossier once, at its competent agency, rolled up to the province', () => {
    const rows = Object.fromEntries(marchReport.byAgency.map((r) => [r.agencyId, r.counts]));
    expect(rows[province]?.received).toBe(6);
    expect(rows[commune]?.received).toBe(4); // A, B, D, E — not C, which the commune only held for its leg
    expect(rows[sxd]).toMatchObject({ received: 2, resolvedOnTime: 1 }); // C and F
    expect(marchReport.byProcedure.find((r) => r.procedureCode === '9.240302')?.counts.received).toBe(1);
  });

  it('places the dossier crossing the month boundary in both months', async () => {
    const feb = (await report(province, february)).report.totals.counts;
    expect(feb).toMatchObject({ received: 3, newReceived: 3, resolved: 1, inProgress: 2, inProgressWithinTime: 2 });
  });

  it('gives identical output when run again', async () => {
    const again = (await report(province, march)).report;
    expect(JSON.stringify(again)).toBe(JSON.stringify(marchReport));
  });

  it('reads only the month partitions of the agencies in scope', async () => {
    const { readUnits, report: communeReport } = await report(commune, march);
    expect(communeReport.totals.counts.received).toBe(4);
    expect(readUnits).toBeGreaterThan(0);
  });
});

/**
 * QĐ 766/QĐ-TTg, nhóm "Số hóa hồ sơ" (and 1.4, "hồ sơ đồng bộ lên Cổng DVCQG"), counted where they
 * happen: the documents listed in the dossier's partition, the signed result on its timeline, the
 * portal's acknowledgement on its sync item. May 2026 at the commune, five dossiers filed:
 *
 * | code | channel | documents                                   | outcome                     | DVCQG        |
 * | M1   | online  | 2 uploads verified                          | decided, result signed      | acknowledged |
 * | M2   | counter | 1 paper scanned at the counter, verified     | decided, no signed result   | —            |
 * | M3   | counter | none                                        | decided, result signed      | —            |
 * | M4   | online  | 1 upload never verified (pending)           | open                        | —            |
 * | M5   | DVCQG   | 1 file the portal keeps (referenced)         | open                        | filed there  |
 *
 * By hand: 4.1 = 2 signed of 3 decided → 6 × 2/3 = 4 points; 4.2 = 3 digitised (M1, M2, M5) of 5
 * received = 60 %, below the 80 % for full points → 4 × 0.6 ÷ 0.8 = 3; the group: 22 × (4 + 3) ÷ 10 =
 * 15.4. 1.4 = 2 of 5 (M1, M5) → 6 × 0.4 = 2.4; publicity: 18 × 2.4 ÷ 6 = 7.2.
 */
describe('a month in which dossiers were digitised and results signed (May 2026)', () => {
  let may: IndicatorReport;
  const recordMay = () => recordAt('2026-06-01T08:00:00+07:00');
  const doc = (code: string, id: string, o: Partial<DossierDocument>): DossierDocument => ({
    id,
    dossierCode: code,
    kind: 'upload',
    slot: 0,
    name: 'Tờ khai',
    key: `dossiers/${code}/uploads/${id}`,
    contentType: 'application/pdf',
    size: 1000,
    sha256: 'a'.repeat(64),
    digitised: false,
    status: 'verified',
    createdBy: 'test',
    createdAt: '2026-05-04T09:00:00+07:00',
    verifiedAt: '2026-05-04T09:01:00+07:00',
    ...o,
  });
  const decided = (d: Dossier, at: string): Dossier => ({
    ...d,
    version: d.version + 1,
    status: 'decided',
    decision: { outcome: 'approved', decidedAt: new Date(at).toISOString(), by: 'leader' },
  });
  const signed = (d: Dossier, at: string): Dossier => {
    const next = recordSignedResult(d, {
      documentId: `${d.code}-kq`,
      signerName: 'Lê Văn Hùng',
      signedAt: new Date(at),
    });
    if (!next) throw new Error('not signed');
    return next.dossier;
  };

  beforeAll(async () => {
    const filed = '2026-05-04T09:00:00+07:00';
    const base = (code: string, o: Partial<Dossier> = {}) =>
      dossier(code, { submittedAt: filed, dueAt: '2026-05-12T17:30:00+07:00', ...o });

    const m1 = base('M1');
    await addDocument(doc('M1', '00000000-0000-4000-8000-0000000000a1', {}));
    await addDocument(doc('M1', '00000000-0000-4000-8000-0000000000a2', { slot: 1 }));
    await happen(m1, filed, recordMay());
    expect(await factOf(commune, '2026-05', 'M1')).toMatchObject({ version: 1, digitised: true, dvcqgSynced: false });
    // The portal acknowledges M1's first status: the sync worker refreshes the fact of the same
    // version from the filing month (shared/use-cases/dvcqg/sync-status.ts, `held`).
    await acknowledge('M1');
    await recordMay()({
      dossierCode: 'M1',
      occurredAt: new Date('2026-05-04T09:05:00+07:00').toISOString(),
      fromFiling: true,
    });
    // Same dossier version, more evidence: the stored fact is replaced.
    expect(await factOf(commune, '2026-05', 'M1')).toMatchObject({ version: 1, dvcqgSynced: true });
    const m1Decided = decided(m1, '2026-05-06T10:00:00+07:00');
    await happen(m1Decided, '2026-05-06T10:00:00+07:00', recordMay());
    await happen(signed(m1Decided, '2026-05-06T10:30:00+07:00'), '2026-05-06T10:30:00+07:00', recordMay());

    const m2 = base('M2', { channel: 'counter' });
    await addDocument(doc('M2', '00000000-0000-4000-8000-0000000000b1', { digitised: true, createdBy: 'receiver' }));
    await happen(decided(m2, '2026-05-07T10:00:00+07:00'), '2026-05-07T10:00:00+07:00', recordMay());

    const m3 = decided(base('M3', { channel: 'counter' }), '2026-05-08T10:00:00+07:00');
    await happen(m3, '2026-05-08T10:00:00+07:00', recordMay());
    await happen(signed(m3, '2026-05-08T11:00:00+07:00'), '2026-05-08T11:00:00+07:00', recordMay());

    await addDocument(doc('M4', '00000000-0000-4000-8000-0000000000d1', { status: 'pending', sha256: undefined }));
    await happen(base('M4'), filed, recordMay());

    await addDocument(
      doc('M5', '00000000-0000-4000-8000-0000000000e1', {
        kind: 'referenced',
        status: 'referenced',
        source: { partner: 'dvcqg', url: 'https://dichvucong.gov.vn/f/1', documentType: 'TK' },
      }),
    );
    await happen(base('M5', { channel: 'dvcqg', external: { dvcqgId: 'G-1' } }), filed, recordMay());

    may = (await report(commune, { kind: 'month', year: 2026, index: 5 })).report;
  });

  it('counts the digitised dossiers, the signed results and the synchronised ones', () => {
    expect(may.totals.counts).toMatchObject({
      newReceived: 5,
      resolved: 3,
      digitised: 3,
      electronicResults: 2,
      dvcqgSynced: 2,
    });
  });

  it('scores digitisation and publicity as worked out by hand, not zero', () => {
    const groups = Object.fromEntries(may.totals.indicators.groups.map((g) => [g.group, g]));
    const points = (group: string, id: string) => groups[group]?.indicators.find((i) => i.id === id)?.score;
    expect(points('digitisation', '4.1')).toBe(4);
    expect(points('digitisation', '4.2')).toBe(3);
    expect(groups.digitisation).toMatchObject({ assessedPoints: 10, earnedPoints: 7, score: 15.4 });
    expect(points('publicityTransparency', '1.4')).toBe(2.4);
    expect(groups.publicityTransparency?.score).toBe(7.2);
  });
});
