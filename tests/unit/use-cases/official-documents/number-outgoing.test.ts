import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import { outgoingRegisterOf } from '../../../../shared/domain/official-documents/outgoing.ts';
import { RuleViolation, versionConflict } from '../../../../shared/domain/rule-violation.ts';
import type { OutgoingDocumentRepository } from '../../../../shared/use-cases/ports/outgoing-document-repository.ts';
import { numberOutgoing } from '../../../../shared/use-cases/official-documents/number-outgoing.ts';
import { allEntries } from '../../../support/contracts/document-register.ts';
import { signedDocument } from '../../../support/contracts/outgoing-document-repository.ts';
import { fakeDocumentRegister } from '../../../support/fakes/document-register.ts';
import { fakeOutgoingDocumentRepository } from '../../../support/fakes/outgoing-document-repository.ts';

const agency = 'ubnd-xa-an-binh';
const clerk: Caller = { sub: 'vt-thu', roles: ['receiver'], agencyId: agency };
const otherClerk: Caller = { sub: 'vt-hai', roles: ['receiver'], agencyId: 'ubnd-xa-khac' };
const now = new Date('2026-06-15T09:00:00+07:00');
const register = outgoingRegisterOf({ agencyId: agency });

function setUp(...ids: string[]) {
  const documents = fakeOutgoingDocumentRepository(ids.map((id) => signedDocument(agency, id)));
  const registers = fakeDocumentRegister();
  const number = (id: string, caller: Caller = clerk, at: Date = now) =>
    numberOutgoing({ documents, registers }, { agencyId: agency, id, caller, now: at });
  const entries = async () => (await allEntries(registers, register, 2026, 100)).map((e) => [e.number, e.documentId]);
  return { documents, registers, number, entries };
}

const refusal = async (promise: Promise<unknown>): Promise<RuleViolation> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
};

