import { businessMetrics } from '#adapters/business-metrics.ts';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { deliveryRepository, preferenceRepository } from '#adapters/dynamo/notification-repository.ts';
import { captureSmsSender, httpSmsSender } from '#adapters/notifications/sms.ts';
import { platformQuotas } from '#shared/composition/quotas.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { backoffOf } from '#shared/queue/retry-backoff.ts';
import { deliverOnChannel } from '#shared/use-cases/deliver-notification.ts';

function sender() {
  if (config.SMS_TRANSPORT === 'http') return httpSmsSender(config.SMS_GATEWAY_URL, config.SMS_SENDER);
  if (!config.NOTIFICATION_CAPTURE_DIR) throw new Error('SMS_TRANSPORT=capture needs NOTIFICATION_CAPTURE_DIR');
  return captureSmsSender(config.SMS_SENDER, config.NOTIFICATION_CAPTURE_DIR);
}

export const handler = queueHandler(
  'deliver-sms',
  deliverOnChannel(
    { channel: 'sms', send: sender(), diacritics: config.SMS_DIACRITICS, maxSegments: config.SMS_MAX_SEGMENTS },
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
  { backoff: backoffOf(config, 'deliver-sms') },
);
