import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { getProcedure } from '#shared/use-cases/catalogue/get-procedure.ts';
import { GetProcedureQuery, ProcedureCodeParams } from '#shared/use-cases/catalogue/schemas.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const get = getProcedure(catalogueRepository(config.TABLE_NAME));

export const handler = httpHandler('get-procedure', {
  originSecret: platformOriginSecret,
  schemas: { params: ProcedureCodeParams, query: GetProcedureQuery },
}).handle(async ({ params, query }) => {
  const procedure = await get(params.code, query.version);
  return { status: 200, body: procedure, headers: { etag: `"${procedure.version}"` } };
});
