import type { Official } from '../domain/official.ts';
import { readCache, type ReadCacheOptions } from './read-cache.ts';

/** An official's roster entry by subject; undefined when they are not on the roster. */
export type RosterLookup = (sub: string) => Promise<Official | undefined>;

/** `ttlSeconds`: how long an entry (or its absence) is kept; 0 reads the roster every time. */
export type CachedRosterOptions = ReadCacheOptions;

/**
 * The roster as a container sees it: one read per official per `ttlSeconds`, shared by concurrent
 * requests. A failed read is not kept, so the next request tries again. An absence is kept like an
 * entry: a token naming no official costs one read a window, however often it is sent.
 */
export function cachedRoster(load: RosterLookup, options: CachedRosterOptions): RosterLookup {
  const cache = readCache(options);
  return (sub) => cache.read(sub, () => load(sub));
}
