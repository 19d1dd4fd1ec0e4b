import type {
  DeliveryChannel,
  DeliveryRepository,
  PreferenceRepository,
} from '../adapters/dynamo/notification-repository.ts';
import type { EmailSender } from '../adapters/notifications/email.ts';
import type { SmsSender } from '../adapters/notifications/sms.ts';
import type { Applicant } from '../domain/dossier/dossier.ts';
import type { DomainEvent } from '../domain/events.ts';
import { composeSms, type SmsDiacritics } from '../domain/notifications/sms.ts';
import type { Message } from '../domain/notifications/templates.ts';
import { logger } from '../observability.ts';
import { type MessageSources, renderMessages } from './notify-applicant.ts';

export interface DeliverDeps extends MessageSources {
  preferences: PreferenceRepository;
  deliveries: DeliveryRepository;
  now: () => Date;
}

export type ChannelSender =
  | { channel: 'email'; send: EmailSender }
  | { channel: 'sms'; send: SmsSender; diacritics: SmsDiacritics; maxSegments: number };

const emailFooter =
  '\n\n--\nThông báo tự động từ Hệ thống thông tin giải quyết thủ tục hành chính. Vui lòng không trả lời email này.';

const addressOf = (channel: DeliveryChannel, applicant: Applicant) =>
  channel === 'email' ? applicant.email : applicant.phone;

/** Providers' error messages may quote the address: never into a record or a log line. */
const redact = (text: string) =>
  text
    .replace(/[^\s@<>"']+@[^\s@<>"']+/g, '<email>')
    .replace(/\+?\d[\d .-]{7,}\d/g, '<number>')
    .slice(0, 300);

/** Thrown while another worker holds a fresh claim on the same delivery: the queue retries later. */
export class DeliveryInProgress extends Error {}

/**
 * One channel (email or SMS) of the applicant's notifications. Exactly once as the applicant sees
 * it: each (event, channel, recipient) is claimed in a delivery record before sending and marked
 * sent after; a redelivered or duplicated event finds it sent. A failed send releases the claim and
 * fails the record, so this channel's queue retries it and, in the end, moves it to its own DLQ.
 */
export function deliverOnChannel(sender: ChannelSender, deps: DeliverDeps) {
  const { channel } = sender;
  return async (event: DomainEvent): Promise<void> => {
    // Only applicants have email and phone on the dossier; officials read their inbox.
    const applicantId = (event.data as { applicantId?: unknown }).applicantId;
    if (typeof applicantId !== 'string') return;
    if (!(await deps.preferences.get(applicantId))[channel]) return;
    const { messages, applicant } = await renderMessages(event, deps, { withApplicant: true });
    const address = applicant && addressOf(channel, applicant);
    if (!address) return;
    for (const message of messages.filter((m) => m.audience === 'applicant' && m.recipientId === applicantId)) {
      await deliverOne(event, message, address);
    }
  };

  async function deliverOne(event: DomainEvent, message: Message, address: string): Promise<void> {
    const claim = await deps.deliveries.claim(event.id, channel, message.recipientId, deps.now());
    if (claim.outcome === 'sent') {
      logger.info('already delivered', { channel });
      return;
    }
    if (claim.outcome === 'busy') throw new DeliveryInProgress(`${channel} delivery of ${event.id} is in progress`);
    const deliveryId = `${event.id}:${channel}:${message.recipientId}`;
    try {
      if (sender.channel === 'email') {
        await sender.send({ to: address, subject: message.title, text: message.body + emailFooter, deliveryId });
      } else {
        const sms = composeSms(message.sms, sender.diacritics, sender.maxSegments);
        await sender.send({ to: address, message: sms, deliveryId });
      }
    } catch (error) {
      const reason = redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      await deps.deliveries.settle(event.id, channel, message.recipientId, claim.token, {
        status: 'failed',
        at: deps.now().toISOString(),
        reason,
      });
      logger.warn('delivery failed; the queue will retry', { channel, reason });
      throw error;
    }
    await deps.deliveries.settle(event.id, channel, message.recipientId, claim.token, {
      status: 'sent',
      at: deps.now().toISOString(),
    });
    logger.info('delivered', { channel });
  }
}
