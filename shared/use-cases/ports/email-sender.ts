/** One plain-text email to one recipient. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  /** The delivery key: the message's reference at the provider (and locally, its captured file's name). */
  deliveryId: string;
}

/** Hands one email to the provider; resolves once it accepted it, throws otherwise (the queue retries). */
export type EmailSender = (email: Email) => Promise<void>;
