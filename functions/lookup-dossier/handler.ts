import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { lookupAttempts } from '#adapters/dynamo/lookup-attempts.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { LookupBody, lookupDossier } from '#shared/use-cases/lookup-dossier.ts';

const lookup = lookupDossier({
  dossiers: dossierRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  attempts: lookupAttempts(config.TABLE_NAME),
  now: () => new Date(),
});

export const handler = httpHandler('lookup-dossier', { schemas: { body: LookupBody } }).handle(async ({ body }) => ({
  status: 200,
  body: await lookup(body),
}));
