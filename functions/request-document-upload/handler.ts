import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentsPresigner } from '#adapters/s3/documents-presigner.ts';
import { withRetryAfter } from '#http/client-limits.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import type { HttpEvent } from '#http/parse-request.ts';
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

const handle = httpHandler('request-document-upload', {
  schemas: { params: DossierCodeParams, body: UploadBody },
  middlewares: [idempotencyKeyHeader()],
}).handle(async ({ caller, params, body }) => ({ status: 201, body: await request(caller, params.code, body) }));

/** A dossier's upload grants are counted (UPLOAD_GRANTS_PER_DOSSIER): a spent quota is a 429 with Retry-After. */
export const handler = (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
  withRetryAfter(handle(event, context));
