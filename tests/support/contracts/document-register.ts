/**
 * What every DocumentRegister keeps (shared/use-cases/ports/document-register.ts), run against the
 * in-memory fake (tests/unit/support/document-register.test.ts) and the DynamoDB adapter in the local
 * cloud (tests/integration/document-register.test.ts), so a use case's unit test cannot pass on a fake
 * that numbers differently from the table.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { RegisterKey } from '../../../shared/domain/official-documents/register.ts';
import type { DocumentRegister, RegisterEntryRef } from '../../../shared/use-cases/ports/document-register.ts';

/** A register of its own for each test, so tests sharing one table never share a register. */
export const freshRegister = (series = 'chung'): RegisterKey => ({
  agencyId: `test-${randomUUID()}`,
  kind: 'outgoing',
  series,
});

export const inJune = new Date('2026-06-15T09:00:00+07:00');

/** Every entry of a register's year, read page by page. */
export async function allEntries(
  registers: DocumentRegister,
  register: RegisterKey,
  year: number,
  limit = 4,
): Promise<RegisterEntryRef[]> {
  const items: RegisterEntryRef[] = [];
  let cursor: string | undefined;
  do {
    const page = await registers.entries(register, year, { limit, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function documentRegisterContract(make: () => DocumentRegister): void {
  it('gives ten concurrent claims in one register the numbers 1 to 10: no gap, no duplicate', async () => {
    const registers = make();
    const register = freshRegister();
    const documents = Array.from({ length: 10 }, (_, i) => `doc-${i}`);
    const positions = await Promise.all(documents.map((id) => registers.claimNumber(register, id, inJune)));
    expect(positions.every((position) => position.year === 2026)).toBe(true);
    expect(positions.map((position) => position.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
    const entries = await allEntries(registers, register, 2026);
    expect(entries.map((entry) => entry.number)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    // Each entry names the document whose claim received that number.
    for (const [i, id] of documents.entries()) {
      expect(entries.find((entry) => entry.number === positions[i]?.number)?.documentId).toBe(id);
    }
    expect(entries[0]?.at).toBe('2026-06-15T09:00:00+07:00');
  });

  it('gives one document claimed concurrently, and again later, a single number', async () => {
    const registers = make();
    const register = freshRegister();
    await registers.claimNumber(register, 'before', inJune);
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => registers.claimNumber(register, 'letter', inJune)),
    );
    expect(claims).toEqual(Array.from({ length: 5 }, () => ({ year: 2026, number: 2 })));
    expect(await registers.claimNumber(register, 'letter', new Date('2026-06-16T10:00:00+07:00'))).toEqual({
      year: 2026,
      number: 2,
    });
    expect(await registers.claimNumber(register, 'after', inJune)).toEqual({ year: 2026, number: 3 });
    const entries = await allEntries(registers, register, 2026);
    expect(entries.map((entry) => [entry.number, entry.documentId])).toEqual([
      [1, 'before'],
      [2, 'letter'],
      [3, 'after'],
    ]);
  });

  it("numbers by Vietnam's year: the register opens again at 1 at local midnight of 1 January", async () => {
    const registers = make();
    const register = freshRegister();
    // 2026-12-31T23:59+07:00 is still 2026 in Vietnam; 2027-01-01T00:01+07:00 is 2026 in UTC but 2027 here.
    expect(await registers.claimNumber(register, 'late', new Date('2026-12-31T23:59:00+07:00'))).toEqual({
      year: 2026,
      number: 1,
    });
    expect(await registers.claimNumber(register, 'later', new Date('2026-12-31T23:59:30+07:00'))).toEqual({
      year: 2026,
      number: 2,
    });
    expect(await registers.claimNumber(register, 'new-year', new Date('2027-01-01T00:01:00+07:00'))).toEqual({
      year: 2027,
      number: 1,
    });
    expect((await allEntries(registers, register, 2026)).map((entry) => entry.documentId)).toEqual(['late', 'later']);
    expect(await allEntries(registers, register, 2027)).toEqual([
      { number: 1, documentId: 'new-year', at: '2027-01-01T00:01:00+07:00' },
    ]);
  });

  it("numbers each series, each kind and each agency's register apart", async () => {
    const registers = make();
    const general = freshRegister('chung');
    const secret = { ...general, series: 'mat' };
    const incoming = { ...general, kind: 'incoming' as const };
    const other = freshRegister('chung');
    expect(await registers.claimNumber(general, 'a', inJune)).toEqual({ year: 2026, number: 1 });
    expect(await registers.claimNumber(general, 'b', inJune)).toEqual({ year: 2026, number: 2 });
    expect(await registers.claimNumber(secret, 'c', inJune)).toEqual({ year: 2026, number: 1 });
    expect(await registers.claimNumber(incoming, 'd', inJune)).toEqual({ year: 2026, number: 1 });
    expect(await registers.claimNumber(other, 'e', inJune)).toEqual({ year: 2026, number: 1 });
    // One document may stand in two registers (sent by one agency, received by another), a number in each.
    expect(await registers.claimNumber(secret, 'a', inJune)).toEqual({ year: 2026, number: 2 });
    expect((await allEntries(registers, secret, 2026)).map((entry) => entry.documentId)).toEqual(['c', 'a']);
    expect((await allEntries(registers, general, 2026)).map((entry) => entry.documentId)).toEqual(['a', 'b']);
  });

  it("pages the entries with a cursor that another register's list refuses", async () => {
    const registers = make();
    const register = freshRegister();
    for (let i = 1; i <= 5; i++) await registers.claimNumber(register, `doc-${i}`, inJune);
    const first = await registers.entries(register, 2026, { limit: 2 });
    expect(first.items.map((entry) => entry.number)).toEqual([1, 2]);
    expect(first.nextCursor).toBeDefined();
    const rest = await registers.entries(register, 2026, { limit: 3, cursor: first.nextCursor });
    expect(rest.items.map((entry) => entry.number)).toEqual([3, 4, 5]);
    expect(rest.nextCursor).toBeUndefined();
    await expect(
      registers.entries({ ...register, series: 'mat' }, 2026, { limit: 2, cursor: first.nextCursor }),
    ).rejects.toMatchObject({ code: 'invalid-cursor' });
    expect(await registers.entries(register, 2025, { limit: 2 })).toEqual({ items: [] });
  });
}
