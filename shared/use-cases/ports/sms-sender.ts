import type { SmsText } from '../../domain/notifications/sms.ts';

/** One text message to one phone number. */
export interface Sms {
  to: string;
  message: SmsText;
  /** The delivery key: the gateway's idempotency key and our reference. */
  deliveryId: string;
}

/** Hands one SMS to the gateway; resolves once it accepted it, throws otherwise (the queue retries). */
export type SmsSender = (sms: Sms) => Promise<void>;
