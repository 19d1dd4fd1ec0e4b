import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DossierFact, evidenceOf } from '../../domain/indicators/fact.ts';
import type { IndicatorFactRepository } from '../../use-cases/ports/indicator-fact-repository.ts';
import { db } from './client.ts';
import { readFeedbackMonth } from './feedback-counters.ts';
import { keys } from './keys.ts';
import { readPartition } from './partition.ts';

/**
 * Indicator facts, per competent agency and month (`FACTS#<agencyId>#<yyyy-mm>`, sk = dossier code).
 * A month's report reads only that month's partitions: its cost follows the month, not the history.
 */
export function indicatorFactRepository(tableName: string): IndicatorFactRepository {
  return {
    /**
     * Writes the fact into a month's partition unless a fact of a newer dossier version is there, or
     * one of the same version with as much evidence (verified documents, the DVCQG acknowledgement,
     * which only grow): redelivered and reordered events are harmless. Returns whether it wrote.
     * Facts stored before `evidence` existed count as having none.
     */
    async put(fact: DossierFact, month: string): Promise<boolean> {
      const evidence = evidenceOf(fact);
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.indicatorFact(fact.competentAgencyId, month, fact.code), ...fact, evidence },
            ConditionExpression:
              'attribute_not_exists(pk) OR #version < :version OR (#version = :version AND ' +
              '(attribute_not_exists(#evidence) OR #evidence < :evidence))',
            ExpressionAttributeNames: { '#version': 'version', '#evidence': 'evidence' },
            ExpressionAttributeValues: { ':version': fact.version, ':evidence': evidence },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** Every fact of one agency's month, by dossier code, with the read capacity the Queries consumed. */
    async listMonth(agencyId: string, month: string): Promise<{ facts: DossierFact[]; readUnits: number }> {
      const { items, readUnits } = await readPartition(tableName, keys.indicatorFacts(agencyId, month));
      const facts = items.map(({ pk: _pk, sk: _sk, evidence: _evidence, ...fact }) => fact as DossierFact);
      return { facts, readUnits };
    },

    /** Feedback (PAKN) received, answered and answered on time by one agency in one month (feedback-counters.ts). */
    feedbackMonth: (agencyId: string, month: string) => readFeedbackMonth(tableName, agencyId, month),
  };
}
