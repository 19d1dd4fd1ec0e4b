import { businessMetrics } from '#adapters/business-metrics.ts';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { deliveryRepository, preferenceRepository } from '#adapters/dynamo/notification-repository.ts';
import { captureEmailSender, sesEmailSender } from '#adapters/notifications/email.ts';
import { platformQuotas } from '#shared/composition/quotas.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { backoffOf } from '#shared/queue/retry-backoff.ts';
import { deliverOnChannel } from '#shared/use-cases/deliver-notification.ts';

function sender() {
  if (config.EMAIL_TRANSPORT === 'ses') return sesEmailSender(config.EMAIL_FROM);
  if (!config.NOTIFICATION_CAPTURE_DIR) throw new Error('EMAIL_TRANSPORT=capture needs NOTIFICATION_CAPTURE_DIR');
  return captureEmailSender(config.EMAIL_FROM, config.NOTIFICATION_CAPTURE_DIR);
}

export const handler = queueHandler(
  'deliver-email',
  deliverOnChannel(
    { channel: 'email', send: sender() },
    {
      dossiers: dossierRepository(config.TABLE_NAME),
      agencies: agencyRepository(config.TABLE_NAME),
      preferences: preferenceRepository(config.TABLE_NAME),
      deliveries: deliveryRepository(config.TABLE_NAME, { leaseSeconds: 60 }),
      quotas: platformQuotas,
      now: () => new Date(),
      metrics: businessMetrics,
    },
  ),
  { backoff: backoffOf(config, 'deliver-email') },
);
