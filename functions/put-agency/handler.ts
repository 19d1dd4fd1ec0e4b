import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { AgencyIdParams } from '#shared/use-cases/agencies/params.ts';
import { PutAgencyBody, putAgency } from '#shared/use-cases/agencies/put-agency.ts';

const put = putAgency(agencyRepository(config.TABLE_NAME));

export const handler = httpHandler('put-agency', {
  schemas: { params: AgencyIdParams, body: PutAgencyBody },
  middlewares: [idempotencyKeyHeader('put-agency')],
}).handle(async ({ params, body }) => {
  const { created, agency } = await put(params.id, body);
  return created
    ? { status: 201, body: agency, headers: { location: `/v1/agencies/${agency.id}` } }
    : { status: 200, body: agency };
});
