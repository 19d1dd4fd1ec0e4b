import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { PutHolidaysBody, putHolidays } from '#shared/use-cases/agencies/holidays.ts';
import { YearParams } from '#shared/use-cases/agencies/params.ts';

const put = putHolidays(agencyRepository(config.TABLE_NAME));

export const handler = httpHandler('put-holidays', {
  schemas: { params: YearParams, body: PutHolidaysBody },
  middlewares: [idempotencyKeyHeader('put-holidays')],
}).handle(async ({ params, body }) => {
  const { created, holidays } = await put(params.year, body);
  return { status: created ? 201 : 200, body: holidays };
});
