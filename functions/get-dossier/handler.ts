import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { readAuditLog } from '#adapters/dynamo/read-audit.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { documentView } from '#shared/use-cases/documents/upload-document.ts';
import { DossierCodeParams, getDossier } from '#shared/use-cases/get-dossier.ts';
import { auditDossierRead } from '#shared/use-cases/read-audit.ts';

const get = getDossier(dossierRepository(config.TABLE_NAME), () => new Date());
const documents = documentRepository(config.TABLE_NAME);
const audit = auditDossierRead(readAuditLog(config.TABLE_NAME), 'get-dossier', () => new Date());

export const handler = httpHandler('get-dossier', { schemas: { params: DossierCodeParams } }).handle(
  async ({ caller, params, requestId }) => {
    const dossier = await get(caller, params.code);
    // Read only once the caller may read the dossier: its documents' metadata, one Query on its partition,
    // alongside the read audit's one PutItem.
    const [listed] = await Promise.all([documents.list(params.code), audit(caller, params.code, requestId)]);
    const attached = listed.map(documentView);
    return { status: 200, body: { ...dossier, documents: attached }, headers: { etag: `"${dossier.version}"` } };
  },
);
