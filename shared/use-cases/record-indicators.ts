import type { DocumentRepository } from './ports/document-repository.ts';
import type { DossierRepository } from './ports/dossier-repository.ts';
import type { DvcqgSyncRepository } from './ports/dvcqg-sync-repository.ts';
import type { DossierDocument } from '../domain/documents/document.ts';
import type { IndicatorFactRepository } from './ports/indicator-fact-repository.ts';
import { type WorkingCalendar, workingHoursBetween } from '../domain/calendar/index.ts';
import type { Dossier } from '../domain/dossier/dossier.ts';
import type { DomainEvent } from '../domain/events.ts';
import { closedAt, type FactEvidence, factOf, type ProcedureFacts } from '../domain/indicators/fact.ts';
import { monthOf, monthsBetween } from '../domain/indicators/period.ts';
import type { Procedure } from '../domain/procedure.ts';
import { eventsOfWrite } from './relay-events.ts';

export interface RecordIndicatorsDeps {
  dossiers: Pick<DossierRepository, 'get'>;
  catalogue: { procedureVersion(code: string, version: number): Promise<Procedure | undefined> };
  calendarFor: (agencyId: string) => Promise<WorkingCalendar>;
  facts: Pick<IndicatorFactRepository, 'put'>;
  /** The dossier's documents (one Query on its partition): which of them are electronic. */
  documents: Pick<DocumentRepository, 'list'>;
  /** The dossier's DVCQG sync item: how many status changes the portal acknowledged. */
  sync: Pick<DvcqgSyncRepository, 'acknowledged'>;
  now: () => Date;
}

/**
 * A document counts as electronic for the digitisation indicators (QĐ 766/QĐ-TTg, chỉ số 4.2 "hồ sơ
 * có thành phần hồ sơ số hóa") when it is a component of the dossier and its bytes are here and
 * verified — an upload by the applicant online or a paper scanned at the counter (`digitised`) —
 * or it is a file the national portal keeps for a dossier filed there. The platform's own forms,
 * receipts and the result are not components of the dossier.
 */
export const isDigitisedDocument = (d: Pick<DossierDocument, 'kind' | 'status'>): boolean =>
  (d.kind === 'upload' && d.status === 'verified') || (d.kind === 'referenced' && d.status === 'referenced');

/** Never write further ahead than this many months, whatever the clocks say. */
const maxMonthsForward = 24;

/**
 * Keeps the dossier's indicator fact: its latest state, in its competent agency's partition of the
 * event's month and, while it stays open, of every month up to now (carry-over on first touch; the
 * month close carries the untouched ones). Conditional on the dossier version, so idempotent.
 */
export function recordIndicators(deps: RecordIndicatorsDeps) {
  const procedures = new Map<string, Promise<Procedure | undefined>>();
  const procedureOf = (code: string, version: number) => {
    const key = `${code}@${version}`;
    let found = procedures.get(key);
    if (!found) {
      found = deps.catalogue.procedureVersion(code, version);
      procedures.set(key, found);
    }
    return found;
  };

  return async (
    event: Pick<DomainEvent, 'dossierCode' | 'occurredAt'> & {
      fromFiling?: boolean;
      /** The dossier as written, when the caller holds it (the table's stream): not read again. */
      dossier?: Dossier;
    },
  ): Promise<void> => {
    const dossier = event.dossier ?? (await deps.dossiers.get(event.dossierCode))?.dossier;
    if (!dossier) return;
    const evidence: FactEvidence = {
      digitisedDocuments: (await deps.documents.list(dossier.code)).filter(isDigitisedDocument).length,
      dvcqgAcknowledged: (await deps.sync.acknowledged(dossier.code)) > 0,
    };
    const procedure = await procedureOf(dossier.procedure.code, dossier.procedure.version);
    const facts: ProcedureFacts = procedure
      ? { name: procedure.name, field: procedure.field, serviceLevel: procedure.serviceLevel }
      : { name: dossier.procedure.name, field: 'Chưa xác định', serviceLevel: 'partly-online' };
    const hours = dossier.decision
      ? workingHoursBetween(
          await deps.calendarFor(dossier.competentAgencyId),
          new Date(dossier.receivedAt ?? dossier.submittedAt),
          new Date(dossier.decision.decidedAt),
        )
      : undefined;
    const fact = factOf(dossier, facts, hours, evidence);
    // Evidence that arrives without a new dossier version (the portal's acknowledgement) concerns
    // the month the dossier was filed in, too: `fromFiling` writes from there.
    const first = monthOf(new Date(event.fromFiling ? dossier.submittedAt : event.occurredAt));
    const closed = closedAt(fact);
    const last = monthOf(closed ? new Date(closed) : deps.now());
    const months = monthsBetween(first, last > first ? last : first).slice(0, maxMonthsForward);
    for (const month of months) await deps.facts.put(fact, month);
  };
}

/**
 * What a dossier write, as the table's stream carries it, asks of the facts: the dossier as written, from
 * the first of its events' instants; nothing for a write without events, or whose outbox is an earlier
 * version's. Every write with events is one the stream's filter lets through: each is recorded (the
 * routing to intake changes no count, but its invocation then keeps the fact at the dossier's version
 * rather than doing nothing).
 */
export function factInputOf(written: {
  dossier: Dossier;
  outbox: readonly DomainEvent[];
  outboxVersion?: number;
}): { dossierCode: string; occurredAt: string; dossier: Dossier } | undefined {
  const events = eventsOfWrite({ ...written, version: written.dossier.version });
  if (events.length === 0) return undefined;
  const instants = events.map((e) => Date.parse(e.occurredAt));
  const first = events[instants.indexOf(Math.min(...instants))] as DomainEvent;
  return { dossierCode: written.dossier.code, occurredAt: first.occurredAt, dossier: written.dossier };
}
