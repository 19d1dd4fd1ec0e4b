import { notificationRepository } from '#adapters/dynamo/notification-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listMyNotifications } from '#shared/use-cases/list-my-notifications.ts';
import { PageQuery } from '#shared/use-cases/pagination.ts';

const list = listMyNotifications(notificationRepository(config.TABLE_NAME));

export const handler = httpHandler('list-my-notifications', { schemas: { query: PageQuery } }).handle(
  async ({ caller, query }) => ({ status: 200, body: await list(caller, query) }),
);
