import { shipmentsDue } from '../postal/booking.ts';
import type { Reach } from '../events.ts';
import type { Dossier } from './dossier.ts';

/**
 * Whom and what a dossier's event can reach, carried on the event so a relay sends it only to the
 * consumers that will act on it (shared/domain/event-interest.ts): the applicant's e-mail and phone
 * as filed, and whether a postal shipment is due now.
 */
export function reachOf(dossier: Dossier): Reach[] {
  return [
    ...(dossier.applicant.email ? (['email'] as const) : []),
    ...(dossier.applicant.phone ? (['phone'] as const) : []),
    ...(shipmentsDue(dossier).length > 0 ? (['shipment'] as const) : []),
  ];
}
