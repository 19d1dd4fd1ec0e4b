import type { DossierDocument } from '../../../shared/domain/documents/document.ts';
import type { DocumentRepository } from '../../../shared/use-cases/ports/document-repository.ts';
import { byKey, copy } from './page.ts';

/** The documents' metadata in memory: create once per id, pending → verified or quarantined once. */
export function fakeDocumentRepository(initial: readonly DossierDocument[] = []): DocumentRepository {
  const rows = new Map<string, DossierDocument>();
  const keyOf = (code: string, id: string) => `${code}/${id}`;
  for (const document of initial) rows.set(keyOf(document.dossierCode, document.id), copy(document));

  /** The adapter's conditional update: only a pending document changes; the answer is what is stored. */
  const settle = (code: string, id: string, change: Partial<DossierDocument>) => {
    const row = rows.get(keyOf(code, id));
    if (row?.status === 'pending') rows.set(keyOf(code, id), { ...row, ...copy(change) });
    const stored = rows.get(keyOf(code, id));
    return Promise.resolve(stored && copy(stored));
  };

  return {
    async create(document) {
      const key = keyOf(document.dossierCode, document.id);
      if (rows.has(key)) return false;
      rows.set(key, copy(document));
      return true;
    },
    async get(code, id) {
      const row = rows.get(keyOf(code, id));
      return row && copy(row);
    },
    async list(code) {
      return copy([...rows.values()].filter((d) => d.dossierCode === code).sort(byKey((d) => d.id)));
    },
    markVerified: (code, id, { sha256, verifiedAt, key }) =>
      settle(code, id, { status: 'verified', sha256, verifiedAt, ...(key === undefined ? {} : { key }) }),
    markQuarantined: (code, id, rejection, key) => settle(code, id, { status: 'quarantined', rejection, key }),
  };
}
