import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { dvcqgClaims } from '#adapters/dynamo/filing-claims.ts';
import { httpHandler } from '#http/http-handler.ts';
import { partnerWebhook } from '#http/partner-webhook.ts';
import { fileDossier } from '#shared/composition/file-dossier.ts';
import { config } from '#shared/config.ts';
import { DvcqgDossierBody, receiveDvcqgDossier } from '#shared/use-cases/dvcqg/receive-dossier.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const receive = receiveDvcqgDossier({
  fileDossier,
  claims: dvcqgClaims(config.TABLE_NAME),
  dossiers: dossierRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
});

export const handler = httpHandler('receive-dvcqg-dossier', {
  originSecret: platformOriginSecret,
  signature: partnerWebhook('dvcqg'),
  schemas: { body: DvcqgDossierBody },
}).handle(async ({ body }) => {
  const { created, dossier } = await receive(body);
  return { status: created ? 201 : 200, body: dossier, headers: { location: `/v1/dossiers/${dossier.code}` } };
});
