/**
 * What the national portal hears of a dossier: each change of its status, with the DVCQG code, in
 * the order it happened. Derived from the timeline (append-only, never trimmed), so the n-th change
 * is the same whichever event or worker looks, and a push carries a deterministic id.
 */
import type { Dossier } from '../dossier/dossier.ts';
import { type DossierStatus, dossierStatuses } from '../dossier/status.ts';

export interface StatusChange {
  /** 1-based position among the dossier's status changes. */
  sequence: number;
  status: DossierStatus;
  /** DVCQG status code 1–10. */
  dvcqgStatus: number;
  at: string;
  /** Vietnamese note the applicant reads (internal notes never leave). */
  note: string;
}

/** The dossier's status changes, oldest first; steps that keep the status (forward, extension…) are not changes. */
export function statusChanges(dossier: Pick<Dossier, 'timeline'>): StatusChange[] {
  const changes: StatusChange[] = [];
  let current: DossierStatus | undefined;
  for (const entry of dossier.timeline) {
    if (!entry.to || entry.to === current) continue;
    current = entry.to;
    const dvcqgStatus = dossierStatuses[entry.to].dvcqg;
    if (dvcqgStatus === null) continue;
    changes.push({ sequence: changes.length + 1, status: entry.to, dvcqgStatus, at: entry.at, note: entry.note });
  }
  return changes;
}

/** The portal's status update: its id is `<code>:<sequence>`, so the portal can drop a repeated push. */
export function statusUpdate(dossier: Pick<Dossier, 'code' | 'external' | 'procedure'>, change: StatusChange) {
  return {
    id: `${dossier.code}:${change.sequence}`,
    dossierCode: dossier.code,
    ...(dossier.external?.dvcqgId ? { dvcqgId: dossier.external.dvcqgId } : {}),
    procedureCode: dossier.procedure.code,
    sequence: change.sequence,
    status: change.dvcqgStatus,
    statusText: dossierStatuses[change.status].vi,
    at: change.at,
    note: change.note,
  };
}

export type StatusUpdate = ReturnType<typeof statusUpdate>;
