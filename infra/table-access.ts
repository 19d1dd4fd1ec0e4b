/**
 * What a function may do in the single table, by partition: the manifest declares it (`access.table`),
 * the CDK app turns it into IAM statements with `dynamodb:LeadingKeys` conditions
 * (infra/stacks/platform-function.ts), and the local cloud refuses any request outside it
 * (infra/local/table-access.ts). Pure data and matching: no CDK import.
 */
import type { IndexName } from '../shared/adapters/dynamo/table-layout.ts';

/**
 * Partition key patterns, as IAM's `StringLike` reads them: `DOSSIER#*` is every partition whose key
 * starts with `DOSSIER#`, `CATALOGUE` that one partition only.
 */
export type Partitions = readonly string[];

export interface TableAccess {
  /** Partitions it reads: GetItem, Query, BatchGetItem. */
  reads?: Partitions;
  /** Partitions it puts or updates items in (PutItem, UpdateItem, ConditionCheckItem). */
  writes?: Partitions;
  /** Partitions it deletes items from (DeleteItem). None: the function never deletes. */
  deletes?: Partitions;
  /** Index partitions it queries, by index: the patterns apply to the index's own partition key. */
  indexes?: Partial<Record<IndexName, Partitions>>;
}

/** One request's use of one partition (of the table, or of an index when `index` is set). */
export interface TableUse {
  action: 'read' | 'write' | 'delete' | 'batch-write';
  partition: string;
  index?: string;
}

/** Whether `partition` matches one of `patterns` (a trailing `*` matches any rest, as in IAM). */
export const matchesPartition = (patterns: Partitions | undefined, partition: string): boolean =>
  (patterns ?? []).some((pattern) =>
    pattern.endsWith('*') ? partition.startsWith(pattern.slice(0, -1)) : partition === pattern,
  );

/** Whether the declaration allows the use; BatchWriteItem is granted to no function (it is for seeding). */
export function tableAllows(access: TableAccess | undefined, use: TableUse): boolean {
  if (!access) return false;
  if (use.index) return matchesPartition(access.indexes?.[use.index as IndexName], use.partition);
  switch (use.action) {
    case 'read':
      return matchesPartition(access.reads, use.partition);
    case 'write':
      return matchesPartition(access.writes, use.partition);
    case 'delete':
      return matchesPartition(access.deletes, use.partition);
    case 'batch-write':
      return false;
  }
}
