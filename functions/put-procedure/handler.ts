import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { putProcedure } from '#shared/use-cases/catalogue/put-procedure.ts';
import { ProcedureBody, ProcedureCodeParams } from '#shared/use-cases/catalogue/schemas.ts';

const put = putProcedure({
  catalogue: catalogueRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
});

export const handler = httpHandler('put-procedure', {
  schemas: { params: ProcedureCodeParams, body: ProcedureBody },
  middlewares: [idempotencyKeyHeader('put-procedure')],
}).handle(async ({ params, body }) => {
  const { outcome, procedure } = await put(params.code, body);
  const location = `/v1/procedures/${procedure.code}?version=${procedure.version}`;
  return {
    status: outcome === 'created' ? 201 : 200,
    body: procedure,
    headers: {
      etag: `"${procedure.version}"`,
      'content-location': location,
      ...(outcome === 'created' ? { location } : {}),
    },
  };
});
