/**
 * The public postal service (VNPost) as the local cloud plays it: it books shipments (the same
 * shipmentId always gets the same waybill, as an idempotent carrier API answers a retried booking)
 * and reports tracking events by calling the platform's signed tracking callback.
 */
import { randomUUID } from 'node:crypto';
import type { TrackingStatus } from '../../../shared/domain/postal/shipment.ts';
import type { ShipmentRequest } from '../../../shared/domain/postal/request.ts';
import { PartnerSimulator, type SimulatorContext, type WebhookOptions, type WebhookResponse } from './simulator.ts';

export const postalTrackingPath = '/v1/partners/postal/tracking';

export interface SimulatedShipment extends ShipmentRequest {
  waybill: string;
}

export class PostalSimulator extends PartnerSimulator {
  /** Booked shipments by shipmentId. */
  readonly shipments = new Map<string, SimulatedShipment>();

  constructor(ctx: SimulatorContext) {
    super(ctx);
    this.on('/shipments', (body) => {
      const request = body as ShipmentRequest;
      const known = this.shipments.get(request.shipmentId);
      const shipment = known ?? { ...request, waybill: `EB${String(100_000_000 + this.shipments.size + 1)}VN` };
      this.shipments.set(request.shipmentId, shipment);
      return { status: known ? 200 : 201, body: { shipmentId: shipment.shipmentId, waybill: shipment.waybill } };
    });
  }

  /** The shipment booked for a dossier, by kind. */
  shipmentOf(dossierCode: string, kind: ShipmentRequest['kind']): SimulatedShipment | undefined {
    return [...this.shipments.values()].find((s) => s.dossierCode === dossierCode && s.kind === kind);
  }

  /**
   * The carrier reports a tracking event on a waybill. `eventId` repeats an event (a re-sent callback);
   * `secret`/`at`/`headers` forge, backdate or replay the request (see PartnerSimulator.webhook).
   */
  track(
    waybill: string,
    status: TrackingStatus,
    options: { eventId?: string; at?: Date; location?: string; reason?: string } & Omit<WebhookOptions, 'at'> = {},
  ): Promise<WebhookResponse> {
    const { eventId, at, location, reason, ...webhook } = options;
    const body = {
      eventId: eventId ?? `vnpost-${randomUUID()}`,
      waybill,
      status,
      at: (at ?? new Date()).toISOString(),
      ...(location ? { location } : {}),
      ...(reason ? { reason } : {}),
    };
    return this.webhook(postalTrackingPath, body, webhook);
  }
}
