/** The channels a notification is delivered on outside the platform. */
export type DeliveryChannel = 'email' | 'sms';

/**
 * A claim on one delivery: `claimed` (send, then settle with `token`); `settled`: sent, or skipped for
 * good (a recipient's daily limit reached), nothing more to do; `busy`: another worker holds a fresh claim.
 */
export type DeliveryClaim = { outcome: 'claimed'; token: string } | { outcome: 'settled' } | { outcome: 'busy' };

/** How a claimed delivery ended: `skipped` is final, like `sent`; `failed` is retried. */
export type DeliveryOutcome =
  | { status: 'sent'; at: string }
  | { status: 'skipped'; at: string; reason: string }
  | { status: 'failed'; at: string; reason: string };

/**
 * Delivery records, one per (event, channel, recipient): a worker claims one before sending and settles
 * it after, so a second delivery of the same event finds it sent and sends nothing.
 */
export interface DeliveryRepository {
  /**
   * Claims the delivery: granted when there is none yet, or the last attempt failed, or another claim
   * is older than the lease (a worker that died holding it).
   */
  claim(eventId: string, channel: DeliveryChannel, recipientId: string, now: Date): Promise<DeliveryClaim>;

  /** Records how the claimed delivery ended; a no-op when another worker has taken the claim over since. */
  settle(
    eventId: string,
    channel: DeliveryChannel,
    recipientId: string,
    token: string,
    outcome: DeliveryOutcome,
  ): Promise<void>;
}
