import { notificationRepository } from '#adapters/dynamo/notification-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listMyNotifications, NotificationsQuery } from '#shared/use-cases/list-my-notifications.ts';

const list = listMyNotifications(notificationRepository(config.TABLE_NAME));

export const handler = httpHandler('list-my-notifications', { schemas: { query: NotificationsQuery } }).handle(
  async ({ caller, query }) => ({ status: 200, body: await list(caller, query) }),
);
