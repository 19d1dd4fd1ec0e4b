import type { AgencyLevel } from '../agency.ts';
import type { Procedure, ServiceLevel } from '../procedure.ts';
import { foldVietnamese, queryWords } from './fold.ts';

/** What the catalogue's list and search show of a procedure; `nameFolded` is kept for matching. */
export type ProcedureSummary = Pick<
  Procedure,
  'code' | 'version' | 'name' | 'field' | 'level' | 'agencyId' | 'serviceLevel' | 'processingTime' | 'fee'
> & { nameFolded: string };

export function summaryOf(procedure: Procedure): ProcedureSummary {
  const { code, version, name, field, level, agencyId, serviceLevel, processingTime, fee } = procedure;
  return {
    code,
    version,
    name,
    nameFolded: foldVietnamese(name),
    field,
    level,
    ...(agencyId === undefined ? {} : { agencyId }),
    serviceLevel,
    processingTime,
    fee,
  };
}

/** A query that looks like the start of a national code (`1.00`, `1.001193`) is matched against codes. */
const codePrefix = /^\d\.\d{1,6}$/;

/**
 * Whether a procedure answers a free-text query: every word of the query appears in its name
 * (diacritics, case and spacing ignored: "khai sinh" finds "Đăng ký khai sinh"), or the query is
 * its code or the beginning of it. An empty query matches everything.
 */
export function matchesQuery(entry: { code: string; name: string; nameFolded?: string }, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const trimmed = query.trim();
  if (codePrefix.test(trimmed) && entry.code.startsWith(trimmed)) return true;
  const name = entry.nameFolded ?? foldVietnamese(entry.name);
  return words.every((word) => name.includes(word));
}

export interface CatalogueFilter {
  q?: string;
  /** Field (lĩnh vực), compared folded: `ho tich` selects "Hộ tịch". */
  field?: string;
  level?: AgencyLevel;
  /** The agency a province-, department- or district-level procedure names. */
  agencyId?: string;
  serviceLevel?: ServiceLevel;
}

/** The entries a filter selects, sorted by code. */
export function filterCatalogue<E extends ProcedureSummary>(entries: readonly E[], filter: CatalogueFilter): E[] {
  const field = filter.field === undefined ? undefined : foldVietnamese(filter.field);
  return entries
    .filter(
      (entry) =>
        (filter.level === undefined || entry.level === filter.level) &&
        (filter.agencyId === undefined || entry.agencyId === filter.agencyId) &&
        (filter.serviceLevel === undefined || entry.serviceLevel === filter.serviceLevel) &&
        (field === undefined || field === '' || foldVietnamese(entry.field) === field) &&
        (filter.q === undefined || matchesQuery(entry, filter.q)),
    )
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
