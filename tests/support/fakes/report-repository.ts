import type { ReportRecord, ReportRepository } from '../../../shared/use-cases/ports/report-repository.ts';
import { ConditionalCheckFailed } from './dossier-repository.ts';
import { byKey, copy, pageOf } from './page.ts';

/**
 * Reports in memory, as dynamo/report-repository.ts keeps them: `create` answers the stored report
 * (`created: false`) for an id already there, and lists it under each of the stored report's scopes;
 * `markReady` fails for an unknown id (the adapter's conditional update); a scope lists newest
 * requested first.
 */
export function fakeReportRepository(): ReportRepository {
  const reports = new Map<string, ReportRecord>();
  const listings = new Map<string, Set<string>>();
  const listingKey = (r: ReportRecord) => `${r.requestedAt}#${r.id}`;
  return {
    async get(id) {
      const report = reports.get(id);
      return report && copy(report);
    },
    async create(record) {
      const existing = reports.get(record.id);
      const stored = existing ?? copy(record);
      if (!existing) reports.set(record.id, stored);
      for (const scope of stored.scopes) {
        const ids = listings.get(scope) ?? new Set<string>();
        ids.add(stored.id);
        listings.set(scope, ids);
      }
      return { report: copy(stored), created: !existing };
    },
    async markReady(id, result) {
      const report = reports.get(id);
      if (!report) throw new ConditionalCheckFailed();
      reports.set(id, { ...report, status: 'ready', ...copy(result) });
    },
    async listFor(scope, page) {
      const listed = [...(listings.get(scope) ?? [])]
        .flatMap((id) => {
          const report = reports.get(id);
          return report ? [copy(report)] : [];
        })
        .sort(byKey(listingKey, 'descending'));
      return pageOf(listed, listingKey, `reports:${scope}`, page);
    },
  };
}