describe('numbering an outgoing document (Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1, Điều 16)', () => {
  it('numbers two documents 01 then 02, written as the decree writes them, and saves them numbered', async () => {
    const { documents, number, entries } = setUp('vb-a', 'vb-b');
    const first = await number('vb-a');
    const second = await number('vb-b');
    expect(first.status).toBe('numbered');
    expect(first.version).toBe(5);
    expect(first.numbering).toEqual({
      position: { year: 2026, number: 1 },
      numberSymbol: '01/QĐ-UBND',
      issuedOn: '2026-06-15',
    });
    expect(second.numbering?.numberSymbol).toBe('02/QĐ-UBND');
    expect(first.history.at(-1)).toMatchObject({ action: 'number', actor: { sub: 'vt-thu', role: 'receiver' } });
    expect(await documents.get(agency, 'vb-a')).toEqual(first);
    expect(await documents.get(agency, 'vb-b')).toEqual(second);
    expect(await entries()).toEqual([
      [1, 'vb-a'],
      [2, 'vb-b'],
    ]);
  });

  it("writes a công văn's symbol with its drafting unit: 01/UBND-VP", async () => {
    const documents = fakeOutgoingDocumentRepository([
      signedDocument(agency, 'cv-1', { type: 'cong-van', unit: 'VP' }),
    ]);
    const numbered = await numberOutgoing(
      { documents, registers: fakeDocumentRegister() },
      { agencyId: agency, id: 'cv-1', caller: clerk, now },
    );
    expect(numbered.numbering?.numberSymbol).toBe('01/UBND-VP');
  });

  it('answers a retry of a numbered document with the document unchanged: one number, one entry', async () => {
    const { documents, number, entries } = setUp('vb-a');
    const numbered = await number('vb-a');
    expect(await number('vb-a', clerk, new Date('2026-06-16T10:00:00+07:00'))).toEqual(numbered);
    expect(await documents.get(agency, 'vb-a')).toEqual(numbered);
    expect(await entries()).toEqual([[1, 'vb-a']]);
  });

  it('gives a retry after a crash between the claim and the save the number already claimed', async () => {
    const { registers, number, entries } = setUp('vb-a', 'vb-b');
    // The first attempt claimed its number, then died before saving the document.
    await registers.claimNumber(register, 'vb-a', now);
    expect((await number('vb-b')).numbering?.numberSymbol).toBe('02/QĐ-UBND');
    expect((await number('vb-a')).numbering?.numberSymbol).toBe('01/QĐ-UBND');
    expect(await entries()).toEqual([
      [1, 'vb-a'],
      [2, 'vb-b'],
    ]);
  });

  it('numbers ten documents numbered at once 1 to 10, each saved with its own number', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `vb-${i}`);
    const { documents, number, entries } = setUp(...ids);
    const numbered = await Promise.all(ids.map((id) => number(id)));
    const numbers = numbered.map((document) => document.numbering?.position.number ?? 0);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    for (const document of numbered) {
      const n = document.numbering?.position.number ?? 0;
      expect(document.numbering?.numberSymbol).toBe(`${String(n).padStart(2, '0')}/QĐ-UBND`);
      expect(await documents.get(agency, document.id)).toEqual(document);
    }
    expect((await entries()).map(([n]) => n)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('gives one document numbered by two clerks at once one number: the loser re-reads it numbered', async () => {
    const { number, entries } = setUp('vb-a');
    const colleague: Caller = { ...clerk, sub: 'vt-mai' };
    const [a, b] = await Promise.all([number('vb-a'), number('vb-a', colleague)]);
    expect(a).toEqual(b);
    expect(a.numbering?.numberSymbol).toBe('01/QĐ-UBND');
    expect(a.history.filter((entry) => entry.action === 'number')).toHaveLength(1);
    expect(await entries()).toEqual([[1, 'vb-a']]);
  });

  it('gives up with the version conflict after a few rounds lost to concurrent changes', async () => {
    const stored = fakeOutgoingDocumentRepository([signedDocument(agency, 'vb-a')]);
    let reads = 0;
    const contended: OutgoingDocumentRepository = {
      ...stored,
      get: (agencyId, id) => {
        reads++;
        return stored.get(agencyId, id);
      },
      save: async (before) => {
        throw versionConflict(before.version + 1);
      },
    };
    const registers = fakeDocumentRegister();
    const v = await refusal(
      numberOutgoing({ documents: contended, registers }, { agencyId: agency, id: 'vb-a', caller: clerk, now }),
    );
    expect(v.code).toBe('version-conflict');
    expect(reads).toBe(3);
    // Every round claimed the same number for it: the register holds one entry.
    expect((await allEntries(registers, register, 2026)).map((e) => e.documentId)).toEqual(['vb-a']);
  });

  it('refuses a document not signed yet, and gives it no number', async () => {
    const documents = fakeOutgoingDocumentRepository([
      signedDocument(agency, 'vb-a', { status: 'awaiting-signature' }),
    ]);
    const registers = fakeDocumentRegister();
    const v = await refusal(
      numberOutgoing({ documents, registers }, { agencyId: agency, id: 'vb-a', caller: clerk, now }),
    );
    expect(v.code).toBe('document-transition-not-allowed');
    expect(await allEntries(registers, register, 2026)).toEqual([]);
    expect((await documents.get(agency, 'vb-a'))?.status).toBe('awaiting-signature');
  });

  it("refuses another agency's clerk, and gives the document no number", async () => {
    const { documents, number, entries } = setUp('vb-a');
    const v = await refusal(number('vb-a', otherClerk));
    expect(v.code).toBe('document-action-not-allowed');
    expect(v.kind).toBe('forbidden');
    expect(await entries()).toEqual([]);
    expect((await documents.get(agency, 'vb-a'))?.status).toBe('signed');
    // Nor may they "retry" one numbered: they learn nothing of it.
    await number('vb-a');
    expect((await refusal(number('vb-a', otherClerk))).code).toBe('document-action-not-allowed');
  });

  it('refuses a symbol the decree would not write before the register gives it a number', async () => {
    const documents = fakeOutgoingDocumentRepository([signedDocument(agency, 'cv-1', { type: 'cong-van' })]);
    const registers = fakeDocumentRegister();
    const v = await refusal(
      numberOutgoing({ documents, registers }, { agencyId: agency, id: 'cv-1', caller: clerk, now }),
    );
    expect(v.code).toBe('cong-van-unit-required');
    expect(await allEntries(registers, register, 2026)).toEqual([]);
  });

  it('answers a document that does not exist with not-found', async () => {
    const { number } = setUp();
    expect(await refusal(number('vb-x'))).toMatchObject({ kind: 'not-found', code: 'document-not-found' });
  });
});
