import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { httpHandler } from '#http/http-handler.ts';
import { refreshIndicatorFact } from '#shared/composition/record-indicators.ts';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import { completeUpload, DocumentParams } from '#shared/use-cases/documents/upload-document.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
const documents = documentRepository(config.TABLE_NAME);

const complete = completeUpload({
  dossiers,
  documents,
  store: documentFiles(),
  now: () => new Date(),
  // The dossier's indicator fact counts verified documents. Not worth failing the upload for: the
  // dossier's next event brings the fact up to date.
  verified: (code) =>
    refreshIndicatorFact(code).catch((error: unknown) =>
      logger.warn('Indicator fact not refreshed after a verified upload', { error: String(error) }),
    ),
});

// Idempotent by nature: completing a verified document returns it, a quarantined one its refusal.
export const handler = httpHandler('complete-document-upload', { schemas: { params: DocumentParams } }).handle(
  async ({ caller, params }) => ({ status: 200, body: await complete(caller, params.code, params.id) }),
);
