import { describe, expect, it } from 'vitest';
import { codeSubject, contactGate } from '../../../shared/use-cases/contacts/contact-gate.ts';
import type { ContactConfirmations, ContactRef, ContactState } from '../../../shared/use-cases/contacts/ports.ts';
import { pinHasherOf } from '../../../shared/domain/lookup-pin.ts';

/** The port in memory, with the conditional `open` the DynamoDB adapter makes. */
function memoryContacts() {
  const items = new Map<string, ContactState & { codeHash?: string }>();
  const key = (c: ContactRef) => `${c.sub}|${c.channel}|${c.digest}`;
  const port: ContactConfirmations = {
    get: async (c) => items.get(key(c)),
    async open(c, codeHash, now, expiresAt) {
      const held = items.get(key(c));
      if (held && (held.status === 'confirmed' || held.expiresAt > now)) return false;
      items.set(key(c), { status: 'pending', codeHash, expiresAt });
      return true;
    },
    async withdraw(c, codeHash) {
      const held = items.get(key(c));
      if (held?.status === 'pending' && held.codeHash === codeHash) items.delete(key(c));
    },
    pending: async () => [],
    async confirm(c) {
      items.set(key(c), { status: 'confirmed' });
    },
  };
  return { port, items, key };
}

const ref: ContactRef = { sub: 'citizen-binh', channel: 'phone', digest: 'd1' };
const pins = pinHasherOf('test pepper');

describe('the contact gate', () => {
  it('sends one code per validity window, never the dossier, and lets messages through once confirmed', async () => {
    const { port } = memoryContacts();
    let now = new Date('2026-12-01T08:00:00Z');
    const gate = contactGate({ contacts: port, pins: async () => pins, now: () => now });
    const codes: string[] = [];
    const send = async (code: string) => {
      codes.push(code);
      return 'sent' as const;
    };
    expect(await gate(ref, send)).toBe('unconfirmed');
    expect(await gate(ref, send)).toBe('unconfirmed');
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^\d{6}$/);
    // 24 hours later the code has expired: a new one.
    now = new Date('2026-12-02T08:00:01Z');
    expect(await gate(ref, send)).toBe('unconfirmed');
    expect(codes).toHaveLength(2);
    await port.confirm(ref, '', now);
    expect(await gate(ref, send)).toBe('confirmed');
    expect(codes).toHaveLength(2);
  });

  it('stores only a keyed hash of the code, bound to the account and the contact', async () => {
    const { port, items, key } = memoryContacts();
    const gate = contactGate({ contacts: port, pins: async () => pins, now: () => new Date() });
    let sent = '';
    await gate(ref, async (code) => {
      sent = code;
      return 'sent';
    });
    const stored = items.get(key(ref));
    expect(stored?.codeHash).not.toContain(sent);
    expect(pins.matches(codeSubject(ref), sent, stored?.codeHash ?? '')).toBe(true);
    expect(pins.matches(codeSubject({ ...ref, sub: 'citizen-an' }), sent, stored?.codeHash ?? '')).toBe(false);
  });

  it('withdraws a code that could not be sent, so the retry sends a new one', async () => {
    const { port } = memoryContacts();
    const gate = contactGate({ contacts: port, pins: async () => pins, now: () => new Date() });
    await expect(gate(ref, () => Promise.reject(new Error('gateway down')))).rejects.toThrow('gateway down');
    expect(await gate(ref, async () => 'limited')).toBe('unconfirmed');
    let sent = 0;
    expect(
      await gate(ref, async () => {
        sent += 1;
        return 'sent';
      }),
    ).toBe('unconfirmed');
    expect(sent).toBe(1);
  });
});
