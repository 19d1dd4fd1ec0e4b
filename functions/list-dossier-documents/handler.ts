import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { readAuditLog } from '#adapters/dynamo/read-audit.ts';
import { documentsPresigner } from '#adapters/s3/documents-presigner.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listDocuments } from '#shared/use-cases/documents/list-documents.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';
import { auditDossierRead } from '#shared/use-cases/read-audit.ts';

const list = listDocuments({
  dossiers: dossierRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
  presigner: documentsPresigner(),
  now: () => new Date(),
});
const audit = auditDossierRead(readAuditLog(config.TABLE_NAME), 'list-dossier-documents', () => new Date());

export const handler = httpHandler('list-dossier-documents', { schemas: { params: DossierCodeParams } }).handle(
  async ({ caller, params, requestId }) => {
    const body = await list(caller, params.code);
    // Recorded only once the read was allowed.
    await audit(caller, params.code, requestId);
    return { status: 200, body };
  },
);
