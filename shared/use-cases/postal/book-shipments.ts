import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import type { PostalWaybills } from '../ports/postal-waybills.ts';
import { actsOn } from '../../domain/event-interest.ts';
import type { DomainEvent } from '../../domain/events.ts';
import { recordBooking, shipmentsDue } from '../../domain/postal/booking.ts';
import { type ShipmentRequest, shipmentRequest } from '../../domain/postal/request.ts';
import { changeDossier } from '../change-dossier.ts';

export interface BookShipmentsDeps {
  dossiers: DossierRepository;
  agencies: Pick<AgencyRepository, 'get'>;
  waybills: PostalWaybills;
  /** Books with the carrier; the same shipmentId always yields the same waybill (the carrier's idempotency). */
  book: (request: ShipmentRequest) => Promise<{ waybill: string }>;
  now: () => Date;
}

/**
 * On an event that left a shipment due (the pickup of a postal filing, the delivery of a signed
 * result returned by post: its reach names `shipment`), books the shipments due and records each waybill. Idempotent: a booked shipment is not due any more; a
 * booking whose save failed is booked again under the same shipmentId, which the carrier answers with
 * the same waybill, and the waybill index is written before the dossier so a callback always finds it.
 */
export function bookShipments(deps: BookShipmentsDeps) {
  return async (event: DomainEvent): Promise<void> => {
    if (!actsOn('books-shipment', event)) return;
    const stored = await deps.dossiers.get(event.dossierCode);
    if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
    const due = shipmentsDue(stored.dossier);
    if (due.length === 0) return;
    // The post brings the papers to, and takes the result from, the service centre that receives and
    // returns for the competent agency (Nghị định 118/2025/NĐ-CP); without one, the agency itself.
    const deskId = stored.dossier.intakeAgencyId ?? stored.dossier.competentAgencyId;
    const agency = await deps.agencies.get(deskId);
    const desk = { id: deskId, name: agency?.name ?? deskId };
    for (const kind of due) {
      const request = shipmentRequest(stored.dossier, kind, desk);
      if (!request) continue;
      const { waybill } = await deps.book(request);
      if (typeof waybill !== 'string' || waybill === '') throw new Error(`No waybill for ${request.shipmentId}`);
      await deps.waybills.put(waybill, { dossierCode: stored.dossier.code, kind });
      await changeDossier(deps, stored.dossier.code, ({ dossier }) =>
        recordBooking(dossier, kind, { waybill, bookedAt: deps.now() }),
      );
    }
  };
}
