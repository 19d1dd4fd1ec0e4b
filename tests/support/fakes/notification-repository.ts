import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import type {
  NotificationRepository,
  StoredNotification,
} from '../../../shared/use-cases/ports/notification-repository.ts';
import { byKey, copy, pageOf } from './page.ts';

const notFound = () => new RuleViolation('not-found', 'not-found', 'Không tìm thấy thông báo.');

/**
 * The in-app inboxes in memory, as dynamo/notification-repository.ts keeps them: one entry per
 * recipient and event (a redelivery is `duplicate` and changes nothing), newest first, the id an
 * opaque name of the entry's time and event; `markRead` keeps the first `readAt`, and answers
 * not-found for an id of another inbox.
 */
export function fakeNotificationRepository(): NotificationRepository {
  const inboxes = new Map<string, Map<string, StoredNotification>>();
  const inboxOf = (recipientId: string) => {
    let inbox = inboxes.get(recipientId);
    if (!inbox) inboxes.set(recipientId, (inbox = new Map()));
    return inbox;
  };
  const sortKey = (n: StoredNotification) => `${n.createdAt}#${n.eventId}`;

  return {
    async record(message, eventId, occurredAt) {
      const inbox = inboxOf(message.recipientId);
      const id = Buffer.from(`${occurredAt}#${eventId}`).toString('base64url');
      if (inbox.has(id)) return 'duplicate';
      const { recipientId, dossierCode, title, body } = message;
      inbox.set(id, { id, recipientId, dossierCode, title, body, eventId, createdAt: occurredAt, read: false });
      return 'created';
    },
    async listFor(recipientId, request) {
      const entries = [...inboxOf(recipientId).values()]
        .filter((n) => request.read === undefined || n.read === request.read)
        .sort(byKey(sortKey, 'descending'))
        .map(copy);
      return pageOf(entries, sortKey, `inbox:${recipientId}`, request);
    },
    async markRead(recipientId, id, at) {
      const entry = inboxes.get(recipientId)?.get(id);
      if (!entry) throw notFound();
      entry.read = true;
      entry.readAt ??= at;
      return copy(entry);
    },
  };
}
