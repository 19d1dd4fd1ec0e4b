import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { readAuditLog } from '#adapters/dynamo/read-audit.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { printControlSlip } from '#shared/use-cases/documents/control-slip.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';
import { auditDossierRead } from '#shared/use-cases/read-audit.ts';

const print = printControlSlip({
  dossiers: dossierRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  audit: auditDossierRead(readAuditLog(config.TABLE_NAME), 'print-control-slip', () => new Date()),
  publicUrl: config.PUBLIC_URL,
  now: () => new Date(),
});

export const handler = httpHandler('print-control-slip', { schemas: { params: DossierCodeParams } }).handle(
  async ({ caller, params, requestId }) => ({
    status: 200,
    file: await print(caller, params.code, requestId),
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="mau-06-phieu-kiem-soat-${params.code}.pdf"`,
    },
  }),
);
