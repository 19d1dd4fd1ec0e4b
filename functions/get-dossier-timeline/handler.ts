import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { readAuditLog } from '#adapters/dynamo/read-audit.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { DossierCodeParams, getDossierTimeline } from '#shared/use-cases/get-dossier.ts';
import { auditDossierRead } from '#shared/use-cases/read-audit.ts';

const timeline = getDossierTimeline(dossierRepository(config.TABLE_NAME));
const audit = auditDossierRead(readAuditLog(config.TABLE_NAME), 'get-dossier-timeline', () => new Date());

export const handler = httpHandler('get-dossier-timeline', { schemas: { params: DossierCodeParams } }).handle(
  async ({ caller, params, requestId }) => {
    const body = await timeline(caller, params.code);
    // Recorded only once the read was allowed.
    await audit(caller, params.code, requestId);
    return { status: 200, body };
  },
);
