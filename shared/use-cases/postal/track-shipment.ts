import * as z from 'zod/mini';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import type { PostalWaybills } from '../ports/postal-waybills.ts';
import { trackingStatuses } from '../../domain/postal/shipment.ts';
import { applyTracking } from '../../domain/postal/tracking.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { changeDossier } from '../change-dossier.ts';

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** The carrier's tracking callback. Not strict: a carrier may add fields we do not read. */
export const TrackingBody = z.object({
  eventId: id,
  waybill: id,
  status: z.enum(trackingStatuses),
  at: z.iso.datetime({ offset: true }),
  location: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
});
export type TrackingBody = z.output<typeof TrackingBody>;

export interface TrackShipmentDeps {
  dossiers: DossierRepository;
  waybills: PostalWaybills;
  now: () => Date;
}

/**
 * Applies a tracking callback to the dossier the waybill belongs to. Idempotent on the carrier's event
 * id: a re-sent or out-of-order event is answered 200 with `applied: false` and changes nothing.
 */
export function trackShipment(deps: TrackShipmentDeps) {
  return async (body: TrackingBody) => {
    const ref = await deps.waybills.get(body.waybill);
    if (!ref) throw new RuleViolation('not-found', 'unknown-waybill', `Không có bưu gửi mã ${body.waybill}.`);
    let applied = false;
    await changeDossier(deps, ref.dossierCode, ({ dossier }) => {
      const decision = applyTracking(dossier, ref.kind, body, deps.now());
      applied = decision !== undefined;
      return decision;
    });
    return { waybill: body.waybill, eventId: body.eventId, applied };
  };
}
