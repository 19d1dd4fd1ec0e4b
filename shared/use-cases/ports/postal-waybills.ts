import type { ShipmentKind } from '../../domain/postal/shipment.ts';

/** The dossier shipment a waybill belongs to. */
export interface WaybillRef {
  dossierCode: string;
  kind: ShipmentKind;
}

/** Waybill → the dossier shipment it belongs to: a tracking callback names only the waybill. */
export interface PostalWaybills {
  /** Written before the dossier records the waybill; a rewrite of the same waybill is the same entry. */
  put(waybill: string, ref: WaybillRef): Promise<void>;

  /** Undefined for a waybill the platform never booked. */
  get(waybill: string): Promise<WaybillRef | undefined>;
}
