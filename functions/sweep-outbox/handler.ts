import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { outboxRelay } from '#adapters/outbox-relay.ts';
import { eventPublisher } from '#adapters/sqs/event-publisher.ts';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import { sweepOutbox } from '#shared/use-cases/sweep-outbox.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
const sweep = sweepOutbox({
  dossiers,
  relay: outboxRelay(dossiers, eventPublisher(config.EVENT_QUEUES)),
  now: () => new Date(),
  graceSeconds: config.OUTBOX_GRACE_SECONDS,
});

export const handler = middy(async () => {
  const result = await sweep();
  if (result.found > 0) logger.info('Outbox sweep', result);
  return result;
}).use(injectLambdaContext(logger));
