import type { NotificationRepository } from '../adapters/dynamo/notification-repository.ts';
import { describeAppointment } from '../domain/calendar/index.ts';
import type { DomainEvent } from '../domain/events.ts';
import { messagesFor } from '../domain/notifications/templates.ts';

/** Records the in-app messages an event calls for, once each, however often the event arrives. */
export function notifyApplicant(notifications: NotificationRepository) {
  return async (event: DomainEvent): Promise<void> => {
    for (const message of messagesFor(event, (iso) => describeAppointment(new Date(iso)))) {
      await notifications.record(message, event.id, event.occurredAt);
    }
  };
}
