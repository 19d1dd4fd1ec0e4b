import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listOfficials } from '#shared/use-cases/agencies/list-officials.ts';
import { AgencyIdParams } from '#shared/use-cases/agencies/params.ts';
import { PageQuery } from '#shared/use-cases/pagination.ts';

const list = listOfficials(agencyRepository(config.TABLE_NAME));

export const handler = httpHandler('list-officials', { schemas: { params: AgencyIdParams, query: PageQuery } }).handle(
  async ({ caller, params, query }) => ({ status: 200, body: await list(caller, params.id, query) }),
);
