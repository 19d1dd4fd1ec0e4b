import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/dossier/dossier.ts';
import {
  canonicalJson,
  chainTimeline,
  genesisHash,
  verifyTimeline,
} from '../../../shared/domain/dossier/timeline-chain.ts';
import { submittedPermit } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const other = '24.SXD-260302-0002';

/** The i-th entry, which the test knows is there. */
function nth(timeline: TimelineEntry[], i: number): TimelineEntry {
  const found = timeline[i];
  if (!found) throw new Error(`no entry ${i}`);
  return found;
}

const entry = (i: number, overrides: Partial<TimelineEntry> = {}): TimelineEntry => ({
  at: `2026-03-0${2 + i}T09:00:00+07:00`,
  actor: { sub: `official-${i}`, role: 'specialist' },
  action: ['file', 'receive', 'forward', 'decide', 'return-result'][i] ?? `step-${i}`,
  from: 'submitted',
  to: 'received',
  agencyId: '24.SXD',
  note: `Bước ${i}`,
  ...overrides,
});

/** Five entries chained in three writes, as the repository would: a create and two saves. */
function chained(dossierCode = code): TimelineEntry[] {
  const created = chainTimeline(dossierCode, [], [entry(0)]);
  const saved = chainTimeline(dossierCode, created, [entry(1), entry(2)]);
  return chainTimeline(dossierCode, saved, [entry(3, { internalNote: 'Nội bộ' }), entry(4)]);
}

describe('chaining the timeline', () => {
  it('links the first entry to the dossier code and every later one to the entry before', () => {
    const timeline = chained();
    expect(timeline[0]?.prevHash).toBe(genesisHash(code));
    for (let i = 1; i < timeline.length; i++) expect(timeline[i]?.prevHash).toBe(timeline[i - 1]?.hash);
    expect(new Set(timeline.map((e) => e.hash)).size).toBe(timeline.length);
    expect(timeline.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
  });

  it('keeps stored entries as they are, so a tampered one is not re-hashed into a valid chain', () => {
    const stored = chained();
    const tampered = stored.map((e, i) => (i === 1 ? { ...e, note: 'Sửa' } : e));
    const next = chainTimeline(code, tampered, [entry(5)]);
    expect(next.slice(0, 5)).toEqual(tampered);
    expect(verifyTimeline(code, next)).toMatchObject({ ok: false, index: 1, reason: 'hash-mismatch' });
  });

  it('re-chains new entries that carry stale chain fields', () => {
    const stored = chained();
    const copied = { ...nth(stored, 1) };
    const next = chainTimeline(code, stored, [copied]);
    expect(next.at(-1)?.prevHash).toBe(stored.at(-1)?.hash);
    expect(verifyTimeline(code, next)).toEqual({ ok: true, entries: 6 });
  });

  it('does not depend on key order, and leaves out undefined members like DynamoDB does', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined } })).toBe('{"a":{"d":[1,"x"]},"b":1}');
    const reordered = chained().map((e) => Object.fromEntries(Object.entries(e).reverse()) as TimelineEntry);
    expect(verifyTimeline(code, reordered)).toEqual({ ok: true, entries: 5 });
    const withUndefined = chained().map((e) => ({ ...e, form: undefined }));
    expect(verifyTimeline(code, withUndefined)).toEqual({ ok: true, entries: 5 });
  });

  it('chains a real filed dossier’s entries', () => {
    const dossier = submittedPermit();
    const timeline = chainTimeline(dossier.code, [], dossier.timeline);
    expect(verifyTimeline(dossier.code, timeline)).toEqual({ ok: true, entries: dossier.timeline.length });
  });
});

type Tamper = (timeline: TimelineEntry[]) => TimelineEntry[];
const at =
  (index: number, change: Partial<TimelineEntry>): Tamper =>
  (t) =>
    t.map((e, i) => (i === index ? { ...e, ...change } : e));

describe('verifying the timeline', () => {
  it('accepts an untouched chain and an empty timeline', () => {
    expect(verifyTimeline(code, chained())).toEqual({ ok: true, entries: 5 });
    expect(verifyTimeline(code, [])).toEqual({ ok: true, entries: 0 });
  });

  const foreign = chained(other);
  const cases: [string, Tamper, { index: number; reason: string }][] = [
    ['a changed note', at(2, { note: 'Đã sửa ghi chú' }), { index: 2, reason: 'hash-mismatch' }],
    ['a changed internal note', at(3, { internalNote: 'Khác' }), { index: 3, reason: 'hash-mismatch' }],
    [
      'a changed actor',
      at(1, { actor: { sub: 'someone-else', role: 'specialist' } }),
      { index: 1, reason: 'hash-mismatch' },
    ],
    ['a changed role', at(4, { actor: { sub: 'official-4', role: 'leader' } }), { index: 4, reason: 'hash-mismatch' }],
    ['a changed instant', at(0, { at: '2026-03-01T09:00:00+07:00' }), { index: 0, reason: 'hash-mismatch' }],
    ['an added member', at(2, { documentId: 'doc-x' }), { index: 2, reason: 'hash-mismatch' }],
    [
      'a removed member',
      (t) => t.map((e, i) => (i === 2 ? (({ from: _f, ...rest }) => rest)(e) : e)),
      { index: 2, reason: 'hash-mismatch' },
    ],
    ['a deleted entry', (t) => t.filter((_, i) => i !== 2), { index: 2, reason: 'broken-link' }],
    ['the first entry deleted', (t) => t.slice(1), { index: 0, reason: 'broken-link' }],
    ['two entries swapped', (t) => [0, 2, 1, 3, 4].map((i) => nth(t, i)), { index: 1, reason: 'broken-link' }],
    [
      'an entry moved from another dossier',
      (t) => [...t.slice(0, 3), nth(foreign, 3), nth(t, 4)],
      { index: 3, reason: 'broken-link' },
    ],
    ['another dossier’s whole timeline', () => foreign, { index: 0, reason: 'broken-link' }],
    [
      'a hash recomputed over a changed note',
      (t) => rehashed(t, 2, { note: 'Sửa và tính lại' }),
      { index: 3, reason: 'broken-link' },
    ],
    [
      'an entry stripped of its chain',
      at(1, { hash: undefined, prevHash: undefined }),
      { index: 1, reason: 'unchained' },
    ],
    ['an entry written before the chain', (t) => [entry(0), ...t], { index: 0, reason: 'unchained' }],
  ];

  it.each(cases)('finds %s', (_name, tamper, expected) => {
    const result = verifyTimeline(code, tamper(chained()));
    expect(result).toMatchObject({ ok: false, ...expected });
  });

  it('reports the entry it stopped at with the expected and found hashes', () => {
    const timeline = chained();
    const result = verifyTimeline(
      code,
      timeline.filter((_, i) => i !== 1),
    );
    expect(result).toEqual({
      ok: false,
      index: 1,
      reason: 'broken-link',
      action: 'forward',
      at: timeline[2]?.at,
      expected: timeline[0]?.hash,
      found: timeline[1]?.hash,
    });
  });
});

/** A forger who recomputes the changed entry's own hash still breaks the next link. */
function rehashed(t: TimelineEntry[], index: number, change: Partial<TimelineEntry>): TimelineEntry[] {
  const before = t.slice(0, index);
  const forged = chainTimeline(code, before, [{ ...nth(t, index), ...change }]);
  return [...forged, ...t.slice(index + 1)];
}
