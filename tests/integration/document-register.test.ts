/**
 * Issue 18: an outgoing document is numbered at issuance, "gapless and unique per register and year,
 * even under concurrent issuance"; a failed send neither consumes nor loses a number. The DynamoDB
 * register numbering, against the local cloud through the real SDK, with no transaction (the local
 * DynamoDB has none): the contract every register keeps, then the crashes between its writes, which
 * the emulator cannot produce, by a client that fails the chosen write once.
 */
import { GetCommand, PutCommand, type PutCommandInput, type ServiceInputTypes } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { db } from '../../shared/adapters/dynamo/client.ts';
import { documentRegister } from '../../shared/adapters/dynamo/document-register.ts';
import { keys } from '../../shared/adapters/dynamo/keys.ts';
import { allEntries, documentRegisterContract, freshRegister, inJune } from '../support/contracts/document-register.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ scheduler: false, pollers: false, streams: false });
});
afterAll(() => cloud?.stop());

const immediately = async () => {};

/** The table's client, except that the first write `fails` picks throws as a process dying there would. */
function crashingOn(fails: (input: ServiceInputTypes & Record<string, unknown>) => boolean): typeof db {
  let crashed = false;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver);
      return (command: { input: ServiceInputTypes & Record<string, unknown> }) => {
        if (!crashed && fails(command.input)) {
          crashed = true;
          return Promise.reject(new Error('the function died here'));
        }
        return target.send(command as never);
      };
    },
  });
}

/** The table's client, holding the first request `holds` picks until `release`: `reached` says it got there. */
function pausingBefore(holds: (input: Record<string, unknown>) => boolean) {
  let release = () => {};
  let arrive = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  let held = false;
  const client = new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver);
      return async (command: { input: Record<string, unknown> }) => {
        if (!held && holds(command.input)) {
          held = true;
          arrive();
          await gate;
        }
        return target.send(command as never);
      };
    },
  });
  return { client, reached, release: () => release() };
}

const isEntryPut = (input: Record<string, unknown>) =>
  String((input.Item as { pk?: unknown } | undefined)?.pk ?? '').startsWith('REGISTER#');
const isSettle = (input: Record<string, unknown>) => String(input.UpdateExpression ?? '').includes('#number = :number');
const isProposal = (input: Record<string, unknown>) => String(input.UpdateExpression ?? '').includes('candidate');

describe('the DynamoDB document register', () => {
  documentRegisterContract(() => documentRegister(cloud.tableName));

  it('gives a retry after a crash between the entry and the mark the same number, and no second entry', async () => {
    const register = freshRegister();
    const registers = documentRegister(cloud.tableName);
    await registers.claimNumber(register, 'first', inJune);
    const crashing = documentRegister(cloud.tableName, { client: crashingOn(isSettle) });
    await expect(crashing.claimNumber(register, 'letter', inJune)).rejects.toThrow('the function died here');
    // The entry stands, its document's mark not settled yet.
    const marker = await db.send(
      new GetCommand({ TableName: cloud.tableName, Key: keys.registerMarker(register, 2026, 'letter') }),
    );
    expect(marker.Item).toMatchObject({ candidate: 2 });
    expect(marker.Item?.number).toBeUndefined();
    // Other documents numbered meanwhile do not take its number, nor does its retry take theirs.
    expect(await registers.claimNumber(register, 'other', inJune)).toEqual({ year: 2026, number: 3 });
    expect(await registers.claimNumber(register, 'letter', inJune)).toEqual({ year: 2026, number: 2 });
    expect(await registers.claimNumber(register, 'letter', inJune)).toEqual({ year: 2026, number: 2 });
    expect((await allEntries(registers, register, 2026)).map((entry) => [entry.number, entry.documentId])).toEqual([
      [1, 'first'],
      [2, 'letter'],
      [3, 'other'],
    ]);
  });

  it('leaves no gap when a claim dies before its entry: the number goes to the next document', async () => {
    const register = freshRegister();
    const registers = documentRegister(cloud.tableName);
    await registers.claimNumber(register, 'first', inJune);
    const crashing = documentRegister(cloud.tableName, { client: crashingOn(isEntryPut) });
    await expect(crashing.claimNumber(register, 'letter', inJune)).rejects.toThrow('the function died here');
    expect(await registers.claimNumber(register, 'other', inJune)).toEqual({ year: 2026, number: 2 });
    expect(await registers.claimNumber(register, 'letter', inJune)).toEqual({ year: 2026, number: 3 });
    expect((await allEntries(registers, register, 2026)).map((entry) => [entry.number, entry.documentId])).toEqual([
      [1, 'first'],
      [2, 'other'],
      [3, 'letter'],
    ]);
  });

  it('gives a retry after a crash on its first mark the next number, the same one', async () => {
    const register = freshRegister();
    const crashing = documentRegister(cloud.tableName, { client: crashingOn(isProposal) });
    await expect(crashing.claimNumber(register, 'letter', inJune)).rejects.toThrow('the function died here');
    const registers = documentRegister(cloud.tableName);
    expect(await registers.claimNumber(register, 'letter', inJune)).toEqual({ year: 2026, number: 1 });
    expect(await allEntries(registers, register, 2026)).toHaveLength(1);
  });

  it('gives one number to a claim that read the document unmarked while its retry numbered it', async () => {
    const register = freshRegister();
    // The first claim stops after reading the document's mark (none yet), before reading the register.
    const first = pausingBefore((input) => input.ScanIndexForward === false);
    const late = documentRegister(cloud.tableName, { client: first.client }).claimNumber(register, 'letter', inJune);
    await first.reached;
    // Its retry writes the entry and stops before settling the mark.
    const second = pausingBefore(isSettle);
    const retry = documentRegister(cloud.tableName, { client: second.client }).claimNumber(register, 'letter', inJune);
    await second.reached;
    // The first claim now finds the register at 1 and a mark it did not see: it must not take number 2.
    first.release();
    expect(await late).toEqual({ year: 2026, number: 1 });
    second.release();
    expect(await retry).toEqual({ year: 2026, number: 1 });
    const registers = documentRegister(cloud.tableName);
    expect(await allEntries(registers, register, 2026)).toEqual([
      { number: 1, documentId: 'letter', at: '2026-06-15T09:00:00+07:00' },
    ]);
  });

  it('numbers documents racing a document retried concurrently, with one number each', async () => {
    const register = freshRegister();
    const registers = documentRegister(cloud.tableName);
    const claims = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => registers.claimNumber(register, `doc-${i}`, inJune)),
      ...Array.from({ length: 4 }, () => registers.claimNumber(register, 'retried', inJune)),
    ]);
    const retried = claims.slice(8);
    expect(new Set(retried.map((claim) => claim.number)).size).toBe(1);
    const entries = await allEntries(registers, register, 2026, 100);
    expect(entries.map((entry) => entry.number)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    expect(new Set(entries.map((entry) => entry.documentId)).size).toBe(9);
  });

  it('asks the caller to try again once the register stayed contended for every round', async () => {
    const register = freshRegister();
    // Every entry write finds its number taken, as under a storm of other issuances: the table itself
    // refuses it, with a condition no item meets.
    const contended = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return (command: { input: PutCommandInput }) =>
          isEntryPut(command.input)
            ? target.send(
                new PutCommand({
                  ...command.input,
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(pk)',
                }),
              )
            : target.send(command as never);
      },
    });
    const registers = documentRegister(cloud.tableName, { client: contended, pause: immediately });
    await expect(registers.claimNumber(register, 'letter', inJune)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'register-busy',
    });
  });
});
