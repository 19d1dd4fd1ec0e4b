import { agencyRegisterSource } from '#adapters/dynamo/agency-register.ts';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { documentsPresigner } from '#adapters/s3/documents-presigner.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { agencyRegister, RegisterQuery } from '#shared/use-cases/documents/agency-register.ts';
import { AgencyParams } from '#shared/use-cases/list-dossiers.ts';

const register = agencyRegister({
  source: agencyRegisterSource(config.TABLE_NAME, dossierRepository(config.TABLE_NAME)),
  agencies: agencyRepository(config.TABLE_NAME),
  store: documentFiles(),
  files: documentsPresigner(),
  now: () => new Date(),
});

export const handler = httpHandler('get-agency-register', {
  schemas: { params: AgencyParams, query: RegisterQuery },
}).handle(async ({ caller, params, query }) => ({ status: 200, body: await register(caller, params.id, query) }));
