import { notificationRepository } from '#adapters/dynamo/notification-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { markNotificationRead, NotificationIdParams } from '#shared/use-cases/list-my-notifications.ts';

const markRead = markNotificationRead(notificationRepository(config.TABLE_NAME), () => new Date());

export const handler = httpHandler('mark-notification-read', {
  schemas: { params: NotificationIdParams },
  middlewares: [idempotencyKeyHeader('mark-notification-read')],
}).handle(async ({ caller, params }) => ({ status: 200, body: await markRead(caller, params.id) }));
