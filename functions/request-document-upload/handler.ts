import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentsPresigner } from '#adapters/s3/documents-presigner.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { platformQuotas } from '#shared/composition/quotas.ts';
import { config } from '#shared/config.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';
import { requestUpload, UploadBody } from '#shared/use-cases/documents/upload-document.ts';

const request = requestUpload({
  dossiers: dossierRepository(config.TABLE_NAME),
  catalogue: catalogueRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
  presigner: documentsPresigner(),
  quotas: platformQuotas,
  now: () => new Date(),
});

export const handler = httpHandler('request-document-upload', {
  schemas: { params: DossierCodeParams, body: UploadBody },
  middlewares: [idempotencyKeyHeader('request-document-upload')],
}).handle(async ({ caller, params, body }) => ({ status: 201, body: await request(caller, params.code, body) }));
