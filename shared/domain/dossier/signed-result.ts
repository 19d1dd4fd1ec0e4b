import { toVnIso } from '../time.ts';
import { annotate } from './annotations.ts';
import type { DomainEvent } from '../events.ts';
import type { Decision, Dossier, ReturnMethod } from './dossier.ts';
import { dossierChanged } from './lifecycle-events.ts';

export interface SignedResult {
  /** The listed document holding the signed result. */
  documentId: string;
  /** The deciding leader, by name as the signature names them. */
  signerName: string;
  /** The agency whose organisation certificate signed after the leader, in place of its seal. */
  agencyName?: string;
  signedAt: Date;
}

/**
 * A leader's decision: the event whose result the `sign` worker signs (interest `signs-result`,
 * shared/domain/event-interest.ts).
 */
export const callsForSignedResult = (event: DomainEvent): boolean =>
  event.type === 'DossierChanged' && (event as DomainEvent<'DossierChanged'>).data.action === 'decide';

/** The timeline entry a signed result leaves: the QĐ 766 indicators count electronic results by it. */
export const resultSignedAction = 'result-signed';

/**
 * Whether the dossier's result exists signed (leader, then the agency's digital signature in place of
 * its seal, Nghị định 30/2020/NĐ-CP, phụ lục I): the result is returned only once signed (docs/domain.md,
 * "Results, signatures, digitisation"). Every decision here yields an electronic result (the `sign` worker).
 */
export const hasSignedResult = (dossier: Pick<Dossier, 'timeline'>): boolean =>
  dossier.timeline.some((entry) => entry.action === resultSignedAction);

/** How the applicant gets the signed result, by the return method they chose. */
export const signedResultDelivery: Record<ReturnMethod, string> = {
  online: 'Ông/Bà có thể tải bản điện tử có chữ ký số trên Cổng dịch vụ công.',
  counter: 'Ông/Bà nhận kết quả tại Bộ phận tiếp nhận và trả kết quả; bản điện tử có trên Cổng dịch vụ công.',
  post: 'Kết quả được gửi qua dịch vụ bưu chính đến địa chỉ Ông/Bà đã đăng ký; bản điện tử có trên Cổng dịch vụ công.',
};

/**
 * Records on the dossier that its result was signed and stored: a system timeline entry naming the
 * signers, no status change (a decided dossier stays decided, ready to return), and a
 * `DossierChanged` with action `result-signed` so the applicant is told. An annotation: an official's
 * next step on the version before it still holds (annotations.ts). Returns undefined when the dossier
 * has no decision or this document is already recorded, so a redelivered message changes nothing.
 */
export function recordSignedResult(dossier: Dossier, signed: SignedResult): Decision | undefined {
  if (!dossier.decision) return undefined;
  if (dossier.timeline.some((e) => e.action === resultSignedAction && e.documentId === signed.documentId)) {
    return undefined;
  }
  const by = signed.agencyName ? `${signed.signerName} và ${signed.agencyName}` : signed.signerName;
  const next: Dossier = annotate(dossier, {
    ...dossier,
    timeline: [
      ...dossier.timeline,
      {
        at: toVnIso(signed.signedAt),
        actor: { sub: 'system', role: 'system' },
        action: resultSignedAction,
        from: dossier.status,
        to: dossier.status,
        agencyId: dossier.agencyId,
        note: `Kết quả đã được ký số bởi ${by}. ${signedResultDelivery[dossier.returnMethod]}`,
        documentId: signed.documentId,
      },
    ],
  });
  return { dossier: next, events: [dossierChanged(next, resultSignedAction, dossier.status)] };
}
