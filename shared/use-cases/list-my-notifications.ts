import type { NotificationRepository } from '../adapters/dynamo/notification-repository.ts';
import type { Caller } from '../domain/caller.ts';

export function listMyNotifications(notifications: NotificationRepository) {
  return async (caller: Caller, page: { limit: number; cursor?: string }) => {
    const { items, nextCursor } = await notifications.listFor(caller.sub, page);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  };
}
