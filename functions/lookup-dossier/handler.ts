import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { lookupAttempts } from '#adapters/dynamo/lookup-attempts.ts';
import { httpHandler } from '#http/http-handler.ts';
import type { HttpEvent } from '#http/parse-request.ts';
import { config } from '#shared/config.ts';
import { LookupBody, lookupDossier } from '#shared/use-cases/lookup-dossier.ts';
import { clientAddress, withRetryAfter } from '#http/client-limits.ts';

const lookup = lookupDossier({
  dossiers: dossierRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  attempts: lookupAttempts(config.TABLE_NAME, {
    perCode: config.LOOKUP_FAILURES_PER_CODE,
    perClient: config.LOOKUP_FAILURES_PER_CLIENT,
    windowSeconds: config.LOOKUP_WINDOW_SECONDS,
  }),
  now: () => new Date(),
});

const stack = httpHandler('lookup-dossier', { schemas: { body: LookupBody }, middlewares: [clientAddress.middleware] });
const handle = stack.handle(async (request) => ({
  status: 200,
  body: await lookup(request.body, clientAddress.of(request)),
}));

export const handler = (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
  withRetryAfter(handle(event, context));
