/**
 * The dossier timeline as a hash chain: each entry stores the hash of the entry before it and its
 * own, so changing, deleting, reordering or moving a stored entry breaks a link the verifier finds.
 * The first entry links to a genesis derived from the dossier code, so entries cannot be moved
 * between dossiers. Truncating the newest entries is not detectable from the timeline alone.
 */
import { createHash } from 'node:crypto';
import type { TimelineEntry } from './dossier.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with keys sorted at every level and undefined members left out, as DynamoDB would store them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The link before the first entry: bound to the dossier code. */
export const genesisHash = (code: string): string => sha256(`DOSSIER#${code}`);

/** An entry's hash: its previous link and its content without the chain fields. */
export function entryHash(prevHash: string, entry: TimelineEntry): string {
  const { hash: _hash, prevHash: _prev, ...content } = entry;
  return sha256(`${prevHash}\n${canonicalJson(content)}`);
}

/**
 * Appends `newEntries` to the already stored `previousEntries`, each linked to the one before.
 * Stored entries are kept as they are (never re-hashed: that would launder a tampered entry).
 */
export function chainTimeline(
  code: string,
  previousEntries: readonly TimelineEntry[],
  newEntries: readonly TimelineEntry[],
): TimelineEntry[] {
  let prevHash = previousEntries.at(-1)?.hash ?? genesisHash(code);
  const chained = newEntries.map((entry) => {
    const { hash: _hash, prevHash: _prev, ...content } = entry;
    const hash = entryHash(prevHash, content);
    const linked = { ...content, prevHash, hash };
    prevHash = hash;
    return linked;
  });
  return [...previousEntries, ...chained];
}

export type TimelineVerification =
  | { ok: true; entries: number }
  | {
      ok: false;
      index: number;
      /** `unchained`: written before the chain (or stripped of it); `broken-link`: its previous link is not the entry before's hash; `hash-mismatch`: its content changed. */
      reason: 'unchained' | 'broken-link' | 'hash-mismatch';
      action: string;
      at: string;
      expected: string;
      found: string | null;
    };

/** Walks the chain from the genesis of `code`; reports the first entry that does not hold. */
export function verifyTimeline(code: string, entries: readonly TimelineEntry[]): TimelineVerification {
  let expectedPrev = genesisHash(code);
  for (const [index, entry] of entries.entries()) {
    const at = { index, action: entry.action, at: entry.at };
    if (typeof entry.hash !== 'string' || typeof entry.prevHash !== 'string') {
      return { ok: false, ...at, reason: 'unchained', expected: expectedPrev, found: entry.prevHash ?? null };
    }
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, ...at, reason: 'broken-link', expected: expectedPrev, found: entry.prevHash };
    }
    const computed = entryHash(entry.prevHash, entry);
    if (computed !== entry.hash) {
      return { ok: false, ...at, reason: 'hash-mismatch', expected: computed, found: entry.hash };
    }
    expectedPrev = entry.hash;
  }
  return { ok: true, entries: entries.length };
}
