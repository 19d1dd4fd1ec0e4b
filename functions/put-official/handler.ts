import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { OfficialParams } from '#shared/use-cases/agencies/params.ts';
import { PutOfficialBody, putOfficial } from '#shared/use-cases/agencies/put-official.ts';

const put = putOfficial(agencyRepository(config.TABLE_NAME));

export const handler = httpHandler('put-official', {
  schemas: { params: OfficialParams, body: PutOfficialBody },
  middlewares: [idempotencyKeyHeader('put-official')],
}).handle(async ({ params, body }) => {
  const { created, official } = await put(params.id, params.sub, body);
  return { status: created ? 201 : 200, body: official };
});
