import type { AgencyRepository } from './ports/agency-repository.ts';
import type { IndicatorFactRepository } from './ports/indicator-fact-repository.ts';
import type { Agency } from '../domain/agency.ts';
import { closedAt } from '../domain/indicators/fact.ts';
import { monthsOf, nextMonth, type Period, periodBounds } from '../domain/indicators/period.ts';
import { buildReport, type IndicatorReport } from '../domain/indicators/report.ts';
import { type AgencyFeedbackCounts, withFeedbackCounts } from '../domain/feedback/report-counts.ts';
import { RuleViolation } from '../domain/rule-violation.ts';

export interface IndicatorReportDeps {
  agencies: Pick<AgencyRepository, 'get' | 'listChildren'>;
  facts: Pick<IndicatorFactRepository, 'listMonth' | 'put' | 'feedbackMonth'>;
  /** The clock: a running period's open dossiers are judged at the moment of generation. */
  now?: () => Date;
}

/** The agency and every agency under it (Queries of the children directory, never a Scan). */
async function subtree(agencies: IndicatorReportDeps['agencies'], rootId: string): Promise<Agency[]> {
  const root = await agencies.get(rootId);
  if (!root) throw new RuleViolation('not-found', 'unknown-agency', `Không tìm thấy cơ quan ${rootId}.`);
  const out: Agency[] = [root];
  for (let i = 0; i < out.length; i++) {
    let cursor: string | undefined;
    do {
      const page = await agencies.listChildren(out[i]?.id, { limit: 100, ...(cursor ? { cursor } : {}) });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return out;
}

/**
 * A period's report for an agency and everything under it: Queries of the period's month partitions
 * of each agency in the subtree, nothing else. `readUnits` is what those Queries consumed.
 */
export function computeIndicatorReport(deps: IndicatorReportDeps) {
  return async (rootId: string, period: Period): Promise<{ report: IndicatorReport; readUnits: number }> => {
    const agencies = await subtree(deps.agencies, rootId);
    let readUnits = 0;
    const facts = [];
    const feedback: AgencyFeedbackCounts[] = [];
    for (const agency of agencies) {
      for (const month of monthsOf(period)) {
        const page = await deps.facts.listMonth(agency.id, month);
        readUnits += page.readUnits;
        facts.push(...page.facts);
        // Feedback counts are per agency and month counters: one item each, whatever the history.
        const {
          received,
          answered,
          answeredOnTime,
          readUnits: units,
        } = await deps.facts.feedbackMonth(agency.id, month);
        readUnits += units;
        if (received !== 0 || answered !== 0)
          feedback.push({ agencyId: agency.id, received, answered, answeredOnTime });
      }
    }
    const nodes = agencies.map(({ id, name, level, parentId }) => ({
      id,
      name,
      level,
      ...(parentId ? { parentId } : {}),
    }));
    const asOf = deps.now?.();
    const report = withFeedbackCounts(
      buildReport({ period, rootId, agencies: nodes, facts, ...(asOf ? { asOf } : {}) }),
      nodes,
      feedback,
    );
    return { report, readUnits };
  };
}

/**
 * Month close: every dossier still open at the end of `month` gets its fact into the next month's
 * partition, so the next month's report finds it without reading any earlier month. Conditional on
 * the version like every fact write: running it twice, or after the worker already carried a dossier
 * forward on its first touch, changes nothing.
 */
export function closeIndicatorMonth(deps: IndicatorReportDeps) {
  return async (rootId: string, month: string): Promise<{ carried: number }> => {
    const [year = 0, index = 0] = month.split('-').map(Number);
    const { end } = periodBounds({ kind: 'month', year, index });
    let carried = 0;
    for (const agency of await subtree(deps.agencies, rootId)) {
      const { facts } = await deps.facts.listMonth(agency.id, month);
      for (const fact of facts) {
        const closed = closedAt(fact);
        if (closed !== undefined && Date.parse(closed) < end.getTime()) continue;
        if (await deps.facts.put(fact, nextMonth(month))) carried++;
      }
    }
    return { carried };
  };
}
