import type { FeedbackCount } from '../../../shared/domain/feedback/counting.ts';
import { type DossierFact, evidenceOf } from '../../../shared/domain/indicators/fact.ts';
import type { IndicatorFactRepository } from '../../../shared/use-cases/ports/indicator-fact-repository.ts';
import { byKey, copy } from './page.ts';

/**
 * The indicator facts in memory, per competent agency and month, as dynamo/indicator-facts.ts keeps
 * them: a put writes unless the month holds a newer version of the dossier, or the same version with as
 * much evidence. The feedback counts are read from `feedback` (fakeFeedbackCounters' tally). Each read
 * of a partition costs one notional read unit, so a test sees which partitions were read.
 */
export function fakeIndicatorFactRepository(
  feedback: { tally(count: FeedbackCount, agencyId: string, month: string): number } = { tally: () => 0 },
): IndicatorFactRepository & { reads: string[] } {
  const months = new Map<string, Map<string, DossierFact>>();
  const reads: string[] = [];
  return {
    reads,
    async put(fact, month) {
      const key = `${fact.competentAgencyId}#${month}`;
      const partition = months.get(key) ?? new Map<string, DossierFact>();
      const stored = partition.get(fact.code);
      const newer =
        !stored ||
        stored.version < fact.version ||
        (stored.version === fact.version && evidenceOf(stored) < evidenceOf(fact));
      if (!newer) return false;
      partition.set(fact.code, copy(fact));
      months.set(key, partition);
      return true;
    },
    async listMonth(agencyId, month) {
      reads.push(`facts:${agencyId}#${month}`);
      const facts = [...(months.get(`${agencyId}#${month}`)?.values() ?? [])].sort(byKey((f) => f.code)).map(copy);
      return { facts, readUnits: 1 };
    },
    async feedbackMonth(agencyId, month) {
      reads.push(`feedback:${agencyId}#${month}`);
      return {
        received: feedback.tally('received', agencyId, month),
        answered: feedback.tally('answered', agencyId, month),
        answeredOnTime: feedback.tally('answeredOnTime', agencyId, month),
        readUnits: 1,
      };
    },
  };
}
