import * as z from 'zod/mini';
import type { FilingClaims } from '../ports/filing-claims.ts';
import { allowedContentTypes, type DossierDocument } from '../../domain/documents/document.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';
import { dossierStatuses } from '../../domain/dossier/status.ts';
import { maxAttachments, maxReferencedBytes, portalCaller, referencedDocuments } from '../../domain/dvcqg/inbound.ts';
import { application, type fileDossierUseCase } from '../file-dossier.ts';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A dossier as the national portal delivers it. Strict and bounded: nothing else is taken from the portal. */
export const DvcqgDossierBody = z.strictObject({
  /** The portal's dossier id: the key of idempotency. */
  dvcqgId: z
    .string()
    .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Mã hồ sơ trên Cổng gồm tối đa 64 ký tự chữ, số, . _ -')),
  /** The portal's identity of the citizen who filed (their VNeID-backed account there). */
  citizenId: z
    .string()
    .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, 'Định danh công dân trên Cổng không hợp lệ')),
  procedureCode: application.procedureCode,
  communeCode: application.communeCode,
  applicant: application.applicant,
  returnMethod: application.returnMethod,
  formData: application.formData,
  /** Files kept by the portal: listed by reference (never fetched on intake). */
  attachments: z._default(
    z
      .array(
        z.strictObject({
          name: text(200),
          url: z.url({ protocol: /^https$/ }).check(z.maxLength(2048)),
          size: z.number().check(z.int(), z.minimum(1), z.maximum(maxReferencedBytes)),
          sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'SHA-256 gồm 64 chữ số hexa thường')),
          contentType: z.enum(allowedContentTypes),
          documentType: text(64),
        }),
      )
      .check(z.maxLength(maxAttachments)),
    [],
  ),
});

export type DvcqgDossierBody = z.output<typeof DvcqgDossierBody>;

export interface ReceiveDvcqgDossierDeps {
  fileDossier: ReturnType<typeof fileDossierUseCase>;
  claims: FilingClaims;
  dossiers: { get(code: string): Promise<{ dossier: Dossier } | undefined> };
  documents: { create(document: DossierDocument): Promise<boolean> };
}

/**
 * Files a dossier delivered by the portal, once per portal id, however often and concurrently it
 * is delivered. Order of writes: the claim (portal id → code and instant), the referenced documents,
 * then the dossier (idempotent on its code). A crash anywhere leaves a state the redelivery
 * completes with the same code: never two dossiers, never a lost one.
 */
export function receiveDvcqgDossier(deps: ReceiveDvcqgDossierDeps) {
  return async (body: DvcqgDossierBody): Promise<{ created: boolean; dossier: ReturnType<typeof portalView> }> => {
    const held = await deps.claims.get(body.dvcqgId);
    const existing = held && (await deps.dossiers.get(held.code));
    if (existing) return { created: false, dossier: portalView(existing.dossier) };

    let code: string | undefined;
    try {
      await deps.fileDossier(
        portalCaller(body.citizenId),
        {
          procedureCode: body.procedureCode,
          ...(body.communeCode ? { communeCode: body.communeCode } : {}),
          applicant: body.applicant,
          returnMethod: body.returnMethod,
          formData: body.formData,
        },
        'online',
        {
          external: { dvcqgId: body.dvcqgId },
          claim: async (allocate) => {
            const bound = held ?? (await bindFresh(deps.claims, body.dvcqgId, allocate));
            code = bound.code;
            const now = new Date(bound.filedAt);
            // Before the dossier: it never shows without its attachments.
            for (const document of referencedDocuments(bound.code, body.attachments, now)) {
              await deps.documents.create(document);
            }
            return { code: bound.code, now };
          },
        },
      );
    } catch (error) {
      // A concurrent delivery filed the same dossier first: the code is taken, by this very dossier.
      const filed = code === undefined ? undefined : await deps.dossiers.get(code);
      if (!filed) throw error;
      return { created: false, dossier: portalView(filed.dossier) };
    }
    const filed = await deps.dossiers.get(code ?? '');
    if (!filed) throw new Error(`Dossier ${code} not readable after filing`);
    return { created: true, dossier: portalView(filed.dossier) };
  };
}

async function bindFresh(claims: FilingClaims, dvcqgId: string, allocate: () => Promise<{ code: string; now: Date }>) {
  const fresh = await allocate();
  return claims.bind(dvcqgId, { code: fresh.code, filedAt: fresh.now.toISOString() });
}

/** What the portal is answered: our code and where the dossier stands. */
function portalView(dossier: Dossier) {
  return {
    code: dossier.code,
    dvcqgId: dossier.external?.dvcqgId,
    status: dossier.status,
    dvcqgStatus: dossierStatuses[dossier.status].dvcqg,
    statusText: dossierStatuses[dossier.status].vi,
    agencyId: dossier.agencyId,
    submittedAt: dossier.submittedAt,
    dueAt: dossier.dueAt,
  };
}
