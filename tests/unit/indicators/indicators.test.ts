import { describe, expect, it } from 'vitest';
import { type AgencyNode } from '../../../shared/domain/agency.ts';
import { countsOf, zeroCounts } from '../../../shared/domain/indicators/counts.ts';
import type { DossierFact } from '../../../shared/domain/indicators/fact.ts';
import {
  averageProcessingWorkingDays,
  groupScore,
  onlineShare,
  onTimeRate,
  onTimeRateBeforeExtension,
  ratio,
} from '../../../shared/domain/indicators/formulas.ts';
import {
  monthsOf,
  parsePeriodId,
  periodBounds,
  periodId,
  periodsClosedAt,
} from '../../../shared/domain/indicators/period.ts';
import { buildReport } from '../../../shared/domain/indicators/report.ts';

const march = periodBounds({ kind: 'month', year: 2026, index: 3 });

const fact = (overrides: Partial<DossierFact> = {}): DossierFact => ({
  code: 'X-260302-0001',
  version: 3,
  competentAgencyId: '24.07210',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  serviceLevel: 'fully-online',
  channel: 'online',
  status: 'processing',
  submittedAt: '2026-03-02T02:00:00.000Z',
  dueAt: '2026-03-10T10:30:00.000Z',
  supplementRequests: [],
  feeBearing: false,
  paidOnline: false,
  digitised: false,
  electronicResult: false,
  ...overrides,
});

