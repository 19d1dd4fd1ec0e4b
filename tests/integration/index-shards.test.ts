/**
 * Index partitions by date, against the local cloud. All the dossiers due on one date (a day's filings
 * of a procedure, nationally some 1,700 a second at peak), or all the payments of one day, must not
 * share one index partition: a partition of a global index takes 1,000 write units a second, and a
 * throttled index throttles the table's writes.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { db } from '../../shared/adapters/dynamo/client.ts';
import { dossierRepository } from '../../shared/adapters/dynamo/dossier-repository.ts';
import type { DossierRepository } from '../../shared/use-cases/ports/dossier-repository.ts';
import { paymentRepository } from '../../shared/adapters/dynamo/payment-repository.ts';
import type { PaymentRepository } from '../../shared/use-cases/ports/payment-repository.ts';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import type { Payment } from '../../shared/domain/payments/payment.ts';
import { toVnDate } from '../../shared/domain/time.ts';
import { submittedPermit } from '../unit/lifecycle/fixtures.ts';

let cloud: LocalCloud;
let dossiers: DossierRepository;
let payments: PaymentRepository;
beforeAll(async () => {
  cloud = await startLocalCloud({ scheduler: false });
  dossiers = dossierRepository(cloud.tableName);
  payments = paymentRepository(cloud.tableName);
});

/** The index partition an item was given, read back from the table. */
async function indexPartitionOf(key: { pk: string; sk: string }): Promise<string> {
  const { Item } = await db.send(new GetCommand({ TableName: cloud.tableName, Key: key }));
  return String(Item?.[partitionKey]);
}
afterAll(() => cloud?.stop());

const { partitionKey } = tableLayout.indexes.openByDueDay;

describe('open dossiers by due date', () => {
  it('spreads the dossiers due on one date over several index partitions, and the watch reads them all', async () => {
    const filed = submittedPermit();
    const codes = Array.from({ length: 40 }, (_, i) => `24.SXD-260302-${String(i + 1).padStart(4, '0')}`);
    for (const code of codes) await dossiers.create({ dossier: { ...filed, code }, events: [] });
    const date = toVnDate(new Date(filed.dueAt));

    const partitions = new Set<string>();
    for (const code of codes) partitions.add(await indexPartitionOf({ pk: `DOSSIER#${code}`, sk: 'DOSSIER' }));
    expect(partitions.size).toBeGreaterThan(4);
    for (const pk of partitions) expect(pk.startsWith(`DUE#${date}#`)).toBe(true);

    // A dossier written before the shards, in the date's single partition, is still watched.
    const before = { ...filed, code: '24.SXD-260301-0001' };
    await db.send(
      new PutCommand({
        TableName: cloud.tableName,
        Item: {
          pk: `DOSSIER#${before.code}`,
          sk: 'DOSSIER',
          [partitionKey]: `DUE#${date}`,
          [tableLayout.indexes.openByDueDay.sortKey]: `${before.dueAt}#${before.code}`,
          ...before,
        },
      }),
    );
    const watched: string[] = [];
    for await (const dossier of dossiers.openDueOn(date)) watched.push(dossier.code);
    expect(watched.sort()).toEqual([...codes, before.code].sort());
  });
});

describe('payments by day', () => {
  const payment = (i: number): Payment => ({
    id: `0c1d2e3f-4a5b-4c6d-8e7f-${String(i).padStart(12, '0')}`,
    dossierCode: `24.SXD-261204-${String(i).padStart(4, '0')}`,
    applicantId: 'citizen-an',
    amount: 150_000,
    currency: 'VND',
    status: 'pending',
    platformRef: `ref-${i}`,
    payUrl: `https://pay.example.vn/${i}`,
    createdAt: '2026-12-04T02:00:00.000Z',
    day: '2026-12-04',
  });

  it('spreads one day’s payments over several index partitions, and the reconciliation reads them all', async () => {
    const made = Array.from({ length: 24 }, (_, i) => payment(i + 1));
    for (const p of made) await payments.create(p);
    const partitions = new Set<string>();
    for (const p of made) partitions.add(await indexPartitionOf({ pk: `PAYMENT#${p.id}`, sk: 'PAYMENT' }));
    expect(partitions.size).toBeGreaterThan(2);
    for (const pk of partitions) expect(pk.startsWith('PAYDAY#2026-12-04#')).toBe(true);

    // A payment requested before the shards, in the day's single partition, is still reconciled.
    const before = payment(99);
    await db.send(
      new PutCommand({
        TableName: cloud.tableName,
        Item: {
          pk: `PAYMENT#${before.id}`,
          sk: 'PAYMENT',
          ...before,
          [partitionKey]: 'PAYDAY#2026-12-04',
          [tableLayout.indexes.openByDueDay.sortKey]: before.id,
        },
      }),
    );
    const ofDay = await payments.ofDay('2026-12-04');
    expect(ofDay.map((p) => p.id).sort()).toEqual([...made, before].map((p) => p.id).sort());
  });
});
