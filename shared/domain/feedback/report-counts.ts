/**
 * Feedback received and answered in a report: read from the per-agency month counters (not from the
 * dossier facts), added to each agency's row and rolled up the tree like the dossier counts.
 */
import { agencyTree, ancestorsOf, isWithin } from '../agency.ts';
import { indicatorsOf } from '../indicators/formulas.ts';
import type { IndicatorReport, ReportAgency } from '../indicators/report.ts';

export interface AgencyFeedbackCounts {
  agencyId: string;
  received: number;
  answered: number;
  /** Of those answered, answered by the feedback's deadline (absent in counters kept before it: 0). */
  answeredOnTime?: number;
}

export function withFeedbackCounts(
  report: IndicatorReport,
  agencies: readonly ReportAgency[],
  counts: readonly AgencyFeedbackCounts[],
): IndicatorReport {
  const tree = agencyTree(agencies);
  const rootId = report.agency.id;
  const rolled = new Map<string, { received: number; answered: number; answeredOnTime: number }>();
  for (const c of counts) {
    if (!tree.has(c.agencyId) || !isWithin(c.agencyId, rootId, tree)) continue;
    const chain = [c.agencyId, ...ancestorsOf(c.agencyId, tree)];
    for (const id of chain.slice(0, chain.indexOf(rootId) + 1)) {
      const sum = rolled.get(id) ?? { received: 0, answered: 0, answeredOnTime: 0 };
      rolled.set(id, {
        received: sum.received + c.received,
        answered: sum.answered + c.answered,
        answeredOnTime: sum.answeredOnTime + (c.answeredOnTime ?? 0),
      });
    }
  }
  const add = <R extends IndicatorReport['totals']>(row: R, id: string): R => {
    const extra = rolled.get(id);
    if (!extra) return row;
    const next = {
      ...row.counts,
      feedbackReceived: row.counts.feedbackReceived + extra.received,
      feedbackAnswered: row.counts.feedbackAnswered + extra.answered,
      feedbackAnsweredOnTime: row.counts.feedbackAnsweredOnTime + extra.answeredOnTime,
    };
    return { ...row, counts: next, indicators: indicatorsOf(next) };
  };
  return {
    ...report,
    totals: add(report.totals, rootId),
    byAgency: report.byAgency.map((row) => add(row, row.agencyId)),
  };
}
