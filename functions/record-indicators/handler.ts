import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { dvcqgSyncRepository } from '#adapters/dynamo/dvcqg-sync.ts';
import { indicatorFactRepository } from '#adapters/dynamo/indicator-facts.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { recordIndicators } from '#shared/use-cases/record-indicators.ts';

const agencies = agencyRepository(config.TABLE_NAME);

export const handler = queueHandler(
  'record-indicators',
  recordIndicators({
    dossiers: dossierRepository(config.TABLE_NAME),
    catalogue: catalogueRepository(config.TABLE_NAME),
    calendarFor: (id) => agencies.calendarFor(id),
    facts: indicatorFactRepository(config.TABLE_NAME),
    documents: documentRepository(config.TABLE_NAME),
    sync: dvcqgSyncRepository(config.TABLE_NAME),
    now: () => new Date(),
  }),
);
