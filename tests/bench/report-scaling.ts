/**
 * A month's report must cost what the month holds, not what the history holds (docs/design.md §10): the
 * read units (ReturnConsumedCapacity) and time of March's report, with a history before it, then
 * with ten times that history. Prints ratios measured in this one run; asserts nothing on wall time.
 */
import { startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import type { DossierFact } from '../../shared/domain/indicators/fact.ts';
import { monthsBetween } from '../../shared/domain/indicators/period.ts';
import { ratio, writeResult } from './support/results.ts';

const perMonth = Number(process.env.BENCH_FACTS_PER_MONTH ?? 100);
const cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, pollers: false });
try {
  const { agencyRepository } = await import('../../shared/adapters/dynamo/agency-repository.ts');
  const { indicatorFactRepository } = await import('../../shared/adapters/dynamo/indicator-facts.ts');
  const { computeIndicatorReport } = await import('../../shared/use-cases/indicator-report.ts');
  const facts = indicatorFactRepository(cloud.tableName);
  const report = computeIndicatorReport({ agencies: agencyRepository(cloud.tableName), facts });

  const agenciesUsed = ['24.07210', '24.07339', '24.SXD', '24.STP'];
  const fill = async (month: string) => {
    for (let i = 0; i < perMonth; i++) {
      const agency = agenciesUsed[i % agenciesUsed.length] ?? '24.07210';
      const day = String((i % 27) + 1).padStart(2, '0');
      const fact: DossierFact = {
        code: `${agency}-${month}-${String(i).padStart(4, '0')}`,
        version: 3,
        competentAgencyId: agency,
        procedureCode: '1.001193',
        procedureName: 'Đăng ký khai sinh',
        field: 'Hộ tịch',
        serviceLevel: 'fully-online',
        channel: i % 3 === 0 ? 'counter' : 'online',
        status: 'decided',
        submittedAt: `${month}-${day}T02:00:00.000Z`,
        dueAt: `${month}-${day}T10:00:00.000Z`,
        decidedAt: `${month}-${day}T08:00:00.000Z`,
        supplementRequests: [],
        processingWorkingHours: 6,
        feeBearing: false,
        paidOnline: false,
        digitised: false,
        electronicResult: false,
      };
      await facts.put(fact, month);
    }
  };
  const measure = async () => {
    const runs: { ms: number; units: number }[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const { readUnits } = await report('24.UBND', { kind: 'month', year: 2026, index: 3 });
      runs.push({ ms: performance.now() - started, units: readUnits });
    }
    runs.sort((a, b) => a.ms - b.ms);
    return runs[Math.floor(runs.length / 2)] ?? { ms: 0, units: 0 };
  };

  await fill('2026-03');
  const history = monthsBetween('2023-04', '2026-02'); // 35 months before March 2026
  const small = history.slice(-3);
  for (const month of small) await fill(month);
  const before = await measure();
  for (const month of history.slice(0, -3)) await fill(month);
  const after = await measure();

  const rows = [
    ['history months', small.length, history.length],
    ['history facts', small.length * perMonth, history.length * perMonth],
    ['read units', before.units, after.units],
    ['median ms', before.ms.toFixed(1), after.ms.toFixed(1)],
  ];
  console.table(rows.map(([what, a, b]) => ({ what, before: a, after: b })));
  const unitsRatio = after.units / before.units;
  const timeRatio = after.ms / before.ms;
  console.log(`history grew ×${(history.length / small.length).toFixed(1)}`);
  console.log(`read units ratio ${unitsRatio.toFixed(3)} (bar: within 10%)`);
  console.log(`time ratio ${timeRatio.toFixed(3)} (bar: within 10%; wall time is noisy on a shared machine)`);
  writeResult({
    name: 'report-scaling',
    sample: `${perMonth} facts per month; March's report computed 7 times (median) after 3, then after ${history.length} months of history.`,
    rows: [
      {
        what: `a month's report when the history before it grows ×${(history.length / small.length).toFixed(1)} (${small.length * perMonth} → ${history.length * perMonth} dossier facts): read units`,
        figure: `${before.units} → ${after.units} (${ratio(unitsRatio, 3)})`,
        bar: 'within 10%',
      },
      { what: '… and time', figure: ratio(timeRatio), bar: 'within 10%' },
    ],
  });
} finally {
  await cloud.stop();
}
