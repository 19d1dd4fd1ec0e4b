import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listMyDossiers } from '#shared/use-cases/list-dossiers.ts';
import { PageQuery } from '#shared/use-cases/pagination.ts';

const list = listMyDossiers(dossierRepository(config.TABLE_NAME), () => new Date());

export const handler = httpHandler('list-my-dossiers', { schemas: { query: PageQuery } }).handle(
  async ({ caller, query }) => ({ status: 200, body: await list(caller, query) }),
);
