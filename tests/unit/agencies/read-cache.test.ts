import { describe, expect, it } from 'vitest';
import { readCache } from '../../../shared/adapters/read-cache.ts';

/** A source that counts its loads and can be made to fail or to hold a load until released. */
function source() {
  const loads: string[] = [];
  let now = 0;
  let failNext = false;
  const held: (() => void)[] = [];
  let holding = false;
  /** Loads `v-<key>`, or the value given (`undefined` included). */
  const load =
    (key: string, ...value: [unknown?]) =>
    async () => {
      loads.push(key);
      if (holding) await new Promise<void>((release) => held.push(release));
      if (failNext) {
        failNext = false;
        throw new Error('ProvisionedThroughputExceededException');
      }
      return value.length > 0 ? value[0] : `v-${key}`;
    };
  return {
    loads,
    load,
    clock: () => now,
    advance: (ms: number) => (now += ms),
    failNext: () => (failNext = true),
    hold: () => (holding = true),
    releaseAll: () => {
      holding = false;
      held.splice(0).forEach((release) => release());
    },
  };
}

describe('readCache', () => {
  it('keeps a value for its TTL and loads it again once the TTL has passed', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock });
    expect(await cache.read('a', s.load('a'))).toBe('v-a');
    s.advance(59_999);
    expect(await cache.read('a', s.load('a'))).toBe('v-a');
    expect(s.loads).toEqual(['a']);
    s.advance(1);
    await cache.read('a', s.load('a'));
    expect(s.loads).toEqual(['a', 'a']);
  });

  it('keeps each key apart', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock });
    expect(await cache.read('a', s.load('a'))).toBe('v-a');
    expect(await cache.read('b', s.load('b'))).toBe('v-b');
    expect(s.loads).toEqual(['a', 'b']);
  });

  it('shares one load between concurrent misses of a key', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock });
    s.hold();
    const reads = [cache.read('a', s.load('a')), cache.read('a', s.load('a')), cache.read('a', s.load('a'))];
    s.releaseAll();
    expect(await Promise.all(reads)).toEqual(['v-a', 'v-a', 'v-a']);
    expect(s.loads).toEqual(['a']);
  });

  it('does not keep a failed load: the next read tries again', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock });
    s.failNext();
    await expect(cache.read('a', s.load('a'))).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(await cache.read('a', s.load('a'))).toBe('v-a');
    expect(s.loads).toEqual(['a', 'a']);
  });

  it('shares a failing load with the reads that waited on it, and only with them', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock });
    s.hold();
    s.failNext();
    const reads = [cache.read('a', s.load('a')), cache.read('a', s.load('a'))];
    s.releaseAll();
    for (const read of reads) await expect(read).rejects.toThrow();
    expect(await cache.read('a', s.load('a'))).toBe('v-a');
    expect(s.loads).toEqual(['a', 'a']);
  });

  it('loads on every read with a TTL of 0', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 0, clock: s.clock });
    await cache.read('a', s.load('a'));
    await cache.read('a', s.load('a'));
    expect(s.loads).toEqual(['a', 'a']);
  });

  it('keeps a value for its own TTL when the read names one, and nothing with a cache TTL of 0', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock });
    await cache.read('version', s.load('version'), { ttlSeconds: 3600 });
    s.advance(3_599_999);
    await cache.read('version', s.load('version'), { ttlSeconds: 3600 });
    expect(s.loads).toEqual(['version']);
    s.advance(1);
    await cache.read('version', s.load('version'), { ttlSeconds: 3600 });
    expect(s.loads).toEqual(['version', 'version']);

    const off = readCache({ ttlSeconds: 0, clock: s.clock });
    await off.read('version', s.load('version'), { ttlSeconds: 3600 });
    await off.read('version', s.load('version'), { ttlSeconds: 3600 });
    expect(s.loads).toHaveLength(4);
  });

  it('does not keep what `keep` refuses (an unknown id), but shares it with concurrent reads', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock });
    const keep = (value: unknown) => value !== undefined;
    s.hold();
    const reads = [cache.read('ghost', s.load('ghost', undefined), { keep }), cache.read('ghost', s.load('ghost'))];
    s.releaseAll();
    expect(await Promise.all(reads)).toEqual([undefined, undefined]);
    expect(await cache.read('ghost', s.load('ghost', undefined), { keep })).toBeUndefined();
    expect(s.loads).toEqual(['ghost', 'ghost']);
  });

  it('forgets one key, or every key with a prefix', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock });
    for (const key of ['agency:1', 'agency:2', 'holidays']) await cache.read(key, s.load(key));
    cache.forget('holidays');
    cache.forgetPrefix('agency:');
    for (const key of ['agency:1', 'agency:2', 'holidays']) await cache.read(key, s.load(key));
    expect(s.loads).toHaveLength(6);
  });

  it('keeps at most maxEntries, forgetting the least recently used', async () => {
    const s = source();
    const cache = readCache({ ttlSeconds: 60, clock: s.clock, maxEntries: 2 });
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await cache.read(key, s.load(key));
    // `a` read again before `c` came: `b` was the least recently used, not `a`.
    expect(s.loads).toEqual(['a', 'b', 'c', 'b']);
  });
});
