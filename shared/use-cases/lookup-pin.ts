import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** The PIN printed on the receipt: six digits, stored only as a hash salted with the dossier code. */
export const newLookupPin = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hashPin = (code: string, pin: string): string =>
  createHash('sha256').update(`${code}:${pin}`).digest('hex');

export function pinMatches(code: string, pin: string, storedHash: string): boolean {
  const given = Buffer.from(hashPin(code, pin), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
