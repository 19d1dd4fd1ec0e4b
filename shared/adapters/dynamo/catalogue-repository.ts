import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ProcedureSummary, summaryOf } from '../../domain/catalogue/search.ts';
import { contentOf, procedureVersionTaken, sameContent } from '../../domain/catalogue/versioning.ts';
import { feeRuleOf, type FlatFee } from '../../domain/fees/rule.ts';
import type { Procedure } from '../../domain/procedure.ts';
import { type CacheOptions, repositoryCache } from '../reference-cache.ts';
import { batchPut } from './batch-put.ts';
import { db } from './client.ts';
import { readPartition } from './partition.ts';
import { keys } from './keys.ts';
import type { CatalogueRepository } from '../../use-cases/ports/catalogue-repository.ts';

const withoutKeys = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
};

/** Versions saved before fee rules carry a flat `{ amount, due }` fee: read as the fixed rule it stands for. */
const upgraded = <T extends { fee: Procedure['fee'] | FlatFee }>(item: T): T =>
  item.fee ? { ...item, fee: feeRuleOf(item.fee) } : item;

const versionItem = (procedure: Procedure) => ({
  ...keys.procedureVersion(procedure.code, procedure.version),
  ...procedure,
});

const procedureOf = (item: Record<string, unknown>): Procedure => upgraded(withoutKeys<Procedure>(item));

/** The cache's keys. */
const cached = {
  current: (code: string) => `procedure:${code}`,
  version: (code: string, version: number) => `procedure-version:${code}#${version}`,
  versions: 'procedure-version:',
};
const found = (value: unknown) => value !== undefined;
/** A saved version never changes: kept longer than the current one (an hour, bounded by the cache's size). */
const versionSeconds = 3600;

/**
 * Without options the repository reads through the process's reference cache (reference-cache.ts,
 * REFERENCE_CACHE_SECONDS); with either option, through a cache of its own.
 */
export type CatalogueRepositoryOptions = CacheOptions;

/**
 * The procedure catalogue, three kinds of item:
 * - `PROCEDURE#<code>` / `V#<00001>`: every version ever saved, immutable (dossiers keep theirs);
 * - `PROCEDURE#<code>` / `CURRENT`: a copy of the newest version, what new dossiers are filed under;
 * - `CATALOGUE` / `PROCEDURE#<code>`: the newest version's summary, for search (one partition, one Query).
 * Every read is a GetItem or a Query: no Scan. The current version and the saved versions are read
 * eventually consistent and cached: a saved version never changes, and a new current one is what
 * dossiers filed from then on are filed under, within the cache's TTL in another container.
 */
export function catalogueRepository(
  tableName: string,
  client: DynamoDBDocumentClient = db,
  options: CatalogueRepositoryOptions = {},
): CatalogueRepository {
  const cache = repositoryCache(tableName, options);
  const getProcedure = async (key: { pk: string; sk: string }): Promise<Procedure | undefined> => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: false }));
    return Item ? procedureOf(Item) : undefined;
  };
  /** An unknown code or version is read again next time: a new procedure can be filed under at once. */
  const cachedProcedure = (cacheKey: string, key: { pk: string; sk: string }, ttlSeconds?: number) =>
    cache.read(cacheKey, () => getProcedure(key), { keep: found, ...(ttlSeconds ? { ttlSeconds } : {}) });

  /** Writes a copy of `version` unless a newer one is already there (an older writer arriving late loses). */
  const putUnlessNewer = async (key: { pk: string; sk: string }, item: object, version: number) => {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...key, ...item },
          ConditionExpression: 'attribute_not_exists(pk) OR #version <= :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  };

  return {
    /** The version new dossiers are filed under. */
    currentProcedure: (code: string): Promise<Procedure | undefined> =>
      cachedProcedure(cached.current(code), keys.procedure(code)),

    /** The current version as stored, not cached: what its page shows, to the admin who just saved it too. */
    storedCurrentProcedure: (code: string): Promise<Procedure | undefined> => getProcedure(keys.procedure(code)),

    /** One version as it was saved: what a dossier filed under it sees. */
    procedureVersion: (code: string, version: number): Promise<Procedure | undefined> =>
      cachedProcedure(cached.version(code, version), keys.procedureVersion(code, version), versionSeconds),

    /** The newest version item, even if a crash kept it from being made current. */
    async latestVersion(code: string): Promise<Procedure | undefined> {
      const { pk } = keys.procedure(code);
      const { Items } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': 'V#' },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const item = Items?.[0];
      return item ? procedureOf(item) : undefined;
    },

    /**
     * Stores a version and makes it current. The version item is written only if absent, so two
     * admins cannot both create version N+1: the second gets a conflict, unless it was saving the
     * very same content (a retry), which then completes the first write (current copy, summary).
     * Without transactions, the copies follow the version item and never move backwards.
     */
    async putProcedure(procedure: Procedure): Promise<'created' | 'already-stored'> {
      let outcome: 'created' | 'already-stored' = 'created';
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: versionItem(procedure),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const stored = await getProcedure(keys.procedureVersion(procedure.code, procedure.version));
        if (!stored || !sameContent(contentOf(stored), contentOf(procedure))) {
          throw procedureVersionTaken(procedure.code, procedure.version);
        }
        outcome = 'already-stored';
      }
      await putUnlessNewer(keys.procedure(procedure.code), procedure, procedure.version);
      await putUnlessNewer(keys.catalogueEntry(procedure.code), summaryOf(procedure), procedure.version);
      cache.forget(cached.current(procedure.code));
      return outcome;
    },

    /**
     * Loads procedures into a table holding none of them yet (seeding), in BatchWriteItem calls: the
     * items putProcedure writes, every version first, then the newest version of each code made current
     * and listed. Unconditional: for a table that may already hold a version, use putProcedure.
     */
    async importProcedures(procedures: readonly Procedure[]): Promise<void> {
      const newest = new Map<string, Procedure>();
      for (const p of procedures) if ((newest.get(p.code)?.version ?? -Infinity) < p.version) newest.set(p.code, p);
      await batchPut(client, tableName, procedures.map(versionItem));
      await batchPut(
        client,
        tableName,
        [...newest.values()].flatMap((p) => [
          { ...keys.procedure(p.code), ...p },
          { ...keys.catalogueEntry(p.code), ...summaryOf(p) },
        ]),
      );
      // Seeding writes without conditions, versions included.
      for (const prefix of [cached.current(''), cached.versions]) cache.forgetPrefix(prefix);
    },

    /**
     * Every procedure's summary, sorted by code: a Query over the one catalogue partition, page by
     * page (a province's ~1,500 procedures are a few hundred KB, one or two pages).
     */
    async listSummaries(): Promise<ProcedureSummary[]> {
      const { pk, skPrefix } = keys.catalogueEntries();
      const { items } = await readPartition(tableName, pk, { skPrefix, client });
      const summaries = items.map((item) => upgraded(withoutKeys<ProcedureSummary>(item)));
      return summaries;
    },
  };
}
