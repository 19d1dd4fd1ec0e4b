import { RuleViolation } from '../rule-violation.ts';
import type { Applicant, ReturnMethod } from '../dossier/dossier.ts';
import { type PostalService, type PostalShipment, type ShipmentKind, shipmentIdOf } from './shipment.ts';

/** An address the applicant gives for one shipment; each part defaults to the applicant's own. */
export interface PostalAddressChoice {
  address?: string;
  phone?: string;
}

export interface PostalChoice {
  /** Filing by post: the post office picks the paper dossier up and brings it to the agency. */
  pickup?: PostalAddressChoice;
  /** Where the result goes when the return method is `post`. */
  delivery?: PostalAddressChoice;
}

/**
 * The shipments a filing asks for. A pickup only makes sense when the applicant files from home
 * (online), not at a desk that already holds the papers; a delivery address only with return by post,
 * which always gets a delivery (to the applicant's address unless another is given).
 */
export function postalShipments(input: {
  code: string;
  channel: 'online' | 'counter';
  applicant: Applicant;
  returnMethod: ReturnMethod;
  choice?: PostalChoice;
}): PostalService | undefined {
  const { code, channel, applicant, returnMethod, choice } = input;
  if (choice?.pickup && channel !== 'online') {
    throw new RuleViolation(
      'invalid',
      'pickup-not-at-counter',
      'Hồ sơ nộp tại bộ phận một cửa không cần bưu điện thu gom.',
    );
  }
  if (choice?.delivery && returnMethod !== 'post') {
    throw new RuleViolation(
      'invalid',
      'delivery-needs-post-return',
      'Chỉ ghi địa chỉ nhận kết quả khi chọn nhận kết quả qua dịch vụ bưu chính.',
    );
  }
  const shipment = (kind: ShipmentKind, given: PostalAddressChoice = {}): PostalShipment => {
    const phone = given.phone ?? applicant.phone;
    return {
      address: given.address ?? applicant.address,
      ...(phone ? { phone } : {}),
      shipmentId: shipmentIdOf(code, kind),
    };
  };
  const pickup = choice?.pickup ? shipment('pickup', choice.pickup) : undefined;
  const delivery = returnMethod === 'post' ? shipment('delivery', choice?.delivery) : undefined;
  if (!pickup && !delivery) return undefined;
  return { ...(pickup ? { pickup } : {}), ...(delivery ? { delivery } : {}) };
}
