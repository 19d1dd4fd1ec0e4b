import { createHash } from 'node:crypto';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { MiddlewareObj } from '@middy/core';
import type { FunctionName } from '../function-settings.ts';
import { dynamoClient } from '../adapters/dynamo/client.ts';
import { keys } from '../adapters/dynamo/keys.ts';
import { tableLayout } from '../adapters/dynamo/table-layout.ts';
import { isSealed, type RecordSeal, recordSeal } from '../adapters/record-seal.ts';
import { config } from '../config.ts';
import type { HttpEvent } from './parse-request.ts';

/** How long a first answer is replayed. */
export const idempotencyRecordSeconds = 24 * 60 * 60;

/** The record's own key: a record read back carries it as its sort key, one being written as its key. */
const recordKeyOf = (record: IdempotencyRecord): string => record.sortKey ?? record.idempotencyKey;

/**
 * Stores the first answer sealed (shared/adapters/record-seal.ts): the filing's receipt carries the
 * look-up PIN, an official's step the dossier; the table holds neither in clear for the record's 24 hours.
 */
class SealedPersistenceLayer extends DynamoDBPersistenceLayer {
  constructor(
    options: ConstructorParameters<typeof DynamoDBPersistenceLayer>[0],
    private readonly name: FunctionName,
    private readonly sealOf: () => RecordSeal,
  ) {
    super(options);
  }

  /**
   * Each record in a partition of its own, `IDEMPOTENCY#<function>#<digest of the record's key>`, instead
   * of the layer's one static partition per function: at a national portal's peak (1,700 filings a
   * second, and the officials' steps on them) that one partition would take every step's writes, above
   * DynamoDB's 1,000 write units a second per partition. The record's key (a hash of method, path, caller and header) stays
   * the sort key, so a record read back carries it as before.
   */
  protected override getKey(idempotencyKey: string): Record<string, AttributeValue> {
    return marshall({
      [tableLayout.partitionKey]: idempotencyPartition(this.name, idempotencyKey),
      [tableLayout.sortKey]: idempotencyKey,
    });
  }

  protected override async _updateRecord(record: IdempotencyRecord): Promise<void> {
    if (record.responseData !== undefined && !isSealed(record.responseData)) {
      record.responseData = this.sealOf().seal(recordKeyOf(record), JSON.stringify(record.responseData));
    }
    return super._updateRecord(record);
  }
}

/** The partition of one record: the function's own prefix (its IAM grant, `IDEMPOTENCY#<function>#*`) and a digest of the key. */
export const idempotencyPartition = (name: FunctionName, idempotencyKey: string): string =>
  keys.idempotency(name, createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32));

/** Where a function's Idempotency-Key records are kept: its own partitions of the single table, sealed. */
export function idempotencyStore(name: FunctionName, sealOf: () => RecordSeal): DynamoDBPersistenceLayer {
  return new SealedPersistenceLayer(
    {
      tableName: config.TABLE_NAME,
      awsSdkV3Client: dynamoClient,
      keyAttr: tableLayout.partitionKey,
      sortKeyAttr: tableLayout.sortKey,
      expiryAttr: tableLayout.timeToLiveAttribute,
    },
    name,
    sealOf,
  );
}

/**
 * Honours the `Idempotency-Key` header: a replay returns the first answer, a replay with another body
 * is refused (422). The record is bound to the method, the path (so the dossier) and the caller: the
 * same key on another route or dossier, or from another person, is another request. A request without
 * the header is not deduplicated (the `&&` makes the key null); the header's form is checked by
 * parseRequest (1–255 visible ASCII) before this runs. A body-less route hashes `null` as its body.
 * The records of a function live in its own partitions (`IDEMPOTENCY#<function>#…`, not the deployed
 * Lambda's generated name): the ones its IAM grant names, one per record (see getKey above). Records
 * written before the partitions were spread (in `IDEMPOTENCY#<function>` itself) are no longer read:
 * a replay across that deploy runs again; they expire within the record's 24 hours.
 */
export function idempotencyKeyHeader(name: FunctionName): MiddlewareObj {
  let seal: RecordSeal | undefined;
  const sealOf = (): RecordSeal => {
    if (!seal) throw new Error('The record seal was not loaded before the idempotency check');
    return seal;
  };
  const inner = makeHandlerIdempotent({
    persistenceStore: idempotencyStore(name, sealOf),
    config: new IdempotencyConfig({
      eventKeyJmesPath:
        'headers."idempotency-key" && [requestContext.http.method, rawPath, requestContext.authorizer.jwt.claims.sub, headers."idempotency-key"]',
      payloadValidationJmesPath: 'body || `null`',
      expiresAfterSeconds: idempotencyRecordSeconds,
      throwOnNoIdempotencyKey: false,
      // A replay: the stored answer opened again (records written before sealing are returned as they are).
      responseHook: (response, record) =>
        isSealed(response) ? (JSON.parse(sealOf().open(recordKeyOf(record), response)) as typeof response) : response,
    }),
  }) as MiddlewareObj;
  return {
    ...inner,
    // The secret is read (and cached) before the check: the replay hook is synchronous.
    before: async (request) => {
      if ((request.event as HttpEvent | undefined)?.headers?.['idempotency-key']) seal = await recordSeal();
      return inner.before?.(request);
    },
  };
}
