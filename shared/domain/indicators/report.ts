/**
 * A period's report for an agency and everything under it: totals, and breakdowns by agency (each
 * row rolled up its subtree), by field and by procedure. Pure and deterministic: the same facts give
 * the same report, byte for byte once serialised (rows sorted, no clock read).
 */
import { type AgencyNode, agencyTree, ancestorsOf, isWithin } from '../agency.ts';
import { toVnDate, toVnIso } from '../time.ts';
import { addCounts, countsOf, type IndicatorCounts, inPeriod, zeroCounts } from './counts.ts';
import type { DossierFact } from './fact.ts';
import { type Indicators, indicatorsOf } from './formulas.ts';
import { type Period, periodBounds, periodId } from './period.ts';

/** The files a report is published as: JSON for machines, CSV and XLSX for people. */
export type ReportFormat = 'json' | 'csv' | 'xlsx';

export interface ReportAgency extends AgencyNode {
  name: string;
}

export interface ReportRow {
  counts: IndicatorCounts;
  indicators: Indicators;
}

export interface IndicatorReport {
  period: { id: string; kind: Period['kind']; from: string; to: string };
  /**
   * The instant the open dossiers were judged at (within time or overdue): the period's end, or, for
   * a period still running when the report was generated, that moment. Absent in reports stored
   * before it was recorded (they were judged at the period's end).
   */
  asOf?: string;
  agency: { id: string; name: string };
  totals: ReportRow;
  byAgency: (ReportRow & { agencyId: string; name: string; level: string; parentId?: string })[];
  byField: (ReportRow & { field: string })[];
  byProcedure: (ReportRow & { procedureCode: string; procedureName: string; field: string })[];
}

/** The newest fact of each dossier (a dossier sits in several month partitions of a quarter or a year). */
export function latestFacts(facts: Iterable<DossierFact>): DossierFact[] {
  const byCode = new Map<string, DossierFact>();
  for (const fact of facts) {
    const seen = byCode.get(fact.code);
    if (!seen || seen.version < fact.version) byCode.set(fact.code, fact);
  }
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

const row = (counts: IndicatorCounts): ReportRow => ({ counts, indicators: indicatorsOf(counts) });

export function buildReport(input: {
  period: Period;
  rootId: string;
  /** The root and every agency under it. */
  agencies: readonly ReportAgency[];
  facts: Iterable<DossierFact>;
  /** When the report is generated: a running period's open dossiers are judged at this instant. */
  asOf?: Date;
}): IndicatorReport {
  const { period, rootId } = input;
  const tree = agencyTree(input.agencies);
  const root = input.agencies.find((a) => a.id === rootId);
  if (!root) throw new Error(`The agencies given do not hold the root ${rootId}`);
  const bounds = periodBounds(period);
  const asOf = new Date(
    input.asOf === undefined
      ? bounds.end.getTime()
      : Math.max(bounds.start.getTime(), Math.min(bounds.end.getTime(), input.asOf.getTime())),
  );

  const perAgency = new Map<string, IndicatorCounts>();
  const perField = new Map<string, IndicatorCounts>();
  const perProcedure = new Map<string, { counts: IndicatorCounts; name: string; field: string }>();
  let totals = zeroCounts();
  const add = <K>(map: Map<K, IndicatorCounts>, key: K, counts: IndicatorCounts) =>
    map.set(key, addCounts(map.get(key) ?? zeroCounts(), counts));

  for (const fact of latestFacts(input.facts)) {
    if (!tree.has(fact.competentAgencyId) || !isWithin(fact.competentAgencyId, rootId, tree)) continue;
    if (!inPeriod(fact, bounds)) continue;
    const counts = countsOf(fact, bounds, asOf);
    totals = addCounts(totals, counts);
    // Counted once, at its competent agency, and rolled up to each agency above it within the scope.
    const chain = [fact.competentAgencyId, ...ancestorsOf(fact.competentAgencyId, tree)];
    for (const id of chain.slice(0, chain.indexOf(rootId) + 1)) add(perAgency, id, counts);
    add(perField, fact.field, counts);
    const procedure = perProcedure.get(fact.procedureCode);
    perProcedure.set(fact.procedureCode, {
      counts: addCounts(procedure?.counts ?? zeroCounts(), counts),
      name: procedure?.name ?? fact.procedureName,
      field: procedure?.field ?? fact.field,
    });
  }

  return {
    period: {
      id: periodId(period),
      kind: period.kind,
      from: toVnDate(bounds.start),
      to: toVnDate(new Date(bounds.end.getTime() - 1)),
    },
    asOf: toVnIso(asOf),
    agency: { id: root.id, name: root.name },
    totals: row(totals),
    byAgency: [...input.agencies]
      .filter((a) => isWithin(a.id, rootId, tree))
      .sort(byKey((a) => a.id))
      .map((a) => ({
        agencyId: a.id,
        name: a.name,
        level: a.level,
        ...(a.parentId ? { parentId: a.parentId } : {}),
        ...row(perAgency.get(a.id) ?? zeroCounts()),
      })),
    byField: [...perField.entries()].sort(byKey(([f]) => f)).map(([field, counts]) => ({ field, ...row(counts) })),
    byProcedure: [...perProcedure.entries()]
      .sort(byKey(([code]) => code))
      .map(([procedureCode, p]) => ({ procedureCode, procedureName: p.name, field: p.field, ...row(p.counts) })),
  };
}
