import type { NotificationRepository } from '../adapters/dynamo/notification-repository.ts';
import { describeAppointment } from '../domain/calendar/index.ts';
import type { DomainEvent } from '../domain/events.ts';
import { applicantMessage } from '../domain/notifications/templates.ts';

/** Records the applicant's in-app message for an event, once, however often the event arrives. */
export function notifyApplicant(notifications: NotificationRepository) {
  return async (event: DomainEvent): Promise<void> => {
    const message = applicantMessage(event, (iso) => describeAppointment(new Date(iso)));
    if (message) await notifications.record(message, event.id, event.occurredAt);
  };
}
