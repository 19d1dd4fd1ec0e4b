import { toVnIso } from '../time.ts';
import type { Decision, Dossier, ReturnMethod } from './dossier.ts';
import { dossierChanged } from './lifecycle-events.ts';

export interface SignedResult {
  /** The listed document holding the signed result. */
  documentId: string;
  /** The deciding leader, by name as the signature names them. */
  signerName: string;
  signedAt: Date;
}

/** How the applicant gets the signed result, by the return method they chose. */
export const signedResultDelivery: Record<ReturnMethod, string> = {
  online: 'Ông/Bà có thể tải bản điện tử có chữ ký số trên Cổng dịch vụ công.',
  counter: 'Ông/Bà nhận kết quả tại Bộ phận tiếp nhận và trả kết quả; bản điện tử có trên Cổng dịch vụ công.',
  post: 'Kết quả được gửi qua dịch vụ bưu chính đến địa chỉ Ông/Bà đã đăng ký; bản điện tử có trên Cổng dịch vụ công.',
};

/**
 * Records on the dossier that its result was signed and stored: a system timeline entry naming the
 * signer, no status change (a decided dossier stays decided, ready to return), and a
 * `DossierChanged` with action `result-signed` so the applicant is told. Returns undefined when the
 * dossier has no decision or this document is already recorded, so a redelivered message changes nothing.
 */
export function recordSignedResult(dossier: Dossier, signed: SignedResult): Decision | undefined {
  if (!dossier.decision) return undefined;
  if (dossier.timeline.some((e) => e.action === 'result-signed' && e.documentId === signed.documentId)) {
    return undefined;
  }
  const next: Dossier = {
    ...dossier,
    version: dossier.version + 1,
    timeline: [
      ...dossier.timeline,
      {
        at: toVnIso(signed.signedAt),
        actor: { sub: 'system', role: 'system' },
        action: 'result-signed',
        from: dossier.status,
        to: dossier.status,
        agencyId: dossier.agencyId,
        note: `Kết quả đã được ký số bởi ${signed.signerName}. ${signedResultDelivery[dossier.returnMethod]}`,
        documentId: signed.documentId,
      },
    ],
  };
  return { dossier: next, events: [dossierChanged(next, 'result-signed', dossier.status)] };
}
