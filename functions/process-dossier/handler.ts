import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { routeDossier } from '#shared/use-cases/route-dossier.ts';

const dossiers = dossierRepository(config.TABLE_NAME);

export const handler = queueHandler(
  'process-dossier',
  routeDossier({
    dossiers,
    agencies: agencyRepository(config.TABLE_NAME),
    now: () => new Date(),
  }),
);
