import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { paymentRepository } from '#adapters/dynamo/payment-repository.ts';
import { callPartner } from '#adapters/partners/partner-client.ts';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import {
  type ListTransactions,
  previousVnDate,
  reconcilePayments,
} from '#shared/use-cases/payments/reconcile-payments.ts';

const reconcile = reconcilePayments({
  payments: paymentRepository(config.TABLE_NAME),
  platform: ((path, body) => callPartner('payments', path, body)) as ListTransactions,
  now: () => new Date(),
});

export const handler = middy(async (event: ScheduledEvent) => {
  // The scheduled instant, not this invocation's: a retried run reconciles the same day.
  const at = event.time ? new Date(event.time) : new Date();
  const result = await reconcile(previousVnDate(at));
  // Counts only: the differences (ids and amounts) are in the stored reconciliation.
  logger.info('Payments reconciled', { date: result.date, ...result.counts });
  return { date: result.date, ...result.counts };
}).use(injectLambdaContext(logger));
