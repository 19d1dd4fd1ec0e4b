import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { pinCheckDeps } from '#shared/composition/pin-check.ts';
import { config } from '#shared/config.ts';
import { LookupBody, lookupDossier } from '#shared/use-cases/lookup-dossier.ts';
import { clientAddress } from '#http/client-address.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const lookup = lookupDossier({
  ...pinCheckDeps(dossierRepository(config.TABLE_NAME)),
  agencies: agencyRepository(config.TABLE_NAME),
});

export const handler = httpHandler('lookup-dossier', {
  originSecret: platformOriginSecret,
  schemas: { body: LookupBody },
  middlewares: [clientAddress.middleware],
}).handle(async (request) => ({
  status: 200,
  body: await lookup(request.body, clientAddress.of(request)),
}));
