import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { catalogueSearch } from '#shared/composition/search-procedures.ts';
import { config } from '#shared/config.ts';
import { SearchProceduresQuery } from '#shared/use-cases/catalogue/schemas.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

// Module scope: the catalogue read is cached for the container's next requests.
const search = catalogueSearch(catalogueRepository(config.TABLE_NAME));

export const handler = httpHandler('search-procedures', {
  originSecret: platformOriginSecret,
  schemas: { query: SearchProceduresQuery },
}).handle(async ({ query }) => ({ status: 200, body: await search(query) }));
