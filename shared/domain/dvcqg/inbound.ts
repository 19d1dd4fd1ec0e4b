/**
 * Dossiers filed on the national public-service portal (DVCQG) and delivered to the province.
 * Pure: the portal's identities as ours, its attachments as referenced document metadata.
 */
import type { Caller } from '../caller.ts';
import { type AllowedContentType, type DossierDocument, referencedKey } from '../documents/document.ts';
import { toVnIso } from '../time.ts';

/**
 * The applicant's account for a portal dossier. Prefixed so that it can never equal a subject of the
 * province's identity provider: a citizen who signs in locally does not see portal dossiers as their
 * own (the portal is where they follow them); linking the two identities is a deliberate later step.
 */
export const portalApplicantId = (citizenId: string): string => `dvcqg:${citizenId}`;

/** The portal acting for one of its citizens: it files through the `integration` role, never as a citizen. */
export const portalCaller = (citizenId: string): Caller => ({
  sub: portalApplicantId(citizenId),
  roles: ['integration'],
});

export interface PortalAttachment {
  name: string;
  url: string;
  size: number;
  sha256: string;
  contentType: AllowedContentType;
  documentType: string;
}

/** Largest attachment the portal may reference (it keeps the bytes; the bound keeps metadata sane). */
export const maxReferencedBytes = 100 * 1024 * 1024;
/** Most attachments one portal dossier may reference. */
export const maxAttachments = 50;

/**
 * The attachments as document metadata officials see. Ids derive from their position, so a
 * redelivered dossier lists the same documents, never twice.
 */
export function referencedDocuments(
  code: string,
  attachments: readonly PortalAttachment[],
  now: Date,
): DossierDocument[] {
  return attachments.map((attachment, index) => {
    const id = `dvcqg-${String(index + 1).padStart(2, '0')}`;
    return {
      id,
      dossierCode: code,
      kind: 'referenced',
      name: attachment.name,
      key: referencedKey(code, id),
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      digitised: false,
      status: 'referenced',
      createdBy: 'dvcqg',
      createdAt: toVnIso(now),
      source: { partner: 'dvcqg', url: attachment.url, documentType: attachment.documentType },
    };
  });
}
