import { registerYear } from '../../../shared/domain/official-documents/register.ts';
import { toVnIso } from '../../../shared/domain/time.ts';
import type { DocumentRegister, RegisterEntryRef } from '../../../shared/use-cases/ports/document-register.ts';
import { pageOf } from './page.ts';

/**
 * A register's numbers in memory, as dynamo/document-register.ts gives them: per register and Vietnam's
 * year, consecutive from 1, one number per document however often (or however concurrently) it is
 * claimed, the entries listed in ascending order and paged with cursors bound to their register's year.
 */
export function fakeDocumentRegister(): DocumentRegister {
  const registers = new Map<string, RegisterEntryRef[]>();
  const scopeOf = (register: { agencyId: string; kind: string; series: string }, year: number) =>
    `REGISTER#${register.agencyId}#${register.kind}#${register.series}#${year}`;
  return {
    async claimNumber(register, documentId, at) {
      const year = registerYear(at);
      const scope = scopeOf(register, year);
      const entries = registers.get(scope) ?? [];
      registers.set(scope, entries);
      const held = entries.find((entry) => entry.documentId === documentId);
      if (held) return { year, number: held.number };
      const number = entries.length + 1;
      entries.push({ number, documentId, at: toVnIso(at) });
      return { year, number };
    },

    async entries(register, year, page) {
      const scope = scopeOf(register, year);
      const listed = (registers.get(scope) ?? []).map((entry) => ({ ...entry }));
      return pageOf(listed, (entry) => String(entry.number), scope, page);
    },
  };
}
