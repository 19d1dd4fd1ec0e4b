import { dossierRepository } from '../../../shared/adapters/dynamo/dossier-repository.ts';
import { indicatorFactRepository } from '../../../shared/adapters/dynamo/indicator-facts.ts';
import { notificationRepository } from '../../../shared/adapters/dynamo/notification-repository.ts';
import { monthOf } from '../../../shared/domain/indicators/period.ts';

/**
 * The consumers' effects, read straight from the table (Query only), so a duplicate shows up as a
 * second row rather than being hidden by an API page.
 */
export function effects(tableName: string) {
  const notifications = notificationRepository(tableName);
  const dossiers = dossierRepository(tableName);
  const facts = indicatorFactRepository(tableName);
  return {
    /** How many in-app notifications each dossier gave this recipient. */
    async inboxCounts(recipientId: string): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      let cursor: string | undefined;
      do {
        const page = await notifications.listFor(recipientId, { limit: 100, ...(cursor ? { cursor } : {}) });
        for (const n of page.items) counts.set(n.dossierCode, (counts.get(n.dossierCode) ?? 0) + 1);
        cursor = page.nextCursor;
      } while (cursor);
      return counts;
    },
    /** Every dossier code of an applicant, duplicates kept. */
    async dossierCodes(applicantId: string): Promise<string[]> {
      const codes: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await dossiers.listByApplicant(applicantId, { limit: 100, ...(cursor ? { cursor } : {}) });
        codes.push(...page.items.map((d) => d.code));
        cursor = page.nextCursor;
      } while (cursor);
      return codes;
    },
    /** The dossier version of each indicator fact in the agency's partition of this month, by code. */
    async factVersions(agencyId: string, at = new Date()): Promise<Map<string, number>> {
      return new Map((await facts.listMonth(agencyId, monthOf(at))).facts.map((f) => [f.code, f.version]));
    },
    dossier: (code: string) => dossiers.get(code),
  };
}
