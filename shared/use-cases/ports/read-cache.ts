/** How one value is kept by a {@link ReadCache}. */
export interface ReadOptions<T> {
  /** Whether a loaded value is kept (default: every value, `undefined` included). */
  keep?: (value: T) => boolean;
  /**
   * How long this value is kept, in place of the cache's TTL: longer for what never changes (a saved
   * procedure version). A cache whose TTL is 0 keeps nothing all the same.
   */
  ttlSeconds?: number;
}

/** What a warm function keeps of what it read, for the cache's TTL. */
export interface ReadCache {
  /**
   * The value kept for `key`, else `load()`'s, kept for the TTL. Concurrent misses of one key share
   * one load; a failed load, or a value `keep` refuses, is not kept.
   */
  read<T>(key: string, load: () => Promise<T>, options?: ReadOptions<T>): Promise<T>;
  /** Forgets one key (after a write of what it names). */
  forget(key: string): void;
  /** Forgets every key that starts with `prefix`; `''` forgets everything. */
  forgetPrefix(prefix: string): void;
}
