import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import type { HttpEvent } from '#http/parse-request.ts';
import { pinCheckDeps } from '#shared/composition/pin-check.ts';
import { config } from '#shared/config.ts';
import { LookupBody, lookupDossier } from '#shared/use-cases/lookup-dossier.ts';
import { clientAddress, withRetryAfter } from '#http/client-limits.ts';

const lookup = lookupDossier({
  ...pinCheckDeps(dossierRepository(config.TABLE_NAME)),
  agencies: agencyRepository(config.TABLE_NAME),
});

const stack = httpHandler('lookup-dossier', { schemas: { body: LookupBody }, middlewares: [clientAddress.middleware] });
const handle = stack.handle(async (request) => ({
  status: 200,
  body: await lookup(request.body, clientAddress.of(request)),
}));

export const handler = (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
  withRetryAfter(handle(event, context));
