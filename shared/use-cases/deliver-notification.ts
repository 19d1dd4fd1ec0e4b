import type { DomainEvent } from '../domain/events.ts';
import { type ContactChannel, confirmationMessage } from '../domain/notifications/contacts.ts';
import { composeSms, type SmsDiacritics } from '../domain/notifications/sms.ts';
import type { Message } from '../domain/notifications/templates.ts';
import { logger } from '../observability.ts';
import { type MessageSources, renderMessages } from './notify-applicant.ts';
import { contactDigest, type contactGate } from './contacts/contact-gate.ts';
import type { Quotas } from './quotas.ts';
import type { BusinessMetrics } from './ports/business-metrics.ts';
import type { DeliveryChannel, DeliveryRepository } from './ports/delivery-repository.ts';
import type { EmailSender } from './ports/email-sender.ts';
import type { PreferenceRepository } from './ports/preference-repository.ts';
import type { SmsSender } from './ports/sms-sender.ts';

export interface DeliverDeps extends MessageSources {
  preferences: PreferenceRepository;
  deliveries: DeliveryRepository;
  now: () => Date;
  /**
   * Texts and e-mails per recipient per day (SMS_PER_RECIPIENT_PER_DAY, EMAILS_PER_RECIPIENT_PER_DAY):
   * a filing may name anyone's phone and e-mail, so whoever files cannot make the platform flood them.
   */
  quotas?: Quotas;
  /**
   * A contact the applicant typed that neither their account nor a person at the desk vouched for
   * receives one confirmation code, and nothing else until the citizen enters it (contacts/contact-gate.ts).
   */
  contactGate: ReturnType<typeof contactGate>;
  /** NotificationFailures for each send that failed (the queue retries it). */
  metrics?: BusinessMetrics;
}

export type ChannelSender =
  | { channel: 'email'; send: EmailSender }
  | { channel: 'sms'; send: SmsSender; diacritics: SmsDiacritics; maxSegments: number };

const emailFooter =
  '\n\n--\nThông báo tự động từ Hệ thống thông tin giải quyết thủ tục hành chính. Vui lòng không trả lời email này.';

const contactOf = (channel: DeliveryChannel): ContactChannel => (channel === 'email' ? 'email' : 'phone');

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
    const { messages, applicant, confirmedContacts } = await renderMessages(event, deps, { withApplicant: true });
    const contact = contactOf(channel);
    const address = applicant?.[contact];
    if (!address) return;
    const recipient = contactDigest(contact, address);
    const mine = messages.filter((m) => m.audience === 'applicant' && m.recipientId === applicantId);
    if (mine.length === 0) return;
    // Asked once, and only when a message is still to be sent: a redelivered event sends no new code.
    let gate: Promise<boolean> | undefined;
    const open = () =>
      (gate ??= confirmedContacts?.includes(contact)
        ? Promise.resolve(true)
        : deps
            .contactGate({ sub: applicantId, channel: contact, digest: recipient }, (code) =>
              sendCode(address, recipient, code),
            )
            .then((state) => state === 'confirmed'));
    for (const message of mine) await deliverOne(event, message, address, recipient, open);
  };

  /** The contact's confirmation code, counted in its daily allowance like any message. */
  async function sendCode(address: string, recipient: string, code: string): Promise<'sent' | 'limited'> {
    const allowance = deps.quotas ? await deps.quotas.claim(channel, recipient, deps.now()) : undefined;
    if (allowance && !allowance.granted) return 'limited';
    const text = confirmationMessage(contactOf(channel), code);
    const deliveryId = `contact:${recipient}:${deps.now().toISOString()}`;
    try {
      await send(text, address, deliveryId);
    } catch (error) {
      if (allowance?.granted) await allowance.release();
      throw error;
    }
    logger.info('contact confirmation code sent', { channel });
    return 'sent';
  }

  async function send(message: Pick<Message, 'title' | 'body' | 'sms'>, address: string, deliveryId: string) {
    if (sender.channel === 'email') {
      await sender.send({ to: address, subject: message.title, text: message.body + emailFooter, deliveryId });
    } else {
      const sms = composeSms(message.sms, sender.diacritics, sender.maxSegments);
      await sender.send({ to: address, message: sms, deliveryId });
    }
  }

  async function deliverOne(
    event: DomainEvent,
    message: Message,
    address: string,
    recipient: string,
    open: () => Promise<boolean>,
  ): Promise<void> {
    const claim = await deps.deliveries.claim(event.id, channel, message.recipientId, deps.now());
    if (claim.outcome === 'settled') {
      logger.info('already sent or skipped', { channel });
      return;
    }
    if (claim.outcome === 'busy') throw new DeliveryInProgress(`${channel} delivery of ${event.id} is in progress`);
    /** The claimed delivery's outcome: `sent`, `skipped` for good, or `failed` so the queue's retry tries again. */
    const settle = (...[status, reason]: ['sent'] | ['skipped' | 'failed', string]) =>
      deps.deliveries.settle(
        event.id,
        channel,
        message.recipientId,
        claim.token,
        status === 'sent' ? { status, at: deps.now().toISOString() } : { status, at: deps.now().toISOString(), reason },
      );
    let contactOpen: boolean;
    try {
      contactOpen = await open();
    } catch (error) {
      // The code could not be sent: failed, so the queue's retry tries again.
      await settle('failed', 'confirmation-code-not-sent');
      throw error;
    }
    if (!contactOpen) {
      await settle('skipped', 'contact-unconfirmed');
      logger.info('contact not confirmed: not sent', { channel });
      return;
    }
    // Counted after the claim, so a redelivered event already sent counts nothing.
    const allowance = deps.quotas ? await deps.quotas.claim(channel, recipient, deps.now()) : undefined;
    if (allowance && !allowance.granted) {
      // Final, not failed: the queue must not retry it, nor the batch fail, for a limit that holds all day.
      await settle('skipped', 'recipient-daily-limit');
      logger.warn('recipient daily limit reached: not sent', { channel });
      return;
    }
    const deliveryId = `${event.id}:${channel}:${message.recipientId}`;
    try {
      await send(message, address, deliveryId);
    } catch (error) {
      // Not sent: the retry counts again.
      if (allowance?.granted) await allowance.release();
      const reason = redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      await settle('failed', reason);
      logger.warn('delivery failed; the queue will retry', { channel, reason });
      deps.metrics?.count('NotificationFailures');
      throw error;
    }
    await settle('sent');
    logger.info('delivered', { channel });
  }
}
