import { captureSmsSender, httpSmsSender } from '#adapters/notifications/sms.ts';
import { deliverDeps } from '#shared/composition/deliver-notification.ts';
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
    deliverDeps(),
  ),
  { backoff: backoffOf(config, 'deliver-sms') },
);
