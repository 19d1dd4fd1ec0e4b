import type { OutgoingDocument } from '../../../shared/domain/official-documents/outgoing.ts';
import { versionConflict } from '../../../shared/domain/rule-violation.ts';
import type { OutgoingDocumentRepository } from '../../../shared/use-cases/ports/outgoing-document-repository.ts';
import { byKey, copy, pageOf } from './page.ts';

/**
 * Outgoing documents in memory, as dynamo/outgoing-document-repository.ts keeps them: per agency and id,
 * `create` refusing an id used, `save` only on the version read (a version conflict with the current
 * version otherwise), listed by id and paged with cursors bound to their agency.
 */
export function fakeOutgoingDocumentRepository(initial: readonly OutgoingDocument[] = []): OutgoingDocumentRepository {
  const rows = new Map<string, OutgoingDocument>();
  const keyOf = (agencyId: string, id: string) => `${agencyId}#${id}`;
  for (const document of initial) rows.set(keyOf(document.agencyId, document.id), copy(document));

  return {
    async get(agencyId, id) {
      const row = rows.get(keyOf(agencyId, id));
      return row && copy(row);
    },

    async create(document) {
      const key = keyOf(document.agencyId, document.id);
      if (rows.has(key)) return false;
      rows.set(key, copy(document));
      return true;
    },

    async save(before, after) {
      if (after.agencyId !== before.agencyId || after.id !== before.id) {
        throw new RangeError('A save writes the document it read');
      }
      const key = keyOf(before.agencyId, before.id);
      const current = rows.get(key);
      if (current?.version !== before.version) throw versionConflict(current?.version);
      rows.set(key, copy(after));
      return copy(after);
    },

    async listByAgency(agencyId, page) {
      const documents = [...rows.values()]
        .filter((document) => document.agencyId === agencyId)
        .sort(byKey((document) => document.id))
        .map(copy);
      return pageOf(documents, (document) => document.id, `outgoing:${agencyId}`, page);
    },
  };
}
