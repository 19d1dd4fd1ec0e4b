import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { formatDossierCode, type LocalDate, yymmdd } from '../../domain/dossier/code.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';
import type { AgencyRegisterSource } from '../../use-cases/ports/agency-register-source.ts';
import type { DossierRepository } from '../../use-cases/ports/dossier-repository.ts';

/** Reads at once: a register of a busy quarter reads thousands of dossiers, a few dozen at a time. */
const concurrency = 25;

/**
 * The dossiers filed with an agency on given local days, found through the agency's daily counters
 * (a code is `<agency>-<yymmdd>-<nnnn>`, numbered 1…n each day; a number whose write failed has no
 * dossier and is skipped). No index is needed: the counter says how many codes a day has.
 */
export function agencyRegisterSource(
  tableName: string,
  dossiers: Pick<DossierRepository, 'get'>,
): AgencyRegisterSource {
  async function countOn(agencyId: string, yymmdd: string): Promise<number> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.dossierCounter(agencyId, yymmdd), ConsistentRead: true }),
    );
    return Number(Item?.sequence ?? 0);
  }

  return {
    async filedOn(agencyId: string, days: readonly string[]): Promise<Dossier[]> {
      const dates = days.map((day): LocalDate => {
        const [year, month, date] = day.split('-').map(Number) as [number, number, number];
        return { year, month, day: date };
      });
      const counts = await Promise.all(dates.map((date) => countOn(agencyId, yymmdd(date))));
      const codes = dates.flatMap((date, i) =>
        Array.from({ length: counts[i] ?? 0 }, (_, n) => formatDossierCode(agencyId, date, n + 1)),
      );
      const found: Dossier[] = [];
      for (let i = 0; i < codes.length; i += concurrency) {
        const batch = await Promise.all(codes.slice(i, i + concurrency).map((code) => dossiers.get(code)));
        for (const stored of batch) if (stored) found.push(stored.dossier);
      }
      return found;
    },
  };
}
