import { type Caller, hasRole } from './caller.ts';
import type { Dossier } from './dossier/dossier.ts';

/**
 * Who may read a dossier: its applicant, officials of the agency that holds it, and auditors.
 * Anyone else is told it does not exist (404), so dossier codes cannot be probed.
 */
export function canReadDossier(caller: Caller, dossier: Pick<Dossier, 'applicantId' | 'agencyId'>): boolean {
  if (hasRole(caller, 'citizen') && dossier.applicantId === caller.sub) return true;
  if (hasRole(caller, 'auditor')) return true;
  return hasRole(caller, 'receiver', 'specialist', 'leader') && caller.agencyId === dossier.agencyId;
}

/** Internal notes of the timeline are for officials only. */
export const seesInternalNotes = (caller: Caller): boolean =>
  hasRole(caller, 'receiver', 'specialist', 'leader', 'auditor', 'admin');
