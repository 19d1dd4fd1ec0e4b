import type { ReadCache } from '../../../shared/use-cases/ports/read-cache.ts';

/**
 * A cache that keeps what it loads until forgotten (time does not pass in a unit test; a TTL of 0 keeps
 * nothing). Concurrent misses share one load; a failed load, or a value `keep` refuses, is not kept.
 */
export function fakeReadCache(ttlSeconds = 60): ReadCache {
  const kept = new Map<string, Promise<unknown>>();
  return {
    read<T>(key: string, load: () => Promise<T>, options: { keep?: (value: T) => boolean; ttlSeconds?: number } = {}) {
      const hit = kept.get(key) as Promise<T> | undefined;
      if (hit) return hit;
      const loading = load();
      if (ttlSeconds <= 0) return loading;
      kept.set(key, loading);
      const drop = () => {
        if (kept.get(key) === loading) kept.delete(key);
      };
      loading.then((value) => (options.keep?.(value) === false ? drop() : undefined), drop);
      return loading;
    },
    forget(key) {
      kept.delete(key);
    },
    forgetPrefix(prefix) {
      for (const key of kept.keys()) if (key.startsWith(prefix)) kept.delete(key);
    },
  };
}
