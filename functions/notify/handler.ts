import { notificationRepository } from '#adapters/dynamo/notification-repository.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { notifyApplicant } from '#shared/use-cases/notify-applicant.ts';

export const handler = queueHandler('notify', notifyApplicant(notificationRepository(config.TABLE_NAME)));
