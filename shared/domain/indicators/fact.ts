/**
 * The per-dossier fact the reports count: what a dossier's latest state says about the indicators,
 * with every instant that places it in a period. Facts are stored per competent agency and month;
 * a report classifies each fact against the period's bounds, so a fact holding a later state than
 * the month it sits in is still counted right.
 */
import type { Channel, Dossier } from '../dossier/dossier.ts';
import { hasSignedResult } from '../dossier/signed-result.ts';
import type { DossierStatus } from '../dossier/status.ts';
import type { ServiceLevel } from '../procedure.ts';

export interface DossierFact {
  code: string;
  /** The dossier version the fact was taken from: a write only replaces an older fact. */
  version: number;
  /** Counted once, here, whichever agencies held it during joint legs. */
  competentAgencyId: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  /** The procedure's service level when the dossier was filed. */
  serviceLevel: ServiceLevel;
  channel: Channel;
  status: DossierStatus;
  submittedAt: string;
  dueAt: string;
  /** The appointment before the one allowed extension. */
  originalDueAt?: string;
  /** Decided (status 9), approved or refused with reasons. */
  decidedAt?: string;
  /** Refused at intake (3), withdrawn (7) or stopped (8). */
  endedAt?: string;
  /** Instants of every supplement request. */
  supplementRequests: string[];
  /** Working hours from receipt (or filing) to the decision, in the competent agency's calendar. */
  processingWorkingHours?: number;
  feeBearing: boolean;
  paidOnline: boolean;
  /**
   * The dossier's documents are electronic: at least one verified file the applicant uploaded
   * online, a paper scanned at the counter, or a file the national portal holds (QĐ 766/QĐ-TTg,
   * nhóm "Số hóa hồ sơ": hồ sơ có thành phần hồ sơ số hóa).
   */
  digitised: boolean;
  /** How many of its documents are electronic (absent in facts stored before it was counted). */
  digitisedDocuments?: number;
  /** The result was issued as a signed electronic document: the timeline holds `result-signed`. */
  electronicResult: boolean;
  /**
   * The national portal (DVCQG) holds the dossier: filed there, or at least one of its status
   * changes acknowledged by it (QĐ 766/QĐ-TTg, nhóm "Công khai, minh bạch": hồ sơ đồng bộ lên Cổng
   * DVCQG). Absent in facts stored before it was counted: read as not synchronised.
   */
  dvcqgSynced?: boolean;
  /** The applicant's rating, 1–5, once given after the return. */
  rating?: number;
}

export interface ProcedureFacts {
  name: string;
  field: string;
  serviceLevel: ServiceLevel;
}

const closingStatuses: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped'];

/** What the dossier item alone does not say: read by the caller from the documents and the DVCQG sync item. */
export interface FactEvidence {
  /** Verified electronic documents of the dossier (uploads, counter scans, the portal's files). */
  digitisedDocuments: number;
  /** At least one status change acknowledged by DVCQG. */
  dvcqgAcknowledged: boolean;
}

/**
 * How much evidence a fact holds beyond its dossier version: documents only get verified (never
 * unverified) and an acknowledgement is never taken back, so a fact of the same version with more
 * evidence may replace the stored one (the write stays idempotent and monotone).
 */
export const evidenceOf = (fact: Pick<DossierFact, 'digitisedDocuments' | 'dvcqgSynced'>): number =>
  (fact.digitisedDocuments ?? 0) * 2 + (fact.dvcqgSynced ? 1 : 0);

/**
 * The fact of a dossier's current state. `processingWorkingHours` is computed by the caller with the
 * agency's calendar; `evidence` (documents, DVCQG acknowledgement) is read by the caller too.
 */
export function factOf(
  dossier: Dossier,
  procedure: ProcedureFacts,
  processingWorkingHours?: number,
  evidence: FactEvidence = { digitisedDocuments: 0, dvcqgAcknowledged: false },
): DossierFact {
  const supplementRequests = dossier.timeline.filter((e) => e.to === 'supplement-requested').map((e) => e.at);
  const ending = closingStatuses.includes(dossier.status)
    ? [...dossier.timeline].reverse().find((e) => e.to === dossier.status)?.at
    : undefined;
  return {
    code: dossier.code,
    version: dossier.version,
    competentAgencyId: dossier.competentAgencyId,
    procedureCode: dossier.procedure.code,
    procedureName: procedure.name,
    field: procedure.field,
    serviceLevel: procedure.serviceLevel,
    channel: dossier.channel,
    status: dossier.status,
    submittedAt: dossier.submittedAt,
    dueAt: dossier.dueAt,
    ...(dossier.originalDueAt ? { originalDueAt: dossier.originalDueAt } : {}),
    ...(dossier.decision ? { decidedAt: dossier.decision.decidedAt } : {}),
    ...(ending ? { endedAt: ending } : {}),
    supplementRequests,
    ...(dossier.decision && processingWorkingHours !== undefined ? { processingWorkingHours } : {}),
    feeBearing: dossier.fee !== null && dossier.fee.amount > 0,
    paidOnline: dossier.fee?.paidOnline === true,
    digitised: evidence.digitisedDocuments > 0,
    digitisedDocuments: evidence.digitisedDocuments,
    // The signed result is recorded on the timeline where it is stored (shared/domain/dossier/signed-result.ts).
    electronicResult: dossier.decision !== undefined && hasSignedResult(dossier),
    // Filed on the portal: the portal holds it from the start (its sync counts one-way as well).
    dvcqgSynced: dossier.channel === 'dvcqg' || evidence.dvcqgAcknowledged,
    ...(dossier.rating ? { rating: dossier.rating.score } : {}),
  };
}

/** When the dossier left the open statuses (decided, refused, withdrawn, stopped), if it did. */
export const closedAt = (fact: Pick<DossierFact, 'decidedAt' | 'endedAt'>): string | undefined =>
  fact.decidedAt ?? fact.endedAt;
