import { preferenceRepository } from '#adapters/dynamo/notification-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { NotificationPreferencesBody, putNotificationPreferences } from '#shared/use-cases/list-my-notifications.ts';

const put = putNotificationPreferences(preferenceRepository(config.TABLE_NAME), () => new Date());

export const handler = httpHandler('put-notification-preferences', {
  schemas: { body: NotificationPreferencesBody },
  middlewares: [idempotencyKeyHeader('put-notification-preferences')],
}).handle(async ({ caller, body }) => ({ status: 200, body: await put(caller, body) }));
