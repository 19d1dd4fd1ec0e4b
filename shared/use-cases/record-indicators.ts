import type { DossierRepository } from '../adapters/dynamo/dossier-repository.ts';
import type { IndicatorFactRepository } from '../adapters/dynamo/indicator-facts.ts';
import { type WorkingCalendar, workingHoursBetween } from '../domain/calendar/index.ts';
import type { DomainEvent } from '../domain/events.ts';
import { closedAt, factOf, type ProcedureFacts } from '../domain/indicators/fact.ts';
import { monthOf, monthsBetween } from '../domain/indicators/period.ts';
import type { Procedure } from '../domain/procedure.ts';

export interface RecordIndicatorsDeps {
  dossiers: Pick<DossierRepository, 'get'>;
  catalogue: { procedureVersion(code: string, version: number): Promise<Procedure | undefined> };
  calendarFor: (agencyId: string) => Promise<WorkingCalendar>;
  facts: Pick<IndicatorFactRepository, 'put'>;
  now: () => Date;
}

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

  return async (event: Pick<DomainEvent, 'dossierCode' | 'occurredAt'>): Promise<void> => {
    const stored = await deps.dossiers.get(event.dossierCode);
    if (!stored) return;
    const { dossier } = stored;
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
    const fact = factOf(dossier, facts, hours);
    const first = monthOf(new Date(event.occurredAt));
    const closed = closedAt(fact);
    const last = monthOf(closed ? new Date(closed) : deps.now());
    const months = monthsBetween(first, last > first ? last : first).slice(0, maxMonthsForward);
    for (const month of months) await deps.facts.put(fact, month);
  };
}
