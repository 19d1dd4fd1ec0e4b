import type { DossierRead, ReadAuditLog } from '../../../shared/use-cases/ports/read-audit-log.ts';
import { byKey, copy, pageOf } from './page.ts';

/** The read audit in memory: append-only (a redelivered read keeps its first record), newest first. */
export function fakeReadAuditLog(initial: readonly DossierRead[] = []): ReadAuditLog {
  const records = new Map<string, DossierRead>();
  // The adapter's item key: the dossier, the instant and the request.
  const keyOf = (read: DossierRead) => `${read.dossierCode}#${read.at}#${read.requestId}`;
  const record = async (read: DossierRead) => {
    if (!records.has(keyOf(read))) records.set(keyOf(read), copy(read));
  };
  for (const read of initial) void record(read);

  return {
    record,
    async list(code, page) {
      const reads = [...records.values()]
        .filter((r) => r.dossierCode === code)
        .sort(byKey((r) => `${r.at}#${r.requestId}`, 'descending'));
      return pageOf(copy(reads), keyOf, `reads:${code}`, page);
    },
  };
}
