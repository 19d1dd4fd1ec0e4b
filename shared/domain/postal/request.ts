import type { Dossier } from '../dossier/dossier.ts';
import type { PostalShipment, ShipmentKind } from './shipment.ts';

/** One end of a shipment: the applicant at their address, or the agency's one-stop desk. */
export type ShipmentParty =
  | { kind: 'applicant'; name: string; address: string; phone?: string }
  | { kind: 'agency'; agencyId: string; name: string };

/** What the platform asks the carrier to book (`POST /shipments`). */
export interface ShipmentRequest {
  shipmentId: string;
  kind: ShipmentKind;
  dossierCode: string;
  from: ShipmentParty;
  to: ShipmentParty;
  /** What the parcel holds, printed on the waybill. */
  contents: string;
}

/** The booking of one shipment asked for on the dossier; the agency is its one-stop desk. */
export function shipmentRequest(
  dossier: Dossier,
  kind: ShipmentKind,
  agency: { id: string; name: string },
): ShipmentRequest | undefined {
  const shipment: PostalShipment | undefined = dossier.postal?.[kind];
  if (!shipment) return undefined;
  const applicant: ShipmentParty = {
    kind: 'applicant',
    name: dossier.applicant.fullName,
    address: shipment.address,
    ...(shipment.phone ? { phone: shipment.phone } : {}),
  };
  const desk: ShipmentParty = { kind: 'agency', agencyId: agency.id, name: agency.name };
  return {
    shipmentId: shipment.shipmentId,
    kind,
    dossierCode: dossier.code,
    from: kind === 'pickup' ? applicant : desk,
    to: kind === 'pickup' ? desk : applicant,
    contents:
      kind === 'pickup'
        ? `Hồ sơ ${dossier.code}, thủ tục "${dossier.procedure.name}"`
        : `Kết quả giải quyết hồ sơ ${dossier.code}, thủ tục "${dossier.procedure.name}"`,
  };
}
