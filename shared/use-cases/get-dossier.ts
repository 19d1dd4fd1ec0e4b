import { z } from 'zod';
import type { DossierRepository } from '../adapters/dynamo/dossier-repository.ts';
import { canReadDossier, seesInternalNotes } from '../domain/authorization.ts';
import type { Caller } from '../domain/caller.ts';
import { dossierCodePattern } from '../domain/dossier/code.ts';
import type { Dossier } from '../domain/dossier/dossier.ts';
import { dossierStatuses } from '../domain/dossier/status.ts';
import { RuleViolation } from '../domain/rule-violation.ts';

export const DossierCodeParams = z.object({
  code: z.string().regex(dossierCodePattern, 'Mã hồ sơ không đúng định dạng'),
});

const notFound = () => new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ.');

/** What a reader is shown: never the PIN hash, and internal notes only to officials. */
export function dossierView(dossier: Dossier, caller: Caller) {
  const { pinHash: _pinHash, timeline, ...rest } = dossier;
  return {
    ...rest,
    statusText: dossierStatuses[dossier.status].vi,
    dvcqgStatus: dossierStatuses[dossier.status].dvcqg,
    timeline: seesInternalNotes(caller) ? timeline : timeline.filter((entry) => !entry.internal),
  };
}

export function getDossier(dossiers: DossierRepository) {
  return async (caller: Caller, code: string) => {
    const stored = await dossiers.get(code);
    if (!stored || !canReadDossier(caller, stored.dossier)) throw notFound();
    return dossierView(stored.dossier, caller);
  };
}
