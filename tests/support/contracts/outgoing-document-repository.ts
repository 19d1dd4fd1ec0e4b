/**
 * What every OutgoingDocumentRepository keeps (shared/use-cases/ports/outgoing-document-repository.ts),
 * run against the in-memory fake (tests/unit/support/outgoing-document-repository.test.ts) and the
 * DynamoDB adapter in the local cloud (tests/integration/outgoing-document-repository.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { OutgoingDocument } from '../../../shared/domain/official-documents/outgoing.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import type { OutgoingDocumentRepository } from '../../../shared/use-cases/ports/outgoing-document-repository.ts';

/** An agency of its own for each test, so tests sharing one table never share a partition. */
export const freshAgency = () => `test-${randomUUID()}`;

/** A document signed and waiting for its number, as the steps before numbering leave it. */
export const signedDocument = (
  agencyId: string,
  id: string,
  extra: Partial<OutgoingDocument> = {},
): OutgoingDocument => ({
  id,
  agencyId,
  version: 4,
  status: 'signed',
  type: 'quyet-dinh',
  summary: 'Về việc thành lập Tổ công tác chuyển đổi số',
  urgency: 'thuong',
  authorId: 'cv-lan',
  signerId: 'ct-son',
  issuer: 'UBND',
  history: [
    {
      at: '2026-06-15T08:30:00+07:00',
      actor: { sub: 'ct-son', role: 'leader' },
      action: 'sign',
      from: 'awaiting-signature',
      to: 'signed',
    },
  ],
  ...extra,
});

const refusal = async (promise: Promise<unknown>): Promise<RuleViolation> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
};

export function outgoingDocumentRepositoryContract(make: () => OutgoingDocumentRepository): void {
  it('creates a document once: a second create of the id writes nothing', async () => {
    const documents = make();
    const agency = freshAgency();
    const first = signedDocument(agency, 'vb-1');
    expect(await documents.create(first)).toBe(true);
    expect(await documents.create({ ...first, summary: 'Một văn bản khác' })).toBe(false);
    expect(await documents.get(agency, 'vb-1')).toEqual(first);
    expect(await documents.get(agency, 'vb-2')).toBeUndefined();
    expect(await documents.get(freshAgency(), 'vb-1')).toBeUndefined();
    // Another agency may use the same id.
    expect(await documents.create(signedDocument(freshAgency(), 'vb-1'))).toBe(true);
  });

  it('saves on the version read, and refuses a save on a stale one with the current version', async () => {
    const documents = make();
    const agency = freshAgency();
    const before = signedDocument(agency, 'vb-1');
    await documents.create(before);
    const after = { ...before, version: 5, status: 'numbered' as const };
    expect(await documents.save(before, after)).toEqual(after);
    expect(await documents.get(agency, 'vb-1')).toEqual(after);
    const stale = await refusal(documents.save(before, { ...before, version: 5, summary: 'Ghi đè' }));
    expect(stale).toMatchObject({ kind: 'conflict', code: 'version-conflict', details: { currentVersion: 5 } });
    expect(await documents.get(agency, 'vb-1')).toEqual(after);
  });

  it('lets one of two concurrent saves on the same version through', async () => {
    const documents = make();
    const agency = freshAgency();
    const before = signedDocument(agency, 'vb-1');
    await documents.create(before);
    const results = await Promise.allSettled(
      ['Một', 'Hai'].map((summary) => documents.save(before, { ...before, version: 5, summary })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((result) => result.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'version-conflict' });
    const saved = (results.find((result) => result.status === 'fulfilled') as PromiseFulfilledResult<OutgoingDocument>)
      .value;
    expect(await documents.get(agency, 'vb-1')).toEqual(saved);
  });

  it('refuses to save a document never created', async () => {
    const documents = make();
    const before = signedDocument(freshAgency(), 'vb-1');
    expect(await refusal(documents.save(before, { ...before, version: 5 }))).toMatchObject({
      code: 'version-conflict',
    });
    expect(await documents.get(before.agencyId, 'vb-1')).toBeUndefined();
  });

  it("lists an agency's documents by id, paged with a cursor another agency's list refuses", async () => {
    const documents = make();
    const agency = freshAgency();
    const other = freshAgency();
    for (const id of ['vb-3', 'vb-1', 'vb-2']) await documents.create(signedDocument(agency, id));
    await documents.create(signedDocument(other, 'vb-0'));
    const first = await documents.listByAgency(agency, { limit: 2 });
    expect(first.items.map((document) => document.id)).toEqual(['vb-1', 'vb-2']);
    expect(first.items[0]).toEqual(signedDocument(agency, 'vb-1'));
    expect(first.nextCursor).toBeDefined();
    const rest = await documents.listByAgency(agency, { limit: 2, cursor: first.nextCursor });
    expect(rest.items.map((document) => document.id)).toEqual(['vb-3']);
    expect(rest.nextCursor).toBeUndefined();
    await expect(documents.listByAgency(other, { limit: 2, cursor: first.nextCursor })).rejects.toMatchObject({
      code: 'invalid-cursor',
    });
    expect(await documents.listByAgency(freshAgency(), { limit: 2 })).toEqual({ items: [] });
  });
}
