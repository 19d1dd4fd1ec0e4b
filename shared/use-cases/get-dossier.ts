import * as z from 'zod/mini';
import type { DossierRepository, StoredDossier } from './ports/dossier-repository.ts';
import { canReadDossier } from '../domain/authorization.ts';
import type { Caller } from '../domain/caller.ts';
import { dossierCodePattern } from '../domain/dossier/code.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { dossierView, timelineView } from './dossier-view.ts';

export const DossierCodeParams = z.strictObject({
  code: z.string().check(z.regex(dossierCodePattern, 'Mã hồ sơ không đúng định dạng')),
});

const notFound = () => new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ.');

/** The dossier if the caller may read it; otherwise the same 404 as for a code that does not exist. */
export async function readableDossier(
  dossiers: DossierRepository,
  caller: Caller,
  code: string,
): Promise<StoredDossier> {
  const stored = await dossiers.get(code);
  if (!stored || !canReadDossier(caller, stored.dossier)) throw notFound();
  return stored;
}

export function getDossier(dossiers: DossierRepository, now: () => Date) {
  return async (caller: Caller, code: string) =>
    dossierView((await readableDossier(dossiers, caller, code)).dossier, caller, now());
}

export function getDossierTimeline(dossiers: DossierRepository) {
  return async (caller: Caller, code: string) => {
    const { dossier } = await readableDossier(dossiers, caller, code);
    return { code: dossier.code, version: dossier.version, timeline: timelineView(dossier, caller) };
  };
}
