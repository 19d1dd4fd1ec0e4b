import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** The PIN printed on the receipt: six digits, stored only as a keyed hash (see {@link pinHasherOf}). */
export const newLookupPin = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Hashes and checks look-up PINs with the platform's pepper. */
export interface PinHasher {
  hash(code: string, pin: string): string;
  matches(code: string, pin: string, storedHash: string): boolean;
}

const version = 'v1';

/**
 * A million PINs per code: a hash salted with the (public) dossier code alone is reversed by trying
 * them all, so anyone holding a copy of the table would hold every PIN. Keyed with a secret pepper the
 * table does not hold (HMAC-SHA256), the stored hash gives nothing away without the secret. Hashes
 * stored before the pepper (`sha256(code:pin)`, unversioned) still match, so no receipt stops working.
 */
export function pinHasherOf(pepper: string): PinHasher {
  const keyed = (code: string, pin: string) =>
    createHmac('sha256', pepper).update(`egov-one-stop lookup pin\0${code}\0${pin}`).digest('hex');
  const hash = (code: string, pin: string) => `${version}.${keyed(code, pin)}`;
  return {
    hash,
    matches(code, pin, storedHash) {
      const expected = storedHash.startsWith(`${version}.`)
        ? hash(code, pin)
        : createHash('sha256').update(`${code}:${pin}`).digest('hex');
      const given = Buffer.from(expected, 'utf8');
      const stored = Buffer.from(storedHash, 'utf8');
      return given.length === stored.length && timingSafeEqual(given, stored);
    },
  };
}
