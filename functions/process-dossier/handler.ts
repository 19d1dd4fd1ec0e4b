import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { outboxRelay } from '#adapters/outbox-relay.ts';
import { eventPublisher } from '#adapters/sqs/event-publisher.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { routeDossier } from '#shared/use-cases/route-dossier.ts';

const dossiers = dossierRepository(config.TABLE_NAME);

export const handler = queueHandler(
  'process-dossier',
  routeDossier({
    dossiers,
    agencies: agencyRepository(config.TABLE_NAME),
    relay: outboxRelay(dossiers, eventPublisher(config.EVENT_QUEUES)),
    now: () => new Date(),
  }),
);
