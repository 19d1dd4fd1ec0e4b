import { describe, expect, it } from 'vitest';
import { cachedRoster } from '../../../shared/adapters/cached-roster.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import { type Official, rosterRefusal } from '../../../shared/domain/official.ts';

const hoa: Official = {
  sub: 'receiver-hoa',
  name: 'Lê Thị Hoa',
  agencyId: '24.TTPVHCC',
  roles: ['receiver'],
  active: true,
};
const token: Caller = { sub: 'receiver-hoa', roles: ['receiver'], agencyId: '24.TTPVHCC' };
const admin: Official = {
  sub: 'admin-quang',
  name: 'Ngô Văn Quang',
  agencyId: '24.UBND',
  roles: ['admin'],
  active: true,
};

describe('rosterRefusal', () => {
  it.each<[string, Caller, Official | undefined, string | undefined]>([
    ['a token that matches the roster', token, hoa, undefined],
    ['a role added on the roster since the token', token, { ...hoa, roles: ['receiver', 'specialist'] }, undefined],
    ['a citizen, not on the roster', { sub: 'citizen-an', roles: ['citizen'] }, undefined, undefined],
    ['an integration client, not on the roster', { sub: 'dvcqg', roles: ['integration'] }, undefined, undefined],
    [
      'a province-wide admin, filed under the People’s Committee',
      { sub: 'admin-quang', roles: ['admin'] },
      admin,
      undefined,
    ],
    ['an official not on the roster', token, undefined, 'official-not-on-roster'],
    ['another subject’s entry', token, { ...hoa, sub: 'receiver-mai' }, 'official-not-on-roster'],
    ['a deactivated official', token, { ...hoa, active: false }, 'official-inactive'],
    ['an official moved to another agency', token, { ...hoa, agencyId: '24.07210.TTPVHCC' }, 'official-moved'],
    ['an agency role with no agency in the token', { sub: 'receiver-hoa', roles: ['receiver'] }, hoa, 'official-moved'],
    [
      'an admin token naming another agency',
      { ...token, sub: 'admin-quang', roles: ['admin'] },
      admin,
      'official-moved',
    ],
    ['a role withdrawn', { ...token, roles: ['receiver', 'leader'] }, hoa, 'official-roles-changed'],
    [
      'an admin no longer admin',
      { sub: 'admin-quang', roles: ['admin'] },
      { ...admin, roles: ['auditor'] },
      'official-roles-changed',
    ],
  ])('%s', (_, caller, official, code) => {
    const refusal = rosterRefusal(caller, official);
    expect(refusal?.code).toBe(code);
    if (refusal) expect(refusal.kind).toBe('forbidden');
  });

  it('refuses a citizen who also claims an official role they no longer hold', () => {
    expect(rosterRefusal({ ...token, roles: ['citizen', 'receiver'] }, { ...hoa, active: false })?.code).toBe(
      'official-inactive',
    );
  });
});

describe('cachedRoster', () => {
  function counted(official: Official | null = hoa) {
    const reads: string[] = [];
    let now = 0;
    const fail = { next: false };
    const load = async (sub: string) => {
      reads.push(sub);
      if (fail.next) {
        fail.next = false;
        throw new Error('throttled');
      }
      return official ?? undefined;
    };
    return { reads, fail, load, clock: () => now, advance: (ms: number) => (now += ms) };
  }

  it('reads an official once per window, and again once the window has passed', async () => {
    const store = counted();
    const roster = cachedRoster(store.load, { ttlSeconds: 60, clock: store.clock });
    await Promise.all([roster('receiver-hoa'), roster('receiver-hoa')]);
    store.advance(59_999);
    expect(await roster('receiver-hoa')).toEqual(hoa);
    expect(store.reads).toEqual(['receiver-hoa']);
    store.advance(1);
    await roster('receiver-hoa');
    expect(store.reads).toEqual(['receiver-hoa', 'receiver-hoa']);
  });

  it('keeps an absence like an entry, and each official apart', async () => {
    const store = counted(null);
    const roster = cachedRoster(store.load, { ttlSeconds: 60, clock: store.clock });
    expect(await roster('ghost')).toBeUndefined();
    await roster('ghost');
    await roster('other');
    expect(store.reads).toEqual(['ghost', 'other']);
  });

  it('reads every time with a window of 0', async () => {
    const store = counted();
    const roster = cachedRoster(store.load, { ttlSeconds: 0, clock: store.clock });
    await roster('receiver-hoa');
    await roster('receiver-hoa');
    expect(store.reads).toHaveLength(2);
  });

  it('does not keep a failed read', async () => {
    const store = counted();
    const roster = cachedRoster(store.load, { ttlSeconds: 60, clock: store.clock });
    store.fail.next = true;
    await expect(roster('receiver-hoa')).rejects.toThrow('throttled');
    expect(await roster('receiver-hoa')).toEqual(hoa);
    expect(store.reads).toHaveLength(2);
  });

  it('forgets the oldest entry beyond its size', async () => {
    const store = counted();
    const roster = cachedRoster(store.load, { ttlSeconds: 60, clock: store.clock, maxEntries: 2 });
    for (const sub of ['a', 'b', 'c', 'b', 'a']) await roster(sub);
    expect(store.reads).toEqual(['a', 'b', 'c', 'a']);
  });
});
