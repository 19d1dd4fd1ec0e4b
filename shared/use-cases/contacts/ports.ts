import type { ContactChannel } from '../../domain/notifications/contacts.ts';

/** One of an account's contacts (by a digest of the address, never the address itself). */
export interface ContactRef {
  sub: string;
  channel: ContactChannel;
  digest: string;
}

export type ContactState = { status: 'confirmed' } | { status: 'pending'; codeHash: string; expiresAt: Date };

/** The confirmation state of each contact an account's dossiers named. */
export interface ContactConfirmations {
  get(contact: ContactRef): Promise<ContactState | undefined>;
  /**
   * Opens a pending confirmation with this code unless the contact is confirmed or a code sent to it
   * is still valid: one conditional write, so of two racing workers one sends a code. False: not opened.
   */
  open(contact: ContactRef, codeHash: string, now: Date, expiresAt: Date): Promise<boolean>;
  /** Withdraws the pending confirmation opened with this code (its message could not be sent). */
  withdraw(contact: ContactRef, codeHash: string): Promise<void>;
  /** The account's codes still valid at `now`: waiting to be entered, or entered already (`confirmed`). */
  pending(sub: string, now: Date): Promise<(ContactRef & { codeHash: string; confirmed: boolean })[]>;
  /** Confirmed, if still pending with this code. */
  confirm(contact: ContactRef, codeHash: string, now: Date): Promise<void>;
}
