import type { Official } from '../domain/official.ts';

/** An official's roster entry by subject; undefined when they are not on the roster. */
export type RosterLookup = (sub: string) => Promise<Official | undefined>;

export interface CachedRosterOptions {
  /** How long an entry (or its absence) is kept; 0 reads the roster every time. */
  ttlSeconds: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Entries kept at most; the oldest go first. Default 1000 (a container serves a few dozen officials). */
  maxEntries?: number;
}

interface Entry {
  expiresAt: number;
  value: Promise<Official | undefined>;
}

/**
 * The roster as a container sees it: one read per official per `ttlSeconds`, shared by concurrent
 * requests. A failed read is not kept, so the next request tries again.
 */
export function cachedRoster(load: RosterLookup, options: CachedRosterOptions): RosterLookup {
  const ttlMs = options.ttlSeconds * 1000;
  const clock = options.clock ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, Entry>();
  return (sub) => {
    const now = clock();
    const hit = entries.get(sub);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = load(sub);
    if (ttlMs > 0) {
      const entry = { expiresAt: now + ttlMs, value };
      entries.delete(sub);
      entries.set(sub, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      value.catch(() => {
        if (entries.get(sub) === entry) entries.delete(sub);
      });
    }
    return value;
  };
}
