/**
 * The single table's key schema and indexes. The CDK data stack and the local cloud create the
 * table from this, and the repositories query it by these names: the layout lives nowhere else.
 */
export const tableLayout = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  /**
   * Each index keeps the keys, and only what its readers need beyond them (`byAgencyDue` the status its
   * queue filters on, `openByDueDay` the published answers' public version): an index copy
   * is billed on every write that touches it, at the size it projects, so whole dossiers (1–4 KB)
   * projected four times cost more than the table's own writes. Readers fetch the items they list by
   * key (items-by-key.ts): one more round trip for a list, a quarter of the write units for every change.
   */
  indexes: {
    /** A citizen's dossiers, newest first. */
    byApplicant: { indexName: 'byApplicant', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projects: [] },
    /** An agency's work queue, ordered by due date. */
    byAgencyDue: { indexName: 'byAgencyDue', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projects: ['status'] },
    /**
     * Sparse: only open dossiers (filed, not yet decided), one partition per local due date, by due instant.
     * Also the published answers to feedback, which it lists whole: their id and public version only.
     */
    openByDueDay: {
      indexName: 'openByDueDay',
      partitionKey: 'gsi4pk',
      sortKey: 'gsi4sk',
      projects: ['id', 'published'],
    },
  },
} as const;

export type IndexName = keyof typeof tableLayout.indexes;
