import * as z from 'zod/mini';
import type { NotificationRepository } from './ports/notification-repository.ts';
import type { PreferenceRepository } from './ports/preference-repository.ts';
import type { Caller } from '../domain/caller.ts';
import { PageQuery } from './pagination.ts';

/** `read=false`: unread only; `read=true`: read only; absent: all. */
export const NotificationsQuery = z.extend(PageQuery, {
  read: z.optional(
    z.pipe(
      z.enum(['true', 'false'], { message: 'read phải là true hoặc false' }),
      z.transform((v) => v === 'true'),
    ),
  ),
});

export function listMyNotifications(notifications: NotificationRepository) {
  return async (caller: Caller, query: { limit: number; cursor?: string; read?: boolean }) => {
    const { items, nextCursor } = await notifications.listFor(caller.sub, query);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  };
}

export const NotificationIdParams = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,512}$/, 'Mã thông báo không hợp lệ')),
});

/** Marks one of the caller's notifications read; idempotent. 404 for another user's or an unknown id. */
export function markNotificationRead(notifications: NotificationRepository, now: () => Date) {
  return (caller: Caller, id: string) => notifications.markRead(caller.sub, id, now().toISOString());
}

export const NotificationPreferencesBody = z.strictObject({
  email: z.boolean({ message: 'email phải là true hoặc false' }),
  sms: z.boolean({ message: 'sms phải là true hoặc false' }),
});

/** The caller's channels: in-app is always on; email and SMS may be turned off. */
export function putNotificationPreferences(preferences: PreferenceRepository, now: () => Date) {
  return (caller: Caller, body: z.infer<typeof NotificationPreferencesBody>) =>
    preferences.put(caller.sub, body, now().toISOString());
}
