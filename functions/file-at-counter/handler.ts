import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { fileDossier } from '#shared/composition/file-dossier.ts';
import { CounterDossierBody } from '#shared/use-cases/file-dossier.ts';

export const handler = httpHandler('file-at-counter', {
  schemas: { body: CounterDossierBody },
  middlewares: [idempotencyKeyHeader()],
}).handle(async ({ caller, body, idempotencyKey }) => {
  const receipt = await fileDossier(caller, body, 'counter', undefined, idempotencyKey);
  return { status: 201, body: receipt, headers: { location: `/v1/dossiers/${receipt.code}` } };
});
