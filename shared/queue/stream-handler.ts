import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../observability.ts';

/**
 * The stack of a consumer of the table's change stream: each record's new image, unmarshalled, handled
 * on its own, the failed ones reported back by sequence number (Lambda retries from the first of them).
 */
export function streamHandler(handleImage: (image: Record<string, unknown>) => Promise<unknown>) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const handleRecord = async (record: DynamoDBRecord) => {
    const image = record.dynamodb?.NewImage;
    if (!image) return;
    const item = unmarshall(image as Record<string, AttributeValue>);
    logger.appendKeys({ dossierCode: typeof item.code === 'string' ? item.code : undefined });
    try {
      await handleImage(item);
    } finally {
      logger.removeKeys(['dossierCode']);
    }
  };
  return middy(async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
    processPartialResponse(event, handleRecord, processor, { context }),
  ).use(injectLambdaContext(logger));
}
