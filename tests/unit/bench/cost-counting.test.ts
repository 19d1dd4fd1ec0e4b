/**
 * The cost benchmark's counting (tests/bench/support): index write units per write, and sequential
 * round trips when calls overlap. Bench helpers, but their figures go into README.md.
 */
import { describe, expect, it } from 'vitest';
import { indexWriteUnits } from '../../bench/support/index-writes.ts';
import { RoundTrips, verdictOf } from '../../bench/support/round-trips.ts';

const s = (value: string) => ({ S: value });
const dossier = (extra: Record<string, { S: string }> = {}) => ({
  pk: s('DOSSIER#1'),
  sk: s('META'),
  gsi1pk: s('APPLICANT#a'),
  gsi1sk: s('2026-12-04'),
  gsi2pk: s('AGENCY#x'),
  gsi2sk: s('2026-12-10'),
  ...extra,
});

// DynamoDB writes an index entry only when the item enters or leaves the index or changes an attribute
// the index projects, and bills the projection's size ("Provisioned throughput considerations for global
// secondary indexes", DynamoDB developer guide). byApplicant projects keys only, byAgencyDue the status.
describe('index write units', () => {
  it('bills a new item once in every index whose keys it has', () => {
    expect(indexWriteUnits(undefined, dossier())).toBe(2);
    expect(indexWriteUnits(undefined, { pk: s('A'), sk: s('B') })).toBe(0);
  });

  it('bills the projection, not the item: 2.5 KB of body cost the indexes one unit each', () => {
    expect(indexWriteUnits(undefined, dossier({ body: s('x'.repeat(2500)) }))).toBe(2);
  });

  it('bills nothing for a change the indexes do not hold, a unit for a projected one', () => {
    expect(indexWriteUnits(dossier({ body: s('a') }), dossier({ body: s('b') }))).toBe(0);
    expect(indexWriteUnits(dossier({ status: s('received') }), dossier({ status: s('processing') }))).toBe(1);
  });

  it('bills a moved index key as a delete and a put, an unchanged one nothing', () => {
    const before = dossier();
    const after = dossier({ gsi2pk: s('AGENCY#y') });
    expect(indexWriteUnits(before, after)).toBe(2);
  });

  it('bills a removed index key and a deleted item as deletes', () => {
    expect(indexWriteUnits(dossier({ gsi4pk: s('DUE#2026-12-10#3'), gsi4sk: s('1') }), dossier())).toBe(1);
    expect(indexWriteUnits(dossier(), undefined)).toBe(2);
  });
});

describe('round trips', () => {
  it('counts overlapping calls once and sequential ones each', async () => {
    const trips = new RoundTrips();
    await trips.run('POST /v1/things', async () => {
      // a and b overlap; c starts while b is still in flight: one round trip for the three.
      const a = trips.started();
      const b = trips.started();
      await Promise.resolve();
      a();
      const c = trips.started();
      b();
      c();
      // Then two calls one after the other.
      trips.started()();
      await Promise.resolve();
      trips.started()();
    });
    await trips.run('GET /v1/things', async () => {
      trips.started()();
    });
    const [write, read] = trips.results();
    expect(write).toMatchObject({ kind: 'write', trips: [3], calls: [5] });
    expect(read).toMatchObject({ kind: 'read', trips: [1], calls: [1] });
    expect(write && verdictOf(write)).toEqual({ worst: 3, bar: 4, ok: true });
  });

  it('ignores calls made outside an invocation', () => {
    const trips = new RoundTrips();
    trips.started()();
    expect(trips.results()).toEqual([]);
  });
});
