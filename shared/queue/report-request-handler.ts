import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type ReportRequest, ReportRequestEnvelope } from '../adapters/sqs/report-requests.ts';
import { logger } from '../observability.ts';

/**
 * The queue stack of the `report` worker (its messages carry no dossier code, so not queueHandler's
 * envelope): each record on its own, only the failed ones reported back for redelivery.
 */
export function reportRequestHandler(handle: (request: ReportRequest) => Promise<void>) {
  const processor = new BatchProcessor(EventType.SQS);
  const handleRecord = async (record: SQSRecord) => {
    const request = ReportRequestEnvelope.parse(JSON.parse(record.body));
    logger.appendKeys({ reportId: request.data.reportId, eventId: request.id });
    try {
      await handle(request);
    } finally {
      logger.removeKeys(['reportId', 'eventId']);
    }
  };
  return middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, handleRecord, processor, { context }),
  ).use(injectLambdaContext(logger));
}
