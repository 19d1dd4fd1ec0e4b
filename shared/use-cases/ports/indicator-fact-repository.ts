import type { FeedbackCount } from '../../domain/feedback/counting.ts';
import type { DossierFact } from '../../domain/indicators/fact.ts';

/**
 * The reports' inputs, per competent agency and month: each dossier's indicator fact, and the month's
 * feedback counts. A month's report reads only that month's: its cost follows the month, not the history.
 * Each read answers the read capacity it consumed (`readUnits`), which the report records.
 */
export interface IndicatorFactRepository {
  /**
   * Writes the fact into a month unless a fact of a newer dossier version is there, or one of the same
   * version with as much evidence (verified documents, the DVCQG acknowledgement, which only grow):
   * redelivered and reordered events are harmless. Returns whether it wrote.
   */
  put(fact: DossierFact, month: string): Promise<boolean>;

  /** Every fact of one agency's month, by dossier code. */
  listMonth(agencyId: string, month: string): Promise<{ facts: DossierFact[]; readUnits: number }>;

  /** Feedback (PAKN) received, answered and answered on time by one agency in one month. */
  feedbackMonth(agencyId: string, month: string): Promise<Record<FeedbackCount, number> & { readUnits: number }>;
}
