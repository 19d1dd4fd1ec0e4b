import { paymentRepository } from '#adapters/dynamo/payment-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { getReconciliation, ReconciliationParams } from '#shared/use-cases/payments/get-reconciliation.ts';

const get = getReconciliation(paymentRepository(config.TABLE_NAME));

export const handler = httpHandler('get-payment-reconciliation', {
  schemas: { params: ReconciliationParams },
}).handle(async ({ params }) => ({ status: 200, body: await get(params.date) }));
