/**
 * What a warm function keeps of what it read: reference data (catalogue, agencies, calendars), the
 * officials' roster. No library: lru-cache is not among the dependencies, and what is needed here is
 * its smallest part plus two things it does differently (an injected clock for the tests, and a
 * promise kept from the first miss so concurrent misses share one read).
 */
import type { ReadCache, ReadOptions } from '../use-cases/ports/read-cache.ts';

export interface ReadCacheOptions {
  /** How long a value is kept; 0 keeps nothing (every read loads). */
  ttlSeconds: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Entries kept at most; the least recently used go first. Default 1000. */
  maxEntries?: number;
}

interface Entry {
  expiresAt: number;
  value: Promise<unknown>;
}

export function readCache(options: ReadCacheOptions): ReadCache {
  const ttlMs = options.ttlSeconds * 1000;
  const clock = options.clock ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, Entry>();
  const drop = (key: string, entry: Entry) => {
    if (entries.get(key) === entry) entries.delete(key);
  };

  return {
    read<T>(key: string, load: () => Promise<T>, readOptions: ReadOptions<T> = {}): Promise<T> {
      if (ttlMs <= 0) return load();
      const now = clock();
      const hit = entries.get(key);
      entries.delete(key);
      if (hit && hit.expiresAt > now) {
        entries.set(key, hit); // most recently used last
        return hit.value as Promise<T>;
      }
      const value = load();
      const entry: Entry = { expiresAt: now + (readOptions.ttlSeconds ?? options.ttlSeconds) * 1000, value };
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      value.then(
        (loaded) => {
          if (readOptions.keep && !readOptions.keep(loaded)) drop(key, entry);
        },
        () => drop(key, entry),
      );
      return value;
    },
    forget(key) {
      entries.delete(key);
    },
    forgetPrefix(prefix) {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
