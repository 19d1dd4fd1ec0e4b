import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import { dynamoClient } from '../adapters/dynamo/client.ts';
import { tableLayout } from '../adapters/dynamo/table-layout.ts';
import { config } from '../config.ts';

/**
 * Honours the `Idempotency-Key` header: a replay returns the first response, a replay with
 * another body is refused. The key is scoped to the caller, so two citizens can't collide, and a
 * request without the header is not deduplicated at all (the `&&` makes the key null).
 */
export function idempotencyKeyHeader(): MiddlewareObj {
  return makeHandlerIdempotent({
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: config.TABLE_NAME,
      awsSdkV3Client: dynamoClient,
      keyAttr: tableLayout.partitionKey,
      sortKeyAttr: tableLayout.sortKey,
      expiryAttr: tableLayout.timeToLiveAttribute,
    }),
    config: new IdempotencyConfig({
      eventKeyJmesPath:
        'headers."idempotency-key" && [requestContext.authorizer.jwt.claims.sub, headers."idempotency-key"]',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: 24 * 60 * 60,
      throwOnNoIdempotencyKey: false,
    }),
  }) as MiddlewareObj;
}
