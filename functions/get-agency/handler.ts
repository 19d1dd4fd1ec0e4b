import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { getAgency } from '#shared/use-cases/agencies/get-agency.ts';
import { AgencyIdParams } from '#shared/use-cases/agencies/params.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const get = getAgency({ agencies: agencyRepository(config.TABLE_NAME), now: () => new Date() });

export const handler = httpHandler('get-agency', {
  originSecret: platformOriginSecret,
  schemas: { params: AgencyIdParams },
}).handle(async ({ params }) => ({ status: 200, body: await get(params.id) }));
