/**
 * A queue consumer given a failure metric (the `sign` worker's SigningFailures) counts each failed
 * record once, and nothing for the records it handled.
 */
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { queueHandler } from '../../../shared/queue/queue-handler.ts';
import type { BusinessMetric } from '../../../shared/use-cases/ports/business-metrics.ts';

const record = (id: string, dossierCode: string): SQSRecord =>
  ({
    messageId: id,
    receiptHandle: id,
    body: JSON.stringify({
      id: `${dossierCode}:1:DossierChanged`,
      type: 'DossierChanged',
      dossierCode,
      occurredAt: '2026-12-04T08:00:00.000+07:00',
      data: {},
    }),
    attributes: { ApproximateReceiveCount: '1' },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-southeast-1:000000000000:sign',
    awsRegion: 'ap-southeast-1',
  }) as unknown as SQSRecord;

const context = { functionName: 'sign', awsRequestId: 'request-1', getRemainingTimeInMillis: () => 60_000 } as Context;

describe('queueHandler failures', () => {
  it('counts each failed record once, and not the records handled', async () => {
    const counted: BusinessMetric[] = [];
    const handler = queueHandler(
      'sign',
      async (event) => {
        if (event.dossierCode.startsWith('bad')) throw new Error('No signing key configured');
      },
      { failures: { metric: 'SigningFailures', metrics: { count: (metric) => void counted.push(metric) } } },
    );
    const event: SQSEvent = { Records: [record('1', 'good-1'), record('2', 'bad-1'), record('3', 'bad-2')] };
    const response = await handler(event, context);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['2', '3']);
    expect(counted).toEqual(['SigningFailures', 'SigningFailures']);
  });
});
