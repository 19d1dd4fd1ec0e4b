import type { DossierRepository, StoredDossier } from './ports/dossier-repository.ts';
import type { Decision } from '../domain/dossier/dossier.ts';
import { RuleViolation } from '../domain/rule-violation.ts';

const attempts = 3;

/**
 * How a worker changes a dossier: read it, decide (domain), save on the version read; the write's
 * events go out from the table's stream (relay-events.ts). A rule that returns nothing means the change
 * is already there (a redelivered event); a concurrent change is met by re-reading and deciding again.
 */
export async function changeDossier(
  deps: { dossiers: DossierRepository },
  code: string,
  decide: (stored: StoredDossier) => Promise<Decision | undefined> | Decision | undefined,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const stored = await deps.dossiers.get(code);
    if (!stored) throw new Error(`Dossier ${code} not found`);
    const decision = await decide(stored);
    if (!decision) return;
    try {
      await deps.dossiers.save(stored.dossier, decision);
      return;
    } catch (error) {
      const lostRace = error instanceof RuleViolation && error.code === 'version-conflict';
      if (!lostRace || attempt >= attempts) throw error;
    }
  }
}
