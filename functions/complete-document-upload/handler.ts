import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { completeUpload, DocumentParams } from '#shared/use-cases/documents/upload-document.ts';

const complete = completeUpload({
  dossiers: dossierRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
  store: documentFiles(),
  now: () => new Date(),
});

// Idempotent by nature: completing a verified document returns it, a quarantined one its refusal.
export const handler = httpHandler('complete-document-upload', { schemas: { params: DocumentParams } }).handle(
  async ({ caller, params }) => ({ status: 200, body: await complete(caller, params.code, params.id) }),
);
