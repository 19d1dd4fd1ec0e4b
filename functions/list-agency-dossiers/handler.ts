import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { AgencyParams, listAgencyDossiers, WorkQueueQuery } from '#shared/use-cases/list-dossiers.ts';

const list = listAgencyDossiers(dossierRepository(config.TABLE_NAME), () => new Date());

export const handler = httpHandler('list-agency-dossiers', {
  schemas: { params: AgencyParams, query: WorkQueueQuery },
}).handle(async ({ caller, params, query }) => ({ status: 200, body: await list(caller, params.id, query) }));
