import { summaryOf } from '../../../shared/domain/catalogue/search.ts';
import { contentOf, procedureVersionTaken, sameContent } from '../../../shared/domain/catalogue/versioning.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import type { CatalogueRepository } from '../../../shared/use-cases/ports/catalogue-repository.ts';
import { byKey, copy } from './page.ts';

/**
 * The catalogue in memory, uncached. A version is written once (another content under a taken version
 * is the adapter's conflict; the same content is `already-stored`); the current copy never moves back.
 * `current` lists procedures whose newest version is not current (an interrupted save), as stored.
 */
export function fakeCatalogueRepository(
  initial: readonly Procedure[] = [],
  current: readonly Procedure[] = [],
): CatalogueRepository {
  const versions = new Map<string, Procedure>();
  const currents = new Map<string, Procedure>();
  const versionKey = (code: string, version: number) => `${code}#${version}`;
  const makeCurrent = (procedure: Procedure) => {
    if ((currents.get(procedure.code)?.version ?? -Infinity) < procedure.version)
      currents.set(procedure.code, copy(procedure));
  };
  const load = (procedures: readonly Procedure[]) => {
    for (const p of procedures) versions.set(versionKey(p.code, p.version), copy(p));
    for (const p of procedures) makeCurrent(p);
  };
  load(initial);
  for (const p of current) currents.set(p.code, copy(p));

  const currentProcedure = async (code: string) => {
    const procedure = currents.get(code);
    return procedure && copy(procedure);
  };

  return {
    currentProcedure,
    storedCurrentProcedure: currentProcedure,
    async procedureVersion(code, version) {
      const procedure = versions.get(versionKey(code, version));
      return procedure && copy(procedure);
    },
    async latestVersion(code) {
      const mine = [...versions.values()].filter((p) => p.code === code).sort((a, b) => b.version - a.version);
      return mine[0] && copy(mine[0]);
    },
    async putProcedure(procedure) {
      const key = versionKey(procedure.code, procedure.version);
      const taken = versions.get(key);
      if (taken && !sameContent(contentOf(taken), contentOf(procedure))) {
        throw procedureVersionTaken(procedure.code, procedure.version);
      }
      if (!taken) versions.set(key, copy(procedure));
      makeCurrent(procedure);
      return taken ? 'already-stored' : 'created';
    },
    async importProcedures(procedures) {
      load(procedures);
    },
    async listSummaries() {
      return [...currents.values()].map(summaryOf).sort(byKey((s) => s.code));
    },
  };
}
