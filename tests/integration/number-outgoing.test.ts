/**
 * Issue 18: outgoing documents numbered at once get consecutive numbers, each saved with its own. The use
 * case with the real adapters (the DynamoDB register and outgoing documents), against the local cloud.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { documentRegister } from '../../shared/adapters/dynamo/document-register.ts';
import { outgoingDocumentRepository } from '../../shared/adapters/dynamo/outgoing-document-repository.ts';
import type { Caller } from '../../shared/domain/caller.ts';
import { outgoingRegisterOf } from '../../shared/domain/official-documents/outgoing.ts';
import { numberOutgoing } from '../../shared/use-cases/official-documents/number-outgoing.ts';
import { allEntries, inJune } from '../support/contracts/document-register.ts';
import { freshAgency, signedDocument } from '../support/contracts/outgoing-document-repository.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ scheduler: false, pollers: false, streams: false });
});
afterAll(() => cloud?.stop());

describe('numbering outgoing documents in the DynamoDB register', () => {
  it('numbers ten documents numbered at once 01 to 10 and saves each with its number', async () => {
    const agency = freshAgency();
    const clerk: Caller = { sub: 'vt-thu', roles: ['receiver'], agencyId: agency };
    const documents = outgoingDocumentRepository(cloud.tableName);
    const registers = documentRegister(cloud.tableName);
    const ids = Array.from({ length: 10 }, (_, i) => `vb-${i}`);
    for (const id of ids) expect(await documents.create(signedDocument(agency, id))).toBe(true);

    const numbered = await Promise.all(
      ids.map((id) => numberOutgoing({ documents, registers }, { agencyId: agency, id, caller: clerk, now: inJune })),
    );

    const expected = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(numbered.map((document) => document.numbering?.position.number ?? 0).sort((a, b) => a - b)).toEqual(
      expected,
    );
    const entries = await allEntries(registers, outgoingRegisterOf({ agencyId: agency }), 2026, 100);
    expect(entries.map((entry) => entry.number)).toEqual(expected);
    const saved = (await documents.listByAgency(agency, { limit: 100 })).items;
    expect(saved).toHaveLength(10);
    for (const document of saved) {
      expect(document.status).toBe('numbered');
      const n = document.numbering?.position.number ?? 0;
      expect(document.numbering?.numberSymbol).toBe(`${String(n).padStart(2, '0')}/QĐ-UBND`);
      // The register's entry of that number names this document.
      expect(entries.find((entry) => entry.number === n)?.documentId).toBe(document.id);
      expect(numbered.find((d) => d.id === document.id)).toEqual(document);
    }
    // A retry of one of them answers it unchanged and adds nothing to the register.
    const [first] = saved;
    if (!first) throw new Error('nothing saved');
    expect(
      await numberOutgoing({ documents, registers }, { agencyId: agency, id: first.id, caller: clerk, now: inJune }),
    ).toEqual(first);
    expect(await allEntries(registers, outgoingRegisterOf({ agencyId: agency }), 2026, 100)).toHaveLength(10);
  });
});
