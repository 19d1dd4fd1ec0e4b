import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { ListAgenciesQuery, listAgencies } from '#shared/use-cases/agencies/list-agencies.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const list = listAgencies(agencyRepository(config.TABLE_NAME));

export const handler = httpHandler('list-agencies', {
  originSecret: platformOriginSecret,
  schemas: { query: ListAgenciesQuery },
}).handle(async ({ query }) => ({ status: 200, body: await list(query) }));
