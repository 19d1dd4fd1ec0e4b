import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { getHolidays } from '#shared/use-cases/agencies/holidays.ts';
import { YearParams } from '#shared/use-cases/agencies/params.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const get = getHolidays(agencyRepository(config.TABLE_NAME));

export const handler = httpHandler('get-holidays', {
  originSecret: platformOriginSecret,
  schemas: { params: YearParams },
}).handle(async ({ params }) => ({
  status: 200,
  body: await get(params.year),
}));
