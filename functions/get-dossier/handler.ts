import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { documentView } from '#shared/use-cases/documents/upload-document.ts';
import { DossierCodeParams, getDossier } from '#shared/use-cases/get-dossier.ts';

const get = getDossier(dossierRepository(config.TABLE_NAME), () => new Date());
const documents = documentRepository(config.TABLE_NAME);

export const handler = httpHandler('get-dossier', { schemas: { params: DossierCodeParams } }).handle(
  async ({ caller, params }) => {
    const dossier = await get(caller, params.code);
    // Read only once the caller may read the dossier: its documents' metadata, one Query on its partition.
    const attached = (await documents.list(params.code)).map(documentView);
    return { status: 200, body: { ...dossier, documents: attached }, headers: { etag: `"${dossier.version}"` } };
  },
);
