import { type DomainEvent, eventId } from '../events.ts';
import type { Dossier, FormNumber } from './dossier.ts';
import { reachOf } from './reach.ts';
import type { DossierStatus } from './status.ts';

/** The event every lifecycle step records: notifications, the portal sync and reports read it. */
export function dossierChanged(
  dossier: Dossier,
  action: string,
  from: DossierStatus,
  extra: { form?: FormNumber; notifyOfficials?: string[] } = {},
): DomainEvent<'DossierChanged'> {
  const at = dossier.timeline.at(-1)?.at ?? dossier.submittedAt;
  return {
    id: eventId(dossier.code, dossier.version, 'DossierChanged'),
    type: 'DossierChanged',
    dossierCode: dossier.code,
    occurredAt: at,
    data: {
      applicantId: dossier.applicantId,
      agencyId: dossier.agencyId,
      action,
      from,
      to: dossier.status,
      dueAt: dossier.dueAt,
      ...(extra.form ? { form: extra.form } : {}),
      ...(extra.notifyOfficials && extra.notifyOfficials.length > 0 ? { notifyOfficials: extra.notifyOfficials } : {}),
      reach: reachOf(dossier),
    },
  };
}
