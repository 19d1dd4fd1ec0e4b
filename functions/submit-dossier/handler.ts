import { httpHandler } from '#http/http-handler.ts';
import { fileDossier } from '#shared/composition/file-dossier.ts';
import { SubmitDossierBody } from '#shared/use-cases/file-dossier.ts';

export const handler = httpHandler('submit-dossier', {
  schemas: { body: SubmitDossierBody },
}).handle(async ({ caller, body, idempotencyKey }) => {
  const receipt = await fileDossier(caller, body, 'online', undefined, idempotencyKey);
  return { status: 201, body: receipt, headers: { location: `/v1/dossiers/${receipt.code}` } };
});
