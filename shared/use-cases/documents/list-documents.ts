import type { DocumentRepository } from '../ports/document-repository.ts';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import type { Presigner } from '../ports/presigner.ts';
import type { Caller } from '../../domain/caller.ts';
import { downloadWindowSeconds } from '../../domain/documents/document.ts';
import { controlSlipName, controlSlipPath } from '../../domain/documents/forms-issued.ts';
import { toVnIso } from '../../domain/time.ts';
import { readableDossier } from '../get-dossier.ts';
import { documentView, type DocumentView } from './upload-document.ts';

/** One item of `GET /v1/dossiers/{code}/documents`: a verified file comes with a short-lived download link. */
export type ListedDocument = DocumentView & { download?: { url: string; expiresAt: string } };

/** Where the dossier's process control slip is read: it is rendered on each read, never a stored document. */
export interface ControlSlipLink {
  form: '06';
  name: string;
  /** `GET` it, with the same token, for `application/pdf`. */
  href: string;
}

/**
 * A dossier's documents to whoever may read the dossier; each verified one with a presigned GET
 * valid for a few minutes. Pending and quarantined files are listed (with the reason) but not served.
 * Once the dossier is received, the process control slip (mẫu số 06) too: a link to the route that
 * renders it from the timeline, since no copy of it is stored.
 */
export function listDocuments(deps: {
  dossiers: DossierRepository;
  documents: DocumentRepository;
  presigner: Presigner;
  now: () => Date;
}) {
  return async (caller: Caller, code: string) => {
    const { dossier } = await readableDossier(deps.dossiers, caller, code);
    const documents = await deps.documents.list(code);
    const expiresAt = toVnIso(new Date(deps.now().getTime() + downloadWindowSeconds * 1000));
    const items = await Promise.all(
      documents.map(async (document): Promise<ListedDocument> =>
        document.status === 'verified'
          ? {
              ...documentView(document),
              download: {
                url: await deps.presigner.presignDownload(document.key, downloadWindowSeconds, fileName(document)),
                expiresAt,
              },
            }
          : documentView(document),
      ),
    );
    const controlSlip: ControlSlipLink | undefined =
      dossier.steps.length > 0 ? { form: '06', name: controlSlipName, href: controlSlipPath(code) } : undefined;
    return { code, items, ...(controlSlip ? { controlSlip } : {}) };
  };
}

const extensions = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
const fileName = (document: { dossierCode: string; id: string; contentType: keyof typeof extensions }) =>
  `${document.dossierCode}-${document.id.slice(0, 8)}.${extensions[document.contentType]}`;
