import { type Caller, hasRole } from './caller.ts';
import type { Dossier } from './dossier/dossier.ts';

/**
 * Who may read a dossier: its applicant, officials of an agency that holds or has handled it, and
 * auditors. Anyone else is told it does not exist (404), so dossier codes cannot be probed.
 */
export function canReadDossier(
  caller: Caller,
  dossier: Pick<Dossier, 'applicantId' | 'agencyId' | 'handledBy'>,
): boolean {
  if (hasRole(caller, 'citizen') && dossier.applicantId === caller.sub) return true;
  if (hasRole(caller, 'auditor')) return true;
  if (!hasRole(caller, 'receiver', 'specialist', 'leader') || !caller.agencyId) return false;
  return caller.agencyId === dossier.agencyId || (dossier.handledBy ?? []).includes(caller.agencyId);
}

/** An agency's work queue is read by its own officials and by auditors. */
export function canReadWorkQueue(caller: Caller, agencyId: string): boolean {
  if (hasRole(caller, 'auditor')) return true;
  return hasRole(caller, 'receiver', 'specialist', 'leader') && caller.agencyId === agencyId;
}

/** Internal notes of the timeline are for officials only. */
export const seesInternalNotes = (caller: Caller): boolean =>
  hasRole(caller, 'receiver', 'specialist', 'leader', 'auditor', 'admin');
