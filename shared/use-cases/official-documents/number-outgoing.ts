import type { Caller } from '../../domain/caller.ts';
import {
  actOnOutgoing,
  numberingDue,
  type OutgoingDocument,
  outgoingRegisterOf,
} from '../../domain/official-documents/outgoing.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import type { DocumentRegister } from '../ports/document-register.ts';
import type { OutgoingDocumentRepository } from '../ports/outgoing-document-repository.ts';

/** Rounds lost to concurrent changes of the same document before the conflict goes back to the caller. */
const attempts = 3;

export interface NumberOutgoingDeps {
  documents: OutgoingDocumentRepository;
  registers: DocumentRegister;
}

/**
 * The clerical office numbers a signed outgoing document (Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 and
 * Điều 16): the agency's outgoing register gives the number, the `number` step records it with its symbol
 * and the date of issuance, and the document is saved on the version read.
 * - The document is checked before the register is asked (numberingDue): one the step would refuse (not
 *   signed yet, another agency's clerk, a symbol the decree would not write) never holds a number.
 * - The register's claim is per document: a retry after a crash between the claim and the save, or two
 *   clerks numbering the same document at once, get the same number, and the register holds one entry.
 * - A document that already holds its number is returned unchanged (a retry of a numbering that went
 *   through).
 * - A concurrent change of the document (a version conflict) is met by re-reading and deciding again, a
 *   few times; the number claimed stays the document's.
 * Sending the document out (the exchange between agencies) comes after and never takes the number back:
 * a failed send is sent again under the same number, so no number is lost nor given twice.
 */
export async function numberOutgoing(
  deps: NumberOutgoingDeps,
  input: { agencyId: string; id: string; caller: Caller; now: Date },
): Promise<OutgoingDocument> {
  for (let attempt = 1; ; attempt++) {
    const document = await deps.documents.get(input.agencyId, input.id);
    if (!document) {
      throw new RuleViolation('not-found', 'document-not-found', 'Không tìm thấy văn bản.', { id: input.id });
    }
    if (numberingDue(document, input.caller) === 'numbered') return document;
    const claimed = await deps.registers.claimNumber(outgoingRegisterOf(document), document.id, input.now);
    const numbered = actOnOutgoing(
      document,
      { type: 'number' },
      { caller: input.caller, now: input.now, register: { claimed } },
    );
    try {
      return await deps.documents.save(document, numbered);
    } catch (error) {
      const lostRace = error instanceof RuleViolation && error.code === 'version-conflict';
      if (!lostRace || attempt >= attempts) throw error;
    }
  }
}
