import type { ContactConfirmations, ContactRef } from '../../../shared/use-cases/contacts/ports.ts';

interface ContactItem {
  status: 'pending' | 'confirmed';
  codeHash: string;
  /** Whole seconds, as the adapter stores `codeExpiresAt`. */
  codeExpiresAt: number;
}

const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * Contact confirmations in memory, as dynamo/contact-confirmations.ts keeps them: `open` only when there
 * is none or the pending code has expired (never over a confirmed contact); `withdraw` and `confirm`
 * only for the pending code given; a confirmed contact keeps its code until it would have expired, so
 * `pending` still lists it (confirmed) and a retried confirmation is answered the same.
 */
export function fakeContactConfirmations(): ContactConfirmations & { items: Map<string, ContactItem> } {
  const items = new Map<string, ContactItem>();
  const keyOf = (c: ContactRef) => `${c.sub}|${c.channel}#${c.digest}`;
  return {
    items,
    async get(contact) {
      const item = items.get(keyOf(contact));
      if (!item) return undefined;
      if (item.status === 'confirmed') return { status: 'confirmed' };
      return { status: 'pending', codeHash: item.codeHash, expiresAt: new Date(item.codeExpiresAt * 1000) };
    },
    async open(contact, codeHash, now, expiresAt) {
      const item = items.get(keyOf(contact));
      if (item && !(item.status === 'pending' && item.codeExpiresAt <= seconds(now))) return false;
      items.set(keyOf(contact), { status: 'pending', codeHash, codeExpiresAt: seconds(expiresAt) });
      return true;
    },
    async withdraw(contact, codeHash) {
      const item = items.get(keyOf(contact));
      if (item?.status === 'pending' && item.codeHash === codeHash) items.delete(keyOf(contact));
    },
    async pending(sub, now) {
      return [...items]
        .filter(([key, item]) => key.startsWith(`${sub}|`) && item.codeExpiresAt > seconds(now))
        .map(([key, item]) => {
          const [channel, digest] = key.slice(sub.length + 1).split('#') as [ContactRef['channel'], string];
          return { sub, channel, digest, codeHash: item.codeHash, confirmed: item.status === 'confirmed' };
        });
    },
    async confirm(contact, codeHash) {
      const item = items.get(keyOf(contact));
      if (item?.status === 'pending' && item.codeHash === codeHash) item.status = 'confirmed';
    },
  };
}
