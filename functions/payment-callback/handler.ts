import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { paymentRepository } from '#adapters/dynamo/payment-repository.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { httpHandler } from '#http/http-handler.ts';
import { partnerWebhook } from '#http/partner-webhook.ts';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import { paymentCallback, TransactionReportBody } from '#shared/use-cases/payments/payment-callback.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
const settle = paymentCallback({
  dossiers,
  payments: paymentRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  store: documentFiles(),
  publicUrl: config.PUBLIC_URL,
  now: () => new Date(),
});

// Always 200 once the report is understood (a mismatch included): the platform must not keep retrying.
export const handler = httpHandler('payment-callback', {
  originSecret: platformOriginSecret,
  signature: partnerWebhook('payments'),
  schemas: { body: TransactionReportBody },
}).handle(async ({ body }) => {
  const result = await settle(body);
  logger.info('Payment reported', { paymentId: result.paymentId, outcome: result.outcome });
  return { status: 200, body: result };
});
