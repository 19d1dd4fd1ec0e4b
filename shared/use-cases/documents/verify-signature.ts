import * as z from 'zod/mini';
import type { DocumentRepository } from '../ports/document-repository.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { type VerificationReport, verifyPdf } from '../../documents/signing/pades.ts';
import { dossierCodePattern } from '../../domain/dossier/code.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { dossierByPin, type PinCheckDeps } from '../check-lookup-pin.ts';

/** `POST /v1/signature-verifications` 200. */
export type { VerificationReport };

/** Largest PDF accepted inline (base64 in JSON stays under the Lambda's 6 MB synchronous payload). */
export const maxVerifiedPdfBytes = 4 * 1024 * 1024;

export const VerifyBody = z.union([
  z.strictObject({
    /** The signed PDF, base64. */
    pdf: z
      .base64('Tệp phải được mã hóa base64')
      .check(z.maxLength(Math.ceil(maxVerifiedPdfBytes / 3) * 4, 'Tệp quá lớn (tối đa 4 MB)')),
  }),
  z.strictObject({
    code: z.string().check(z.regex(dossierCodePattern, 'Mã hồ sơ không đúng định dạng')),
    /** The receipt's look-up PIN: the code alone is printed on forms and QR codes, so it proves nothing. */
    pin: z.string().check(z.regex(/^\d{6}$/, 'Mã tra cứu gồm 6 chữ số')),
  }),
]);

/**
 * Anyone holding a signed result learns whether it is genuine: signature, signer, agency, chain,
 * signing time, document hash and dossier code. By dossier code only with the receipt's PIN, under
 * the look-up's limits: a code is printed on every form, and who decided which dossier is not public.
 */
export function verifySignature(
  deps: {
    documents: DocumentRepository;
    store: DocumentStore;
    /** The roots a signature must chain to (shared/adapters/signing/trusted-roots.ts). */
    trustedRoots: () => Promise<string[]>;
  } & PinCheckDeps,
) {
  return async (body: z.output<typeof VerifyBody>, client: string): Promise<VerificationReport> => {
    const roots = await deps.trustedRoots();
    if ('pdf' in body) return verifyPdf(Buffer.from(body.pdf, 'base64'), roots);
    await dossierByPin(deps, body.code, body.pin, client);
    const results = (await deps.documents.list(body.code)).filter(
      (d) => d.kind === 'result' && d.status === 'verified',
    );
    const latest = results.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
    if (!latest) throw new RuleViolation('not-found', 'not-found', 'Hồ sơ chưa có kết quả được ký số.');
    return verifyPdf(await deps.store.get(latest.key), roots);
  };
}
