import type {
  DeliveryChannel,
  DeliveryOutcome,
  DeliveryRepository,
} from '../../../shared/use-cases/ports/delivery-repository.ts';

interface DeliveryRecord {
  status: 'sending' | DeliveryOutcome['status'];
  token: string;
  claimedAt: string;
  attempts: number;
  reason?: string;
}

/**
 * Delivery records in memory, as dynamo/notification-repository.ts deliveryRepository keeps them: a
 * claim is granted when there is no record, the last attempt failed, or a claim is older than the lease
 * (`leaseSeconds`); a record sent or skipped answers `settled`, a fresh claim `busy`. `settle` is a
 * no-op for a token another claim replaced. `records` is there for a test to look at.
 */
export function fakeDeliveryRepository(
  leaseSeconds = 300,
): DeliveryRepository & { records: Map<string, DeliveryRecord> } {
  const records = new Map<string, DeliveryRecord>();
  const keyOf = (eventId: string, channel: DeliveryChannel, recipientId: string) =>
    `${eventId}#${channel}#${recipientId}`;
  let tokens = 0;
  return {
    records,
    async claim(eventId, channel, recipientId, now) {
      const key = keyOf(eventId, channel, recipientId);
      const record = records.get(key);
      const stale = new Date(now.getTime() - leaseSeconds * 1000).toISOString();
      const free = !record || record.status === 'failed' || (record.status === 'sending' && record.claimedAt < stale);
      if (!free)
        return record.status === 'sent' || record.status === 'skipped' ? { outcome: 'settled' } : { outcome: 'busy' };
      const token = `token-${++tokens}`;
      records.set(key, {
        status: 'sending',
        token,
        claimedAt: now.toISOString(),
        attempts: (record?.attempts ?? 0) + 1,
      });
      return { outcome: 'claimed', token };
    },
    async settle(eventId, channel, recipientId, token, outcome) {
      const record = records.get(keyOf(eventId, channel, recipientId));
      if (record?.token !== token) return;
      record.status = outcome.status;
      record.reason = outcome.status === 'sent' ? '' : outcome.reason;
    },
  };
}
