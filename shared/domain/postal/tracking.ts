import { type Decision, type Dossier, maxTimelineEntries, type TimelineEntry } from '../dossier/dossier.ts';
import { dossierChanged } from '../dossier/lifecycle-events.ts';
import { RuleViolation } from '../rule-violation.ts';
import { toVnIso } from '../time.ts';
import {
  maxTrackedEvents,
  type PostalShipment,
  type ShipmentKind,
  type TrackingStatus,
  shipmentLabel,
} from './shipment.ts';

/** One tracking callback of the carrier. */
export interface TrackingEvent {
  /** The carrier's id of this event: the same event re-sent carries the same id. */
  eventId: string;
  waybill: string;
  status: TrackingStatus;
  /** When it happened, as the carrier reports it. */
  at: string;
  /** The post office or place, as the carrier names it. */
  location?: string;
  /** The carrier's reason for a failed delivery or a return. */
  reason?: string;
}

/**
 * How far along a shipment is. An event behind the shipment's stage arrived out of order and is
 * ignored; a failed delivery sits beside in-transit since the postman tries again; delivered and
 * returned-to-sender end the shipment.
 */
const stage: Record<TrackingStatus, number> = {
  accepted: 0,
  'in-transit': 1,
  'failed-delivery': 1,
  delivered: 2,
  'returned-to-sender': 2,
};

const finalStage = 2;

function trackingNote(kind: ShipmentKind, event: TrackingEvent): string {
  const where = event.location ? ` (${event.location})` : '';
  const why = event.reason ? ` Lý do: ${event.reason}.` : '';
  const label = shipmentLabel[kind];
  switch (event.status) {
    case 'accepted':
      return kind === 'pickup'
        ? `Bưu điện đã nhận hồ sơ giấy từ Ông/Bà${where}, mã vận đơn ${event.waybill}.`
        : `Bưu điện đã nhận kết quả từ cơ quan giải quyết để chuyển phát${where}, mã vận đơn ${event.waybill}.`;
    case 'in-transit':
      return `Bưu gửi ${label} mã ${event.waybill} đang được vận chuyển${where}.`;
    case 'delivered':
      return kind === 'pickup'
        ? `Bưu điện đã chuyển hồ sơ giấy đến cơ quan giải quyết${where}, mã vận đơn ${event.waybill}.`
        : `Bưu điện đã phát kết quả đến Ông/Bà${where}, mã vận đơn ${event.waybill}.`;
    case 'failed-delivery':
      return `Bưu điện phát bưu gửi ${label} mã ${event.waybill} không thành công${where}.${why} Bưu điện sẽ liên hệ để phát lại.`;
    case 'returned-to-sender':
      return kind === 'pickup'
        ? `Bưu gửi ${label} mã ${event.waybill} được chuyển hoàn về Ông/Bà${where}.${why}`
        : `Bưu gửi ${label} mã ${event.waybill} được chuyển hoàn về cơ quan giải quyết${where}.${why} Ông/Bà vui lòng liên hệ bộ phận một cửa để nhận kết quả.`;
  }
}

/**
 * Applies one tracking callback to the dossier: a system timeline entry the applicant reads, and the
 * shipment's new status. A delivered result completes the return (status 9 → 10, `returnedAt`), as a
 * system `return-result` step with its `DossierChanged`, so notifications, indicators and the portal
 * sync see the same step as a return at the desk. Returns undefined when the event changes nothing:
 * already applied (same event id), or out of order (behind the shipment's stage, or after its end).
 * An event for a waybill the dossier does not hold is not found.
 */
export function applyTracking(
  dossier: Dossier,
  kind: ShipmentKind,
  event: TrackingEvent,
  now: Date,
): Decision | undefined {
  const shipment = dossier.postal?.[kind];
  if (!shipment?.waybill || shipment.waybill !== event.waybill) {
    throw new RuleViolation('not-found', 'unknown-waybill', `Không có bưu gửi mã ${event.waybill}.`);
  }
  if (shipment.trackedEvents?.includes(event.eventId)) return undefined;
  const current = shipment.status ? stage[shipment.status] : -1;
  if (current === finalStage || stage[event.status] < current) return undefined;
  const returns = kind === 'delivery' && event.status === 'delivered' && dossier.status === 'decided';
  // A parcel bouncing between failed attempts must not fill the bounded timeline; the return always counts.
  if (!returns && dossier.timeline.length >= maxTimelineEntries) return undefined;

  const at = toVnIso(now);
  const tracked: PostalShipment = {
    ...shipment,
    status: event.status,
    trackedEvents: [...(shipment.trackedEvents ?? []), event.eventId].slice(-maxTrackedEvents),
  };
  const entry: TimelineEntry = {
    at,
    actor: { sub: 'system', role: 'system' },
    action: 'postal-tracking',
    from: dossier.status,
    to: dossier.status,
    agencyId: dossier.agencyId,
    note: trackingNote(kind, event),
  };
  const next: Dossier = {
    ...dossier,
    version: dossier.version + 1,
    postal: { ...dossier.postal, [kind]: tracked },
    timeline: [...dossier.timeline, entry],
  };
  if (!returns) return { dossier: next, events: [] };
  const { workQueue: _closed, ...open } = next;
  const returned: Dossier = {
    ...open,
    status: 'returned',
    returnedAt: at,
    timeline: [
      ...next.timeline,
      {
        at,
        actor: { sub: 'system', role: 'system' },
        action: 'return-result',
        from: 'decided',
        to: 'returned',
        agencyId: dossier.agencyId,
        note: 'Đã trả kết quả cho người nộp hồ sơ qua dịch vụ bưu chính.',
      },
    ],
  };
  return { dossier: returned, events: [dossierChanged(returned, 'return-result', 'decided')] };
}
