import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Decision, Dossier, TimelineEntry } from '../../domain/dossier/dossier.ts';
import type { DomainEvent } from '../../domain/events.ts';
import { isOpen } from '../../domain/dossier/status.ts';
import { versionConflict } from '../../domain/rule-violation.ts';
import { toVnDate } from '../../domain/time.ts';
import { chainTimeline, genesisHash } from '../../domain/dossier/timeline-chain.ts';
import { db } from './client.ts';
import { itemsOfIndexPartitions } from './index-partitions.ts';
import { itemsOfEntries } from './items-by-key.ts';
import { type PageQuery, queryPage as pageOf } from './query-page.ts';
import { dueDayShardOf, dueDayShards, keys } from './keys.ts';
import { tableLayout } from './table-layout.ts';
import type {
  DossierRepository,
  RequestMark,
  StoredDossier,
  WorkQueueFilter,
} from '../../use-cases/ports/dossier-repository.ts';
import type { Page, PageRequest } from '../../use-cases/ports/page.ts';

/**
 * How many steps' marks the dossier keeps: a retry comes within moments of the answer it lost, before
 * the next steps of other officials; each mark adds some 40 bytes to every later write of the item.
 */
export const requestMarksKept = 5;

const { byApplicant, byAgencyDue, openByDueDay } = tableLayout.indexes;

/** Index keys derived from the dossier's state; recomputed on every write so they never drift. */
function indexKeys(dossier: Dossier): Record<string, string> {
  return {
    [byApplicant.partitionKey]: keys.applicantIndex(dossier.applicantId),
    [byApplicant.sortKey]: `${dossier.submittedAt}#${dossier.code}`,
    ...(dossier.workQueue
      ? {
          [byAgencyDue.partitionKey]: keys.agencyQueueIndex(dossier.workQueue.agencyId),
          [byAgencyDue.sortKey]: `${dossier.dueAt}#${dossier.code}`,
        }
      : {}),
    // Sparse: only open dossiers (filed, not yet decided) are in the due-date index.
    ...(isOpen(dossier.status)
      ? {
          [openByDueDay.partitionKey]: keys.dueDayIndex(toVnDate(new Date(dossier.dueAt)), dueDayShardOf(dossier.code)),
          [openByDueDay.sortKey]: `${dossier.dueAt}#${dossier.code}`,
        }
      : {}),
  };
}

/**
 * A write's events ride on the item it writes: `outbox` (this write's events only) and `outboxVersion`
 * (the version they belong to), which the table's stream relays (shared/use-cases/relay-events.ts). A write
 * without events removes both, so the stream sends nothing again.
 */
const outboxAttributes = ['outbox', 'outboxVersion'] as const;

/** Marks stored as `<key>.<digest>` strings: the item's bytes are its write units. */
const requestsAttribute = 'requests';
const markOf = (stored: unknown): RequestMark => {
  const [key = '', digest = ''] = String(stored).split('.');
  return { key, digest };
};

const itemKeys = new Set([
  'pk',
  'sk',
  ...outboxAttributes,
  requestsAttribute,
  ...Object.values(tableLayout.indexes).flatMap((i) => [i.partitionKey, i.sortKey]),
]);

/**
 * The timeline is stored without each entry's `prevHash`: it is the hash of the entry before (the
 * genesis for the first), so it is put back on read, and the chain verifies as written (a deleted or
 * moved entry then shows as a hash mismatch rather than a broken link). Some 75 bytes an entry, on every
 * later write of the item. Entries stored with their `prevHash` keep it as stored.
 */
const storedTimeline = (timeline: readonly TimelineEntry[]) => timeline.map(({ prevHash: _, ...entry }) => entry);

function withLinks(code: string, timeline: readonly TimelineEntry[]): TimelineEntry[] {
  let previous = genesisHash(code);
  return timeline.map((entry) => {
    const linked = entry.prevHash === undefined && entry.hash !== undefined ? { ...entry, prevHash: previous } : entry;
    if (entry.hash !== undefined) previous = entry.hash;
    return linked;
  });
}

function fromItem(item: Record<string, unknown>): StoredDossier {
  const dossier: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!itemKeys.has(name)) dossier[name] = value;
  if (Array.isArray(dossier.timeline)) dossier.timeline = withLinks(String(dossier.code), dossier.timeline);
  return {
    dossier: dossier as unknown as Dossier,
    outbox: (item.outbox as DomainEvent[] | undefined) ?? [],
    requests: ((item[requestsAttribute] as unknown[] | undefined) ?? []).map(markOf),
  };
}

/** Every write chains the entries appended since `stored` (the count read), here and nowhere else. */
function linked(dossier: Dossier, stored: number): Dossier {
  if (dossier.timeline.length <= stored) return dossier;
  const timeline = chainTimeline(dossier.code, dossier.timeline.slice(0, stored), dossier.timeline.slice(stored));
  return { ...dossier, timeline };
}

/** A dossier as its item holds it (a stream record's new image, unmarshalled), with the write's outbox version. */
export const writtenDossierOf = (item: Record<string, unknown>): StoredDossier & { outboxVersion?: number } => ({
  ...fromItem(item),
  ...(typeof item.outboxVersion === 'number' ? { outboxVersion: item.outboxVersion } : {}),
});

