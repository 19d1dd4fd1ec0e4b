import type { DossierCounter } from '../../../shared/use-cases/ports/dossier-counter.ts';

/** Dossier numbers per agency and local day, as dynamo/dossier-counter.ts's atomic ADD: never the same twice, never reused. */
export function fakeDossierCounter(): DossierCounter & { issued: Map<string, number> } {
  const issued = new Map<string, number>();
  return {
    issued,
    async next(agencyId, yymmdd) {
      const key = `${agencyId}#${yymmdd}`;
      const sequence = (issued.get(key) ?? 0) + 1;
      issued.set(key, sequence);
      return sequence;
    },
  };
}
