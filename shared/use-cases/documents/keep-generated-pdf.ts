import { generatedPdf } from '../../domain/documents/document.ts';
import type { DocumentRepository } from '../ports/document-repository.ts';
import type { DocumentStore } from '../ports/document-store.ts';

/**
 * A PDF the platform made for a dossier (a form, a fee receipt) kept as one of its documents: the file
 * first, then its record, so a record never points at a file that is not there; a retry writes the same
 * file again and finds the record already made.
 */
export async function keepGeneratedPdf(
  deps: { store: Pick<DocumentStore, 'put'>; documents: Pick<DocumentRepository, 'create'> },
  pdf: Parameters<typeof generatedPdf>[0],
): Promise<void> {
  await deps.store.put(pdf.key, pdf.bytes, 'application/pdf');
  await deps.documents.create(generatedPdf(pdf));
}
