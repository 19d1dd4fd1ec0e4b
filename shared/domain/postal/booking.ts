import type { Decision, Dossier } from '../dossier/dossier.ts';
import { hasSignedResult } from '../dossier/signed-result.ts';
import { finalStatuses } from '../dossier/transitions.ts';
import { feeOutstanding } from '../fees/dossier-fee.ts';
import { toVnIso } from '../time.ts';
import { type PostalShipment, type ShipmentKind, shipmentLabel } from './shipment.ts';

/**
 * The shipments to book now: the pickup as soon as a postal filing is in (unless the dossier was
 * closed first); the delivery once the dossier is decided and nothing stands in the way of returning
 * it (a fee due at result must be paid first: a result is never returned unpaid; the result must be
 * signed: it is returned only once signed, and the post carries the signed result).
 */
export function shipmentsDue(dossier: Dossier): ShipmentKind[] {
  const due: ShipmentKind[] = [];
  const { pickup, delivery } = dossier.postal ?? {};
  if (pickup && !pickup.waybill && !finalStatuses.includes(dossier.status)) due.push('pickup');
  if (
    delivery &&
    !delivery.waybill &&
    dossier.status === 'decided' &&
    feeSettled(dossier) &&
    hasSignedResult(dossier)
  ) {
    due.push('delivery');
  }
  return due;
}

const feeSettled = (dossier: Dossier): boolean => dossier.fee?.due !== 'result' || !feeOutstanding(dossier.fee);

export interface Booking {
  waybill: string;
  bookedAt: Date;
}

const bookedNote: Record<ShipmentKind, string> = {
  pickup: 'Bưu điện sẽ liên hệ để nhận hồ sơ giấy tại địa chỉ Ông/Bà đã đăng ký và chuyển đến cơ quan giải quyết.',
  delivery: 'Kết quả sẽ được chuyển phát đến địa chỉ Ông/Bà đã đăng ký.',
};

/**
 * Records the carrier's waybill on the shipment with a system timeline entry. No status change and no
 * event: the applicant reads it on the timeline. Returns undefined when the shipment is already booked
 * (a redelivered message) or was never asked for.
 */
export function recordBooking(dossier: Dossier, kind: ShipmentKind, booking: Booking): Decision | undefined {
  const shipment = dossier.postal?.[kind];
  if (!shipment || shipment.waybill) return undefined;
  const at = toVnIso(booking.bookedAt);
  const booked: PostalShipment = { ...shipment, waybill: booking.waybill, bookedAt: at };
  const next: Dossier = {
    ...dossier,
    version: dossier.version + 1,
    postal: { ...dossier.postal, [kind]: booked },
    timeline: [
      ...dossier.timeline,
      {
        at,
        actor: { sub: 'system', role: 'system' },
        action: 'postal-booked',
        from: dossier.status,
        to: dossier.status,
        agencyId: dossier.agencyId,
        note: `Đã đặt dịch vụ bưu chính ${shipmentLabel[kind]}: mã vận đơn ${booking.waybill}. ${bookedNote[kind]}`,
      },
    ],
  };
  return { dossier: next, events: [] };
}
