import type { InAppMessage } from '../../domain/notifications/templates.ts';
import type { Page, PageRequest } from './page.ts';

/** An entry of a user's in-app inbox. */
export interface StoredNotification extends InAppMessage {
  /** Opaque: names the inbox entry (its time and the event that caused it). */
  id: string;
  eventId: string;
  createdAt: string;
  read: boolean;
  readAt?: string;
}

/** A page of an inbox; `read` keeps only read (true) or unread (false) entries, all when absent. */
export interface NotificationListRequest extends PageRequest {
  read?: boolean;
}

/** Each user's in-app inbox. */
export interface NotificationRepository {
  /**
   * Records the message in its recipient's inbox, keyed by the recipient and the event that caused it:
   * a redelivered event finds its message already there (`duplicate`) and changes nothing.
   */
  record(message: InAppMessage, eventId: string, occurredAt: string): Promise<'created' | 'duplicate'>;

  /** The recipient's entries, newest first; a page is short only at the end of the inbox. */
  listFor(recipientId: string, request: NotificationListRequest): Promise<Page<StoredNotification>>;

  /**
   * Marks one of the recipient's entries read; again is harmless (the first `readAt` stays). Throws a
   * `not-found` RuleViolation for an unknown id or another user's entry.
   */
  markRead(recipientId: string, id: string, at: string): Promise<StoredNotification>;
}
