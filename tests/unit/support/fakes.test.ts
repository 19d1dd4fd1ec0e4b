/**
 * The in-memory ports (tests/support/fakes) keep the contracts the adapters keep, or a use case's unit
 * test would pass on a fake that forgives what the table refuses.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Decision } from '../../../shared/domain/dossier/dossier.ts';
import { fakeDocumentRepository } from '../../support/fakes/document-repository.ts';
import { fakeDocumentStore } from '../../support/fakes/document-store.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { pageOf } from '../../support/fakes/page.ts';
import { fakeReadCache } from '../../support/fakes/read-cache.ts';
import { submittedPermit } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const next = (decision: Decision, changes: Partial<Decision['dossier']> = {}): Decision => ({
  dossier: { ...decision.dossier, version: decision.dossier.version + 1, ...changes },
  events: [],
});

describe('the dossier repository fake', () => {
  it('refuses a second create of a code as DynamoDB does, with its conditional-check error', async () => {
    const dossiers = fakeDossierRepository();
    await dossiers.create({ dossier: submittedPermit(), events: [] });
    await expect(dossiers.create({ dossier: submittedPermit(), events: [] })).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
  });

  it('saves only on the version read, refusing others with the current version', async () => {
    const dossiers = fakeDossierRepository([submittedPermit()]);
    const first = submittedPermit();
    await dossiers.save(first, next({ dossier: first, events: [] }));
    await expect(dossiers.save(first, next({ dossier: first, events: [] }))).rejects.toMatchObject({
      code: 'version-conflict',
      details: { currentVersion: 2 },
    });
    await expect(fakeDossierRepository().save(first, next({ dossier: first, events: [] }))).rejects.toMatchObject({
      code: 'version-conflict',
      details: { currentVersion: undefined },
    });
  });

  it('keeps the last write’s events only, the last five marks, and its own copy', async () => {
    const dossiers = fakeDossierRepository([submittedPermit()]);
    let before = submittedPermit();
    for (let i = 1; i <= 6; i++) {
      const mark = { key: `k${i}`, digest: `d${i}` };
      const marks = (await dossiers.get(code))?.requests ?? [];
      before = (await dossiers.save(before, next({ dossier: before, events: [] }), { mark, marks })).dossier;
    }
    const stored = await dossiers.get(code);
    expect(stored?.requests.map((m) => m.key)).toEqual(['k2', 'k3', 'k4', 'k5', 'k6']);
    expect(stored?.outbox).toEqual([]);
    await dossiers.save(before, next({ dossier: before, events: [] }));
    expect((await dossiers.get(code))?.requests).toHaveLength(5);
    stored?.dossier.handledBy.push('24.STP');
    expect((await dossiers.get(code))?.dossier.handledBy).toEqual(['24.SXD']);
  });

  it('yields the open dossiers due on a local date', async () => {
    const due = submittedPermit().dueAt;
    const dossiers = fakeDossierRepository([submittedPermit()]);
    const found: string[] = [];
    for await (const d of dossiers.openDueOn(due.slice(0, 10))) found.push(d.code);
    expect(found).toEqual([code]);
  });
});

describe('the fakes’ pages', () => {
  const items = ['a', 'b', 'c'];
  it('honour the limit and refuse a cursor of another list or none of ours', () => {
    const first = pageOf(items, (x) => x, 'one', { limit: 2 });
    expect(first.items).toEqual(['a', 'b']);
    expect(pageOf(items, (x) => x, 'one', { limit: 2, cursor: first.nextCursor ?? '' })).toEqual({ items: ['c'] });
    expect(() => pageOf(items, (x) => x, 'two', { limit: 2, cursor: first.nextCursor ?? '' })).toThrow(
      expect.objectContaining({ code: 'invalid-cursor' }),
    );
    expect(() => pageOf(items, (x) => x, 'one', { limit: 2, cursor: 'forged' })).toThrow(
      expect.objectContaining({ code: 'invalid-cursor' }),
    );
    expect(pageOf(items, (x) => x, 'one', { limit: 3 })).toEqual({ items });
  });
});

describe('the document fakes', () => {
  it('settle a pending document once', async () => {
    const repository = fakeDocumentRepository();
    const document = {
      id: 'x',
      dossierCode: code,
      kind: 'upload' as const,
      name: 'Đơn',
      key: 'k',
      contentType: 'application/pdf' as const,
      size: 3,
      digitised: false,
      status: 'pending' as const,
      createdBy: 'citizen-an',
      createdAt: '2026-03-02T09:00:00+07:00',
    };
    expect(await repository.create(document)).toBe(true);
    expect(await repository.create(document)).toBe(false);
    const verified = await repository.markVerified(code, 'x', { sha256: 's', verifiedAt: 't', key: 'v' });
    expect(verified).toMatchObject({ status: 'verified', key: 'v' });
    const reason = { code: 'type-mismatch' as const, reason: 'r' };
    expect(await repository.markQuarantined(code, 'x', reason, 'q')).toEqual(verified);
    expect(await repository.markVerified(code, 'y', { sha256: 's', verifiedAt: 't' })).toBeUndefined();
  });

  it('digest the stored bytes', async () => {
    const store = fakeDocumentStore({ k: new Uint8Array([1, 2, 3]) });
    expect(await store.digest('k', 2)).toEqual({
      sha256: createHash('sha256')
        .update(new Uint8Array([1, 2, 3]))
        .digest('hex'),
      size: 3,
      head: new Uint8Array([1, 2]),
    });
    expect(await store.read('missing')).toBeUndefined();
  });
});

describe('the read cache fake', () => {
  it('shares a load, keeps what it may, forgets on demand', async () => {
    const cache = fakeReadCache();
    const load = vi.fn(async () => 1);
    expect(await Promise.all([cache.read('a', load), cache.read('a', load)])).toEqual([1, 1]);
    expect(load).toHaveBeenCalledTimes(1);
    await cache.read('b', load, { keep: () => false });
    await cache.read('b', load);
    expect(load).toHaveBeenCalledTimes(3);
    await expect(cache.read('c', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.read('c', load)).toBe(1);
    cache.forgetPrefix('');
    await cache.read('a', load);
    expect(load).toHaveBeenCalledTimes(5);
  });
});
