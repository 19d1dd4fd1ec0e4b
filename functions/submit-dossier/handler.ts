import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { withRetryAfter } from '#http/client-limits.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import type { HttpEvent } from '#http/parse-request.ts';
import { fileDossier } from '#shared/composition/file-dossier.ts';
import { SubmitDossierBody } from '#shared/use-cases/file-dossier.ts';

const handle = httpHandler('submit-dossier', {
  schemas: { body: SubmitDossierBody },
  middlewares: [idempotencyKeyHeader()],
}).handle(async ({ caller, body, idempotencyKey }) => {
  const receipt = await fileDossier(caller, body, 'online', undefined, idempotencyKey);
  return { status: 201, body: receipt, headers: { location: `/v1/dossiers/${receipt.code}` } };
});

/** A citizen's filings are counted (FILINGS_PER_CITIZEN): a spent quota is a 429 with Retry-After. */
export const handler = (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
  withRetryAfter(handle(event, context));
