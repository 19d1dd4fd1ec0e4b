import { captureEmailSender, sesEmailSender } from '#adapters/notifications/email.ts';
import { deliverDeps } from '#shared/composition/deliver-notification.ts';
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
  deliverOnChannel({ channel: 'email', send: sender() }, deliverDeps()),
  { backoff: backoffOf(config, 'deliver-email') },
);
