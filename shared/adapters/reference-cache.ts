import { integer, invalid, withDefault } from '../env-vars.ts';
import type { ReadCache } from '../use-cases/ports/read-cache.ts';
import { readCache } from './read-cache.ts';

const defaultSeconds = 60;
/** REFERENCE_CACHE_SECONDS's rule; shared/config.ts lists it, so a function with a broken value fails at init. */
export const referenceCacheSeconds = withDefault(integer(0, 900), defaultSeconds);

/** A table's catalogue and agency tree hold a few thousand items; the hot ones are far fewer. */
const maxEntries = 5000;

const caches = new Map<string, ReadCache>();

/**
 * The process's cache of one table's reference data: procedures, agencies, officials, calendars and
 * holidays, for REFERENCE_CACHE_SECONDS. Module scope, shared by every repository of the table in the
 * process: a write through any of them is seen by the others at once (the local cloud runs every
 * function in one process), while another Lambda container sees it once its entry expires.
 * REFERENCE_CACHE_SECONDS is read here rather than through shared/config.ts: the repositories are also
 * built by the seed, scripts and tests, which have none of the rest of the platform's environment.
 */
export function referenceCache(tableName: string): ReadCache {
  let cache = caches.get(tableName);
  if (!cache) {
    const ttlSeconds = referenceCacheSeconds(process.env.REFERENCE_CACHE_SECONDS);
    if (ttlSeconds === invalid) throw new Error('Invalid configuration: REFERENCE_CACHE_SECONDS');
    cache = readCache({ ttlSeconds, maxEntries });
    caches.set(tableName, cache);
  }
  return cache;
}

/** A repository's own cache settings (tests; the local signing service); without them it uses the process's. */
export interface CacheOptions {
  /** How long a read is kept. 0: not cached. Default 60. */
  cacheSeconds?: number;
  /** Milliseconds since the epoch, for the cache's expiry. Default `Date.now`. */
  clock?: () => number;
}

/**
 * What a repository of reference data reads through, and how its writes make it forget: its own cache
 * and the process's, which the other repositories of the table read.
 */
export function repositoryCache(tableName: string, options: CacheOptions) {
  const shared = referenceCache(tableName);
  const cache =
    options.cacheSeconds === undefined && options.clock === undefined
      ? shared
      : readCache({
          ttlSeconds: options.cacheSeconds ?? defaultSeconds,
          ...(options.clock ? { clock: options.clock } : {}),
        });
  const both = [...new Set([cache, shared])];
  return {
    read: cache.read,
    forget: (...keys: string[]) => both.forEach((c) => keys.forEach((key) => c.forget(key))),
    forgetPrefix: (prefix: string) => both.forEach((c) => c.forgetPrefix(prefix)),
  };
}

/** Forgets what every table's cache holds (tests that change data behind the repositories' back). */
export function clearReferenceCaches(): void {
  for (const cache of caches.values()) cache.forgetPrefix('');
}
