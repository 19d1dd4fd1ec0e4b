import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { DossierCodeParams, getDossier } from '#shared/use-cases/get-dossier.ts';

const get = getDossier(dossierRepository(config.TABLE_NAME), () => new Date());

export const handler = httpHandler('get-dossier', { schemas: { params: DossierCodeParams } }).handle(
  async ({ caller, params }) => {
    const dossier = await get(caller, params.code);
    return { status: 200, body: dossier, headers: { etag: `"${dossier.version}"` } };
  },
);
