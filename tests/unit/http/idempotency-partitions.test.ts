/**
 * The Idempotency-Key records of one function must not share one partition: at a national portal's
 * peak (34 provinces × 50 filings a second, and every form the officials post on them) a single
 * `IDEMPOTENCY#<function>` partition would take all its record writes, above DynamoDB's 1,000 write
 * units a second per partition.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it, vi } from 'vitest';
vi.hoisted(() => {
  // The module reads the configuration when it loads: a function's environment, as deployed.
  process.env.TABLE_NAME ??= 'egov-test';
  process.env.PUBLIC_URL ??= 'https://dichvucong.bacninh.gov.vn';
  process.env.PROVINCE_CODE ??= '24';
});

import { matchesPartition } from '../../../infra/table-access.ts';
import { specOf } from '../../../infra/manifest.ts';
import { idempotencyStore } from '../../../shared/http/idempotency.ts';

/** The item key the persistence layer gives a record (the method Powertools calls for every get, put, update, delete). */
function itemKeyOf(name: 'file-feedback' | 'act-on-feedback', idempotencyKey: string): { pk: string; sk: string } {
  const store = idempotencyStore(name, () => {
    throw new Error('no seal needed to build a key');
  }) as unknown as { getKey(key: string): Parameters<typeof unmarshall>[0] };
  return unmarshall(store.getKey(idempotencyKey)) as { pk: string; sk: string };
}

const recordKeys = Array.from({ length: 200 }, (_, i) => `act-on-feedback#${i.toString(16).padStart(32, '0')}`);

describe('Idempotency-Key records by partition', () => {
  it('puts the records of different keys in different partitions', () => {
    const partitions = new Set(recordKeys.map((key) => itemKeyOf('act-on-feedback', key).pk));
    expect(partitions.size).toBe(recordKeys.length);
  });

  it('finds a record again where it was written: the same key, the same item', () => {
    expect(itemKeyOf('act-on-feedback', recordKeys[7] ?? '')).toEqual(
      itemKeyOf('act-on-feedback', recordKeys[7] ?? ''),
    );
    expect(itemKeyOf('act-on-feedback', recordKeys[7] ?? '').sk).toBe(recordKeys[7]);
  });

  it('keeps each function in partitions only its own grant names', () => {
    for (const name of ['file-feedback', 'act-on-feedback'] as const) {
      const { pk } = itemKeyOf(name, recordKeys[3] ?? '');
      expect(pk.startsWith(`IDEMPOTENCY#${name}#`)).toBe(true);
      const granted = specOf(name).access.table;
      for (const use of [granted?.reads, granted?.writes, granted?.deletes])
        expect(matchesPartition(use, pk)).toBe(true);
    }
    // Another function's grant does not reach them.
    const other = specOf('file-feedback').access.table?.writes;
    expect(matchesPartition(other, itemKeyOf('act-on-feedback', recordKeys[3] ?? '').pk)).toBe(false);
  });
});
