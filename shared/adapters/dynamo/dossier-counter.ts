import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DossierCounter } from '../../use-cases/ports/dossier-counter.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/**
 * The agency's dossier counter for one local day: an atomic ADD, so two submissions never get the
 * same number. A number whose dossier write then fails is skipped, never reused.
 */
export function dossierCounter(tableName: string): DossierCounter {
  return {
    async next(agencyId: string, yymmdd: string): Promise<number> {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.dossierCounter(agencyId, yymmdd),
          UpdateExpression: 'ADD #seq :one',
          ExpressionAttributeNames: { '#seq': 'sequence' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.sequence);
    },
  };
}
