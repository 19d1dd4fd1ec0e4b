import * as z from 'zod/mini';
import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { CatalogueRepository } from '../ports/catalogue-repository.ts';
import type { DocumentRepository } from '../ports/document-repository.ts';
import { renderForm } from '../../documents/forms.ts';
import { type Caller, hasRole } from '../../domain/caller.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { dossierByPin, type PinCheckDeps } from '../check-lookup-pin.ts';
import { receiptFacts } from './receipt-facts.ts';

export const PrintReceiptBody = z.strictObject({
  pin: z.string().check(z.regex(/^\d{6}$/, 'Mã tra cứu gồm 6 chữ số')),
});

export interface PrintReceiptDeps extends PinCheckDeps {
  catalogue: CatalogueRepository;
  agencies: AgencyRepository;
  documents: DocumentRepository;
  /** The deployment's public URL (config PUBLIC_URL): the QR code opens its look-up page. */
  publicUrl: string;
}

const notFound = () =>
  new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.');

/** The applicant, or a receiver of the centre (or agency) that received the dossier and hands the receipt over. */
const mayPrint = (caller: Caller, dossier: Dossier): boolean =>
  (hasRole(caller, 'citizen') && caller.sub === dossier.applicantId) ||
  (hasRole(caller, 'receiver') && caller.agencyId === (dossier.intakeAgencyId ?? dossier.competentAgencyId));

/**
 * Form 01 with the look-up PIN printed on it (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 01), for the
 * receipt handed over at the counter. The PIN is stored only as a hash, so the stored form 01 cannot
 * carry it: whoever holds it (the receiver from the filing's answer, or the applicant) sends it, and the
 * form is rendered again, dated as issued at receipt, and answered without being stored. The PIN is
 * checked under the look-up's limits (check-lookup-pin.ts), once the caller is known to be one who may
 * print it; a wrong PIN, an unknown code and a caller who may not print it all get the same 404.
 */
export function printReceipt(deps: PrintReceiptDeps) {
  return async (caller: Caller, code: string, pin: string, client: string): Promise<Uint8Array> => {
    // Who may print is settled before any PIN is compared: a caller who may not never spends the
    // look-up budget, and learns nothing (the same 404 as a wrong PIN).
    const held = await deps.dossiers.get(code);
    if (!held || !mayPrint(caller, held.dossier)) throw notFound();
    const { dossier } = await dossierByPin(deps, code, pin, client, held);
    const receipt = dossier.timeline.findLast((entry) => entry.action === 'receive');
    if (!receipt) {
      throw new RuleViolation(
        'conflict',
        'not-received',
        'Hồ sơ chưa được tiếp nhận: giấy tiếp nhận hồ sơ và hẹn trả kết quả được cấp khi tiếp nhận.',
      );
    }
    const issuedAt = new Date(receipt.at);
    const receivedBy = receipt.agencyId ?? dossier.intakeAgencyId ?? dossier.competentAgencyId;
    const agency = await deps.agencies.get(receivedBy);
    return renderForm({
      form: '01',
      dossier,
      agencyName: agency?.name ?? receivedBy,
      ...(await receiptFacts(deps, dossier, issuedAt)),
      lookupPin: pin,
      publicUrl: deps.publicUrl,
      issuedAt,
    });
  };
}
