import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { notificationRepository } from '#adapters/dynamo/notification-repository.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { notifyApplicant } from '#shared/use-cases/notify-applicant.ts';

export const handler = queueHandler(
  'notify',
  notifyApplicant(notificationRepository(config.TABLE_NAME), {
    dossiers: dossierRepository(config.TABLE_NAME),
    agencies: agencyRepository(config.TABLE_NAME),
  }),
);
