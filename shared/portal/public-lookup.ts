import type { StoredDossier } from '../use-cases/ports/dossier-repository.ts';
import type { LookupResult } from './pages/lookup.ts';

/**
 * The lookup page also lists the timeline a code-and-PIN holder may see: when, and the applicant's
 * note; never actors, internal notes or hashes. Read only after the lookup use case has checked the
 * PIN (and counted a wrong one), so it adds no way around the lockout.
 */
export function lookupWithTimeline(
  lookup: (body: { code: string; pin: string }, client: string) => Promise<Omit<LookupResult, 'timeline'>>,
  dossiers: { get: (code: string) => Promise<StoredDossier | undefined> },
) {
  return async (body: { code: string; pin: string }, client: string): Promise<LookupResult> => {
    const result = await lookup(body, client);
    const stored = await dossiers.get(body.code);
    const timeline = (stored?.dossier.timeline ?? []).map(({ at, note }) => ({ at, note }));
    return { ...result, timeline };
  };
}