export function dossierRepository(tableName: string): DossierRepository {
  return {
    async get(code: string): Promise<StoredDossier | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.dossier(code), ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },

    /** Writes a new dossier with its first events; fails if the code was ever used. */
    async create(decision: Decision): Promise<StoredDossier> {
      const { events } = decision;
      const dossier = linked(decision.dossier, 0);
      const item = {
        ...keys.dossier(dossier.code),
        ...indexKeys(dossier),
        ...dossier,
        timeline: storedTimeline(dossier.timeline),
        ...(events.length > 0 ? { outbox: events, outboxVersion: dossier.version } : {}),
      };
      await db.send(
        new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return { dossier, outbox: events, requests: [] };
    },

    /**
     * Saves a decision taken on `before`: one conditional UpdateItem on the version read, which
     * also appends the decision's events to the outbox. A concurrent writer makes it fail with 409.
     * A step sent with an Idempotency-Key is marked in the same write (`request`, after the `marks`
     * read with `before`), so a retry finds it applied: the dossier is its own idempotency record.
     */
    async save(
      before: Dossier,
      decision: Decision,
      request?: { mark: RequestMark; marks: readonly RequestMark[] },
    ): Promise<StoredDossier> {
      const { events } = decision;
      const dossier = linked(decision.dossier, before.timeline.length);
      const next: Record<string, unknown> = {
        ...indexKeys(dossier),
        ...dossier,
        timeline: storedTimeline(dossier.timeline),
      };
      const previous: Record<string, unknown> = { ...indexKeys(before), ...before };
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':expected': before.version };
      const sets: string[] = [];
      let i = 0;
      for (const [name, value] of Object.entries(next)) {
        if (name === 'code') continue;
        names[`#a${i}`] = name;
        values[`:v${i}`] = value;
        sets.push(`#a${i} = :v${i}`);
        i++;
      }
      const removes = Object.keys(previous)
        .filter((name) => !(name in next))
        .map((name) => {
          names[`#a${i}`] = name;
          return `#a${i++}`;
        });
      names['#outbox'] = 'outbox';
      names['#outboxVersion'] = 'outboxVersion';
      if (events.length > 0) {
        values[':events'] = events;
        values[':outboxVersion'] = dossier.version;
        sets.push('#outbox = :events', '#outboxVersion = :outboxVersion');
      } else {
        removes.push('#outbox', '#outboxVersion');
      }
      if (request) {
        names['#requests'] = requestsAttribute;
        values[':requests'] = [...request.marks, request.mark]
          .slice(-requestMarksKept)
          .map((m) => `${m.key}.${m.digest}`);
        sets.push('#requests = :requests');
      }
      names['#version'] = 'version';
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.dossier(dossier.code),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return fromItem(Attributes ?? {});
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          // Not every DynamoDB implementation returns the item on a failed condition: read it then.
          const current = error.Item?.version?.N ?? (await this.get(dossier.code))?.dossier.version;
          throw versionConflict(current === undefined ? undefined : Number(current));
        }
        throw error;
      }
    },

    /** A citizen's dossiers, newest first. */
    async listByApplicant(applicantId: string, page: PageRequest): Promise<Page<Dossier>> {
      const pk = keys.applicantIndex(applicantId);
      return queryPage(tableName, page, {
        IndexName: byApplicant.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': byApplicant.partitionKey },
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        cursorScope: { [byApplicant.partitionKey]: pk },
      });
    },

    /**
     * An agency's work queue by due date: `due` keeps those due before (overdue) or from (not yet
     * due) an instant, `statuses` the given statuses, `excludeStatus` all but one.
     */
    async listWorkQueue(agencyId: string, filter: WorkQueueFilter, page: PageRequest): Promise<Page<Dossier>> {
      const pk = keys.agencyQueueIndex(agencyId);
      const conditions = [
        ...(filter.status ? ['#status = :status'] : []),
        ...(filter.excludeStatus ? ['#status <> :excluded'] : []),
      ];
      return queryPage(tableName, page, {
        IndexName: byAgencyDue.indexName,
        KeyConditionExpression: filter.due ? `#pk = :pk AND #sk ${filter.due.before ? '<' : '>='} :due` : '#pk = :pk',
        ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
        ExpressionAttributeNames: {
          '#pk': byAgencyDue.partitionKey,
          ...(filter.due ? { '#sk': byAgencyDue.sortKey } : {}),
          ...(conditions.length > 0 ? { '#status': 'status' } : {}),
        },
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(filter.due ? { ':due': filter.due.at } : {}),
          ...(filter.status ? { ':status': filter.status } : {}),
          ...(filter.excludeStatus ? { ':excluded': filter.excludeStatus } : {}),
        },
        ScanIndexForward: true,
        cursorScope: { [byAgencyDue.partitionKey]: pk },
      });
    },

    /**
     * Open dossiers whose due instant falls on a local date (`yyyy-mm-dd`): a Query per page of each of
     * the date's shards, by due instant within a shard, then of the partition used before the shards
     * (a dossier moves out of it at its next write).
     */
    async *openDueOn(date: string): AsyncGenerator<Dossier> {
      const partitions = [
        ...Array.from({ length: dueDayShards }, (_, shard) => keys.dueDayIndex(date, shard)),
        keys.unshardedDueDayIndex(date),
      ];
      for await (const item of itemsOfIndexPartitions(tableName, openByDueDay, partitions)) {
        yield fromItem(item).dossier;
      }
    },
  };
}

async function queryPage(
  tableName: string,
  page: PageRequest,
  query: PageQuery & { cursorScope: Record<string, string> },
): Promise<Page<Dossier>> {
  const { cursorScope, ...input } = query;
  const { rows, nextCursor } = await pageOf(tableName, input, page, cursorScope);
  const [partitionKey] = Object.keys(cursorScope);
  const items = await itemsOfEntries(tableName, rows, partitionKey ? { partitionKey } : undefined);
  return { items: items.map((item) => fromItem(item).dossier), ...(nextCursor ? { nextCursor } : {}) };
}
