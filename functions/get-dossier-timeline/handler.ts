import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { DossierCodeParams, getDossierTimeline } from '#shared/use-cases/get-dossier.ts';

const timeline = getDossierTimeline(dossierRepository(config.TABLE_NAME));

export const handler = httpHandler('get-dossier-timeline', { schemas: { params: DossierCodeParams } }).handle(
  async ({ caller, params }) => ({ status: 200, body: await timeline(caller, params.code) }),
);
