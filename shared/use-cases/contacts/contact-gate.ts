import { createHash } from 'node:crypto';
import { type ContactChannel, confirmationCodeHours, normalizeContact } from '../../domain/notifications/contacts.ts';
import { newLookupPin, type PinHasher } from '../../domain/lookup-pin.ts';
import type { ContactConfirmations, ContactRef } from './ports.ts';

export interface ContactGateDeps {
  contacts: ContactConfirmations;
  /** Codes are stored as keyed hashes, like look-up PINs (lookup-pin.ts). */
  pins: () => Promise<PinHasher>;
  now: () => Date;
}

/** The address as a digest: neither a key nor a counter spells a number or an e-mail address. */
export const contactDigest = (channel: ContactChannel, address: string): string =>
  createHash('sha256').update(normalizeContact(channel, address)).digest('hex');

/** What a code is hashed with: the account and the contact, so a code confirms only the contact it was sent to. */
export const codeSubject = (ref: ContactRef): string => `contact\0${ref.sub}\0${ref.channel}\0${ref.digest}`;

/** Sends the code; `limited` when the recipient's daily allowance is spent (nothing sent). */
export type CodeSender = (code: string) => Promise<'sent' | 'limited'>;

/**
 * May notifications go to this contact? Yes once it is confirmed. Otherwise it gets one message with
 * a code, at most once in the code's validity, and nothing else until the code is entered.
 */
export function contactGate(deps: ContactGateDeps) {
  return async (ref: ContactRef, sendCode: CodeSender): Promise<'confirmed' | 'unconfirmed'> => {
    const state = await deps.contacts.get(ref);
    if (state?.status === 'confirmed') return 'confirmed';
    const now = deps.now();
    if (state && state.expiresAt > now) return 'unconfirmed';
    const code = newLookupPin();
    const codeHash = (await deps.pins()).hash(codeSubject(ref), code);
    const expiresAt = new Date(now.getTime() + confirmationCodeHours * 3600_000);
    // Another worker opened one first: its code is on the way.
    if (!(await deps.contacts.open(ref, codeHash, now, expiresAt))) return 'unconfirmed';
    let outcome: 'sent' | 'limited';
    try {
      outcome = await sendCode(code);
    } catch (error) {
      // Not sent: the next attempt opens a new one.
      await deps.contacts.withdraw(ref, codeHash);
      throw error;
    }
    if (outcome === 'limited') await deps.contacts.withdraw(ref, codeHash);
    return 'unconfirmed';
  };
}
