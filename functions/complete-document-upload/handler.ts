import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { dvcqgSyncRepository } from '#adapters/dynamo/dvcqg-sync.ts';
import { indicatorFactRepository } from '#adapters/dynamo/indicator-facts.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import { completeUpload, DocumentParams } from '#shared/use-cases/documents/upload-document.ts';
import { recordIndicators } from '#shared/use-cases/record-indicators.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
const documents = documentRepository(config.TABLE_NAME);
const agencies = agencyRepository(config.TABLE_NAME);
/** The dossier's indicator fact, refreshed from its filing month once a document is verified. */
const record = recordIndicators({
  dossiers,
  catalogue: catalogueRepository(config.TABLE_NAME),
  calendarFor: (id) => agencies.calendarFor(id),
  facts: indicatorFactRepository(config.TABLE_NAME),
  documents,
  sync: dvcqgSyncRepository(config.TABLE_NAME),
  now: () => new Date(),
});

const complete = completeUpload({
  dossiers,
  documents,
  store: documentFiles(),
  now: () => new Date(),
  // Not worth failing the upload for: the dossier's next event brings the fact up to date.
  verified: (code) =>
    record({ dossierCode: code, occurredAt: new Date().toISOString(), fromFiling: true }).catch((error: unknown) =>
      logger.warn('Indicator fact not refreshed after a verified upload', { error: String(error) }),
    ),
});

// Idempotent by nature: completing a verified document returns it, a quarantined one its refusal.
export const handler = httpHandler('complete-document-upload', { schemas: { params: DocumentParams } }).handle(
  async ({ caller, params }) => ({ status: 200, body: await complete(caller, params.code, params.id) }),
);