describe('periods', () => {
  it.each([
    ['2026-03', { kind: 'month', year: 2026, index: 3 }, ['2026-03']],
    ['2026-Q4', { kind: 'quarter', year: 2026, index: 4 }, ['2026-10', '2026-11', '2026-12']],
    ['2026', { kind: 'year', year: 2026 }, monthsOf({ kind: 'year', year: 2026 })],
  ] as const)('%s', (id, period, months) => {
    expect(parsePeriodId(id)).toEqual(period);
    expect(periodId(period)).toBe(id);
    expect(monthsOf(period)).toEqual(months);
  });

  it('bounds are local midnights in Asia/Ho_Chi_Minh', () => {
    expect(march.start.toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(march.end.toISOString()).toBe('2026-03-31T17:00:00.000Z');
  });

  it.each([
    ['2026-04-01T00:30:00+07:00', ['2026-03', '2026-Q1']],
    ['2026-05-01T00:30:00+07:00', ['2026-04']],
    ['2027-01-01T00:30:00+07:00', ['2026-12', '2026-Q4', '2026']],
  ])('closed at %s', (now, ids) => {
    expect(periodsClosedAt(new Date(now)).map(periodId)).toEqual(ids);
  });
});

describe('what one dossier counts in March 2026', () => {
  it.each<[string, Partial<DossierFact>, Partial<ReturnType<typeof zeroCounts>>]>([
    [
      'new online, open, due in April: within time',
      { dueAt: '2026-04-03T10:30:00.000Z' },
      { newOnline: 1, newFullyOnline: 1, inProgressWithinTime: 1 },
    ],
    [
      'carried over from February, decided early',
      { submittedAt: '2026-02-25T02:00:00.000Z', decidedAt: '2026-03-05T02:00:00.000Z', status: 'decided' },
      { carriedOver: 1, resolvedEarly: 1, resolvedByOriginalDue: 1 },
    ],
    [
      'decided on the due day before the due instant: on time',
      { channel: 'counter', decidedAt: '2026-03-10T03:00:00.000Z', status: 'returned' },
      { newDirect: 1, resolvedOnTime: 1, resolvedByOriginalDue: 1 },
    ],
    [
      'decided after an extension, by the extended date: on time, but late against the original',
      {
        channel: 'post',
        originalDueAt: '2026-03-06T10:30:00.000Z',
        decidedAt: '2026-03-09T03:00:00.000Z',
        status: 'decided',
      },
      { newPost: 1, resolvedEarly: 1 },
    ],
    [
      'decided late',
      { decidedAt: '2026-03-11T03:00:00.000Z', status: 'decided', processingWorkingHours: 52 },
      { newOnline: 1, newFullyOnline: 1, resolvedLate: 1, timedResolutions: 1, processingWorkingHours: 52 },
    ],
    [
      'open past due at the end of the month, two supplement requests in it, one before',
      {
        submittedAt: '2026-02-20T02:00:00.000Z',
        serviceLevel: 'partly-online',
        supplementRequests: ['2026-02-23T02:00:00.000Z', '2026-03-03T02:00:00.000Z', '2026-03-20T02:00:00.000Z'],
      },
      { carriedOver: 1, inProgressOverdue: 1, supplementRequests: 2 },
    ],
    [
      'refused at intake',
      { channel: 'dvcqg', status: 'refused', endedAt: '2026-03-02T03:00:00.000Z', feeBearing: true },
      { newOnline: 1, newFullyOnline: 1, refused: 1, feeBearing: 1 },
    ],
    [
      'withdrawn',
      { status: 'withdrawn', endedAt: '2026-03-03T03:00:00.000Z' },
      { newOnline: 1, newFullyOnline: 1, withdrawn: 1 },
    ],
    [
      'stopped',
      { submittedAt: '2026-01-05T02:00:00.000Z', status: 'stopped', endedAt: '2026-03-03T03:00:00.000Z' },
      { carriedOver: 1, stopped: 1 },
    ],
    [
      'decided in April: still open at the end of March',
      { decidedAt: '2026-04-02T03:00:00.000Z', status: 'decided', dueAt: '2026-04-03T10:30:00.000Z' },
      { newOnline: 1, newFullyOnline: 1, inProgressWithinTime: 1 },
    ],
  ])('%s', (_name, overrides, expected) => {
    const counts = countsOf(fact(overrides), march);
    const sums = {
      received: 1,
      newReceived: expected.carriedOver ? 0 : 1,
      // Every procedure here offers an online service: each new dossier is in the online share's denominator.
      newUnderOnlineService: expected.carriedOver ? 0 : 1,
      newOnlineUnderOnlineService: expected.newOnline ?? 0,
      resolved: (expected.resolvedEarly ?? 0) + (expected.resolvedOnTime ?? 0) + (expected.resolvedLate ?? 0),
      inProgress: (expected.inProgressWithinTime ?? 0) + (expected.inProgressOverdue ?? 0),
      // No extension in these open cases: within the original appointment = within time.
      inProgressWithinOriginalDue: expected.inProgressWithinTime ?? 0,
    };
    expect(counts).toEqual({ ...zeroCounts(), ...sums, ...expected });
  });

  it('an open dossier is judged at the as-of instant of a running month, not at its end', () => {
    // Due 10/3 17:30; the report is generated on 5/3: still within time (at the end of March it would be overdue).
    const open = fact({ dueAt: '2026-03-10T10:30:00.000Z' });
    expect(countsOf(open, march, new Date('2026-03-05T03:00:00.000Z'))).toMatchObject({
      inProgress: 1,
      inProgressWithinTime: 1,
      inProgressOverdue: 0,
      inProgressWithinOriginalDue: 1,
    });
    expect(countsOf(open, march)).toMatchObject({ inProgressOverdue: 1, inProgressWithinOriginalDue: 0 });
  });

  it('an open dossier past its original appointment but within its extension is within time, not by the original', () => {
    const extended = fact({ originalDueAt: '2026-03-06T10:30:00.000Z', dueAt: '2026-03-13T10:30:00.000Z' });
    expect(countsOf(extended, march, new Date('2026-03-09T03:00:00.000Z'))).toMatchObject({
      inProgressWithinTime: 1,
      inProgressWithinOriginalDue: 0,
    });
  });

  it.each([
    ['closed in February', { status: 'decided' as const, decidedAt: '2026-02-27T03:00:00.000Z' }],
    ['filed in April', { submittedAt: '2026-04-01T01:00:00.000Z' }],
  ])('nothing when %s', (_name, overrides) => {
    expect(countsOf(fact(overrides), march)).toEqual(zeroCounts());
  });
});

describe('formulas', () => {
  const counts = {
    ...zeroCounts(),
    resolved: 8,
    resolvedEarly: 3,
    resolvedOnTime: 3,
    resolvedLate: 2,
    resolvedByOriginalDue: 5,
    newReceived: 10,
    newOnline: 6,
    timedResolutions: 4,
    processingWorkingHours: 100,
  };

  it.each([
    ['onTimeRate', onTimeRate(counts), { numerator: 6, denominator: 8, value: 0.75 }],
    ['onTimeRateBeforeExtension', onTimeRateBeforeExtension(counts), { numerator: 5, denominator: 8, value: 0.625 }],
    ['onlineShare', onlineShare(counts), { numerator: 6, denominator: 10, value: 0.6 }],
    ['a zero denominator', ratio(0, 0), { numerator: 0, denominator: 0, value: null }],
    ['rounding to 4 decimals', ratio(1, 3), { numerator: 1, denominator: 3, value: 0.3333 }],
  ])('%s', (_name, actual, expected) => expect(actual).toEqual(expected));

  it('average processing time in working days', () => {
    expect(averageProcessingWorkingDays(counts)).toBe(3.13); // 100 h / 8 / 4
    expect(averageProcessingWorkingDays(zeroCounts())).toBeNull();
  });

  it('a group without any measured value has no score (worked examples: tests/conformance/qd766.test.ts)', () => {
    expect(groupScore('satisfaction', zeroCounts())).toMatchObject({ score: null, assessedPoints: 0, weight: 18 });
  });
});

describe('the report rolls up the tree and counts a dossier once', () => {
  const agencies: (AgencyNode & { name: string })[] = [
    { id: '24', name: 'Tỉnh Bắc Ninh', level: 'province' },
    { id: '24.07210', name: 'Phường Bắc Giang', level: 'commune', parentId: '24' },
    { id: '24.STP', name: 'Sở Tư pháp', level: 'department', parentId: '24' },
  ];
  const facts = [
    fact({ code: 'A', competentAgencyId: '24.07210' }),
    fact({ code: 'A', version: 1, competentAgencyId: '24.07210', status: 'submitted' }),
    fact({ code: 'B', competentAgencyId: '24.STP', field: 'Chứng thực', procedureCode: '2.000815' }),
    fact({ code: 'C', competentAgencyId: 'elsewhere' }),
  ];

  it('by agency, field and procedure, sorted', () => {
    const report = buildReport({ period: { kind: 'month', year: 2026, index: 3 }, rootId: '24', agencies, facts });
    expect(report.period).toEqual({ id: '2026-03', kind: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(report.asOf).toBe('2026-04-01T00:00:00+07:00');
    expect(report.totals.counts.received).toBe(2);
    expect(report.byAgency.map((r) => [r.agencyId, r.counts.received])).toEqual([
      ['24', 2],
      ['24.07210', 1],
      ['24.STP', 1],
    ]);
    expect(report.byField.map((r) => [r.field, r.counts.received])).toEqual([
      ['Chứng thực', 1],
      ['Hộ tịch', 1],
    ]);
    expect(report.byProcedure.map((r) => r.procedureCode)).toEqual(['1.001193', '2.000815']);
  });

  it('scoped to a commune, only the commune', () => {
    const report = buildReport({
      period: { kind: 'month', year: 2026, index: 3 },
      rootId: '24.07210',
      agencies,
      facts,
    });
    expect(report.totals.counts.received).toBe(1);
    expect(report.byAgency.map((r) => r.agencyId)).toEqual(['24.07210']);
  });
});
