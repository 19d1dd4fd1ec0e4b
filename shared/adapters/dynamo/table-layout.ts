/**
 * The single table's key schema and indexes. The CDK data stack and the local cloud create the
 * table from this, and the repositories query it by these names: the layout lives nowhere else.
 */
export const tableLayout = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  indexes: {
    /** A citizen's dossiers, newest first. */
    byApplicant: { indexName: 'byApplicant', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** An agency's work queue, ordered by due date. */
    byAgencyDue: { indexName: 'byAgencyDue', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Sparse: only dossiers whose outbox still holds unsent events, sharded to spread writes. */
    pendingOutbox: { indexName: 'pendingOutbox', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /** Sparse: only open dossiers (filed, not yet decided), one partition per local due date, by due instant. */
    openByDueDay: { indexName: 'openByDueDay', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  },
} as const;

export type IndexName = keyof typeof tableLayout.indexes;
