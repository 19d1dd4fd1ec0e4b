import type { CatalogueRepository } from '../ports/catalogue-repository.ts';
import { filterCatalogue, type ProcedureSummary } from '../../domain/catalogue/search.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import type { ReadCache } from '../ports/read-cache.ts';
import type { SearchProceduresQuery } from './schemas.ts';

const invalidCursor = () => new RuleViolation('bad-request', 'invalid-cursor', 'Con trỏ trang (cursor) không hợp lệ.');

/** The page cursor: an offset into the filtered, code-sorted list, opaque to clients. */
export const encodeOffset = (offset: number): string =>
  Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

export function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) return o;
  } catch {
    // Fall through to the problem.
  }
  throw invalidCursor();
}

const view = ({ nameFolded: _nameFolded, ...summary }: ProcedureSummary) => summary;

/**
 * Browse and search the catalogue. A province has ~1,500 procedures that change a few times a
 * month, and free-text search without diacritics has no DynamoDB key to use: so the function
 * Queries the one catalogue partition (summaries only, a few hundred KB), keeps it in the container
 * for `cache`'s TTL (a minute: shared/composition/search-procedures.ts; module scope, the handler
 * builds this once), and filters in memory. A saved procedure shows in search within that TTL;
 * `GET /v1/procedures/{code}` is always current.
 */
export function searchProcedures(catalogue: Pick<CatalogueRepository, 'listSummaries'>, cache: ReadCache) {
  // Concurrent requests share one read; a failed read is not kept.
  const entries = (): Promise<ProcedureSummary[]> => cache.read('summaries', () => catalogue.listSummaries());

  return async (query: SearchProceduresQuery) => {
    const offset = decodeOffset(query.cursor);
    const matches = filterCatalogue(await entries(), query);
    const page = matches.slice(offset, offset + query.limit);
    const end = offset + page.length;
    return {
      items: page.map(view),
      total: matches.length,
      ...(end < matches.length ? { nextCursor: encodeOffset(end) } : {}),
    };
  };
}
