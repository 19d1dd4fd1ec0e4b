/**
 * The public postal service (bưu chính công ích, docs/domain.md "Postal service"): the applicant may have
 * the post office pick the paper dossier up (filing by post) and/or deliver the result (return by
 * post). Each is one shipment, booked once with the carrier and followed by its tracking callbacks.
 */
export type ShipmentKind = 'pickup' | 'delivery';

export const trackingStatuses = [
  'accepted',
  'in-transit',
  'delivered',
  'failed-delivery',
  'returned-to-sender',
] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

/** What the applicant asked for, and once booked, the carrier's waybill and where the shipment is. */
export interface PostalShipment {
  /** Where the post office picks up, or delivers to. */
  address: string;
  /** The contact the postman calls. Personal data: never logged. */
  phone?: string;
  /** Our reference with the carrier, deterministic so a retried booking is the same booking. */
  shipmentId: string;
  waybill?: string;
  bookedAt?: string;
  status?: TrackingStatus;
  /** The carrier's tracking event ids already applied (bounded): a re-sent event changes nothing. */
  trackedEvents?: string[];
}

export interface PostalService {
  pickup?: PostalShipment;
  delivery?: PostalShipment;
}

export const shipmentIdOf = (dossierCode: string, kind: ShipmentKind): string => `${dossierCode}-${kind}`;

/** Kept event ids per shipment: far more than a parcel's hops, small enough for the dossier item. */
export const maxTrackedEvents = 50;

export const shipmentLabel: Record<ShipmentKind, string> = {
  pickup: 'thu gom hồ sơ',
  delivery: 'chuyển phát kết quả',
};
