/**
 * The per-dossier fact the reports count: what a dossier's latest state says about the indicators,
 * with every instant that places it in a period. Facts are stored per competent agency and month;
 * a report classifies each fact against the period's bounds, so a fact holding a later state than
 * the month it sits in is still counted right.
 */
import type { Channel, Dossier } from '../dossier/dossier.ts';
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
  /** Papers digitised at intake or documents filed electronically (none tracked yet: false). */
  digitised: boolean;
  /** The result issued as a signed electronic document (none tracked yet: false). */
  electronicResult: boolean;
  /** The applicant's rating, 1–5, once given after the return. */
  rating?: number;
}

export interface ProcedureFacts {
  name: string;
  field: string;
  serviceLevel: ServiceLevel;
}

const closingStatuses: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped'];

/** The fact of a dossier's current state. `processingWorkingHours` is computed by the caller with the agency's calendar. */
export function factOf(dossier: Dossier, procedure: ProcedureFacts, processingWorkingHours?: number): DossierFact {
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
    digitised: false,
    electronicResult: false,
    ...(dossier.rating ? { rating: dossier.rating.score } : {}),
  };
}

/** When the dossier left the open statuses (decided, refused, withdrawn, stopped), if it did. */
export const closedAt = (fact: Pick<DossierFact, 'decidedAt' | 'endedAt'>): string | undefined =>
  fact.decidedAt ?? fact.endedAt;
