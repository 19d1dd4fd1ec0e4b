/**
 * Domain events. A state change records its events in the dossier's outbox in the same
 * conditional write; relays deliver them to the queues of the functions that consume them.
 */
export const eventTypes = ['DossierSubmitted', 'DossierRouted', 'DossierChanged', 'ReportRequested'] as const;
export type EventType = (typeof eventTypes)[number];

export interface DomainEvent<T extends EventType = EventType> {
  /** Unique and deterministic for one state change: consumers deduplicate on it. */
  id: string;
  type: T;
  dossierCode: string;
  occurredAt: string;
  data: EventData[T];
}

/**
 * What a dossier's event can reach (shared/domain/dossier/reach.ts): the applicant's e-mail and phone,
 * a postal shipment due now. An event without it (recorded before it existed) is sent to every consumer.
 */
export type Reach = 'email' | 'phone' | 'shipment';

export interface EventData {
  DossierSubmitted: {
    applicantId: string;
    agencyId: string;
    procedureCode: string;
    /** The status the filing left the dossier in: `received` when filed at a desk. */
    to?: string;
    reach?: Reach[];
  };
  DossierRouted: { applicantId: string; agencyId: string; agencyName: string; dueAt: string; reach?: Reach[] };
  /** A lifecycle step: who should hear of it reads the action and the statuses. */
  DossierChanged: {
    applicantId: string;
    agencyId: string;
    action: string;
    from: string;
    to: string;
    dueAt: string;
    /** Officials the step concerns (an assignee, the agency a dossier was transferred to). */
    notifyOfficials?: string[];
    form?: string;
    reach?: Reach[];
  };
  /**
   * A report to compute (shared/use-cases/reports.ts). Not a dossier event: it travels in its own
   * envelope (shared/adapters/sqs/report-requests.ts, no dossierCode) from the report API and the
   * report schedule to the `report` worker.
   */
  ReportRequested: { reportId: string; agencyId: string };
}

/** Event ids derive from the dossier version that produced them, so a retried write yields the same id. */
export function eventId(dossierCode: string, version: number, type: EventType): string {
  return `${dossierCode}:${version}:${type}`;
}
