import { type Caller, hasRole } from '../domain/caller.ts';
import type { Dossier, TimelineEntry } from '../domain/dossier/dossier.ts';
import { dossierStatuses, isOpen } from '../domain/dossier/status.ts';
import { seesInternalNotes } from '../domain/authorization.ts';

/** Late: past its appointment and still open (not yet decided or closed). */
export const isOverdue = (dossier: Pick<Dossier, 'status' | 'dueAt'>, now: Date): boolean =>
  isOpen(dossier.status) && now.getTime() > Date.parse(dossier.dueAt);

const flagsOf = (dossier: Dossier, now: Date) => ({
  overdue: isOverdue(dossier, now),
  extended: dossier.originalDueAt !== undefined,
  returnedEarly: dossier.decision !== undefined && dossier.decision.decidedAt.slice(0, 10) < dossier.dueAt.slice(0, 10),
});

/**
 * One timeline entry as its reader sees it: the entry itself, whose `hash`/`prevHash` (auditors and admins)
 * and `internalNote` (officials) are absent for the other readers.
 */
export type TimelineView = TimelineEntry;

/** The chain hashes are an audit artefact: shown to auditors and admins, left out for everyone else. */
export function timelineView(dossier: Dossier, caller: Caller): TimelineView[] {
  const timeline = hasRole(caller, 'auditor', 'admin')
    ? dossier.timeline
    : dossier.timeline.map(({ hash: _hash, prevHash: _prevHash, ...entry }) => entry);
  return seesInternalNotes(caller) ? timeline : timeline.map(({ internalNote: _internalNote, ...entry }) => entry);
}

/** What a reader is shown: never the PIN hash, and internal notes only to officials. */
export function dossierView(dossier: Dossier, caller: Caller, now: Date) {
  const { pinHash: _pinHash, timeline: _timeline, ...rest } = dossier;
  return {
    ...rest,
    statusText: dossierStatuses[dossier.status].vi,
    dvcqgStatus: dossierStatuses[dossier.status].dvcqg,
    flags: flagsOf(dossier, now),
    timeline: timelineView(dossier, caller),
  };
}

/** `GET /v1/dossiers/{code}`: one dossier as its reader sees it (every instant an ISO string already). */
export type DossierView = ReturnType<typeof dossierView>;

/** One line of a list: enough to pick the dossier, nothing personal beyond the applicant's name. */
export function dossierSummary(dossier: Dossier, now: Date) {
  return {
    code: dossier.code,
    procedure: dossier.procedure,
    status: dossier.status,
    statusText: dossierStatuses[dossier.status].vi,
    agencyId: dossier.agencyId,
    applicantName: dossier.applicant.fullName,
    submittedAt: dossier.submittedAt,
    dueAt: dossier.dueAt,
    ...(dossier.workQueue ? { step: dossier.workQueue.stepName, assigneeId: dossier.workQueue.assigneeId } : {}),
    flags: flagsOf(dossier, now),
    version: dossier.version,
  };
}

/** One item of `GET /v1/me/dossiers` and of an agency's work queue. */
export type DossierSummary = ReturnType<typeof dossierSummary>;
