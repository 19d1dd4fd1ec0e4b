import { integer, invalid, withDefault } from '../env-vars.ts';
import { type ReadCache, readCache } from './read-cache.ts';

/** REFERENCE_CACHE_SECONDS's rule; shared/config.ts lists it, so a function with a broken value fails at init. */
export const referenceCacheSeconds = withDefault(integer(0, 900), 60);

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

/** Forgets what every table's cache holds (tests that change data behind the repositories' back). */
export function clearReferenceCaches(): void {
  for (const cache of caches.values()) cache.forgetPrefix('');
}
