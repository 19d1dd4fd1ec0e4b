import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';
import { verifyDossierTimeline } from '#shared/use-cases/timeline-verification.ts';

const verify = verifyDossierTimeline(dossierRepository(config.TABLE_NAME));

export const handler = httpHandler('verify-dossier-timeline', { schemas: { params: DossierCodeParams } }).handle(
  async ({ params }) => ({ status: 200, body: await verify(params.code) }),
);
