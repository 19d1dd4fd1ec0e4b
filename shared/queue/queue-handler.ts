import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import type { FunctionName } from '../function-settings.ts';
import { type DomainEvent, eventTypes } from '../domain/events.ts';
import type { BusinessMetric, BusinessMetrics } from '../use-cases/ports/business-metrics.ts';
import { logger } from '../observability.ts';

const Envelope = z.object({
  id: z.string().check(z.minLength(1)),
  type: z.enum(eventTypes),
  dossierCode: z.string().check(z.minLength(1)),
  occurredAt: z.string().check(z.minLength(1)),
  data: z.record(z.string(), z.unknown()),
});

/**
 * The one stack every queue consumer uses: each record is handled on its own and only the failed
 * ones are reported back, so one bad record never makes the good ones run twice.
 */
export function queueHandler(
  _name: FunctionName,
  handleEvent: (event: DomainEvent) => Promise<void>,
  options: {
    /**
     * Delays a failed record's next delivery (retry-backoff.ts `backoffOf`): passed in, so the consumers
     * that keep the queue's fixed retry carry no SQS client.
     */
    backoff?: (record: SQSRecord) => Promise<void>;
    /** Counted once per failed attempt at a record, retries included (the `sign` worker's SigningFailures). */
    failures?: { metric: BusinessMetric; metrics: BusinessMetrics };
  } = {},
) {
  const processor = new BatchProcessor(EventType.SQS);
  const handleRecord = async (record: SQSRecord) => {
    const event = Envelope.parse(JSON.parse(record.body)) as DomainEvent;
    logger.appendKeys({ dossierCode: event.dossierCode, eventId: event.id });
    try {
      await handleEvent(event);
    } catch (error) {
      options.failures?.metrics.count(options.failures.metric);
      await options.backoff?.(record);
      throw error;
    } finally {
      logger.removeKeys(['dossierCode', 'eventId']);
    }
  };
  return middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, handleRecord, processor, { context }),
  ).use(injectLambdaContext(logger));
}
