import type { DocumentRepository } from '../../adapters/dynamo/document-repository.ts';
import type { DossierRepository } from '../../adapters/dynamo/dossier-repository.ts';
import type { Presigner } from '../../adapters/s3/presigner.ts';
import type { Caller } from '../../domain/caller.ts';
import { downloadWindowSeconds } from '../../domain/documents/document.ts';
import { toVnIso } from '../../domain/time.ts';
import { readableDossier } from '../get-dossier.ts';
import { documentView, type DocumentView } from './upload-document.ts';

/** One item of `GET /v1/dossiers/{code}/documents`: a verified file comes with a short-lived download link. */
export type ListedDocument = DocumentView & { download?: { url: string; expiresAt: string } };

/**
 * A dossier's documents to whoever may read the dossier; each verified one with a presigned GET
 * valid for a few minutes. Pending and quarantined files are listed (with the reason) but not served.
 */
export function listDocuments(deps: {
  dossiers: DossierRepository;
  documents: DocumentRepository;
  presigner: Presigner;
  now: () => Date;
}) {
  return async (caller: Caller, code: string) => {
    await readableDossier(deps.dossiers, caller, code);
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
    return { code, items };
  };
}

const extensions = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
const fileName = (document: { dossierCode: string; id: string; contentType: keyof typeof extensions }) =>
  `${document.dossierCode}-${document.id.slice(0, 8)}.${extensions[document.contentType]}`;
