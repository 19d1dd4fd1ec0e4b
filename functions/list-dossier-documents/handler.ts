import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentsPresigner } from '#adapters/s3/documents-presigner.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listDocuments } from '#shared/use-cases/documents/list-documents.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';

const list = listDocuments({
  dossiers: dossierRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
  presigner: documentsPresigner(),
  now: () => new Date(),
});

export const handler = httpHandler('list-dossier-documents', { schemas: { params: DossierCodeParams } }).handle(
  async ({ caller, params }) => ({ status: 200, body: await list(caller, params.code) }),
);
