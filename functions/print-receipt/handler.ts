import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { readAuditLog } from '#adapters/dynamo/read-audit.ts';
import { clientAddress } from '#http/client-address.ts';
import { httpHandler } from '#http/http-handler.ts';
import { pinCheckDeps } from '#shared/composition/pin-check.ts';
import { config } from '#shared/config.ts';
import { PrintReceiptBody, printReceipt } from '#shared/use-cases/documents/print-receipt.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';
import { auditDossierRead } from '#shared/use-cases/read-audit.ts';

const print = printReceipt({
  ...pinCheckDeps(dossierRepository(config.TABLE_NAME)),
  catalogue: catalogueRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
  publicUrl: config.PUBLIC_URL,
});
const audit = auditDossierRead(readAuditLog(config.TABLE_NAME), 'print-receipt', () => new Date());

export const handler = httpHandler('print-receipt', {
  schemas: { params: DossierCodeParams, body: PrintReceiptBody },
  middlewares: [clientAddress.middleware],
}).handle(async (request) => {
  const { caller, params, body, requestId } = request;
  const pdf = await print(caller, params.code, body.pin, clientAddress.of(request));
  // The receipt names the applicant: its printing is a read of personal data, audited like one.
  await audit(caller, params.code, requestId);
  return {
    status: 200,
    file: pdf,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="mau-01-giay-tiep-nhan-${params.code}.pdf"`,
    },
  };
});
