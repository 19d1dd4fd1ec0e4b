import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { logger } from '../observability.ts';

/** Seconds a failed message stays hidden before its next attempt: doubling from `base`, capped at `max`. */
export function backoffSeconds(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

export interface BackoffSettings {
  queueUrl: string | undefined;
  baseSeconds: number;
  maxSeconds: number;
}

let sqs: SQSClient | undefined;

/**
 * Delays a failed record's next delivery (SQS would otherwise redeliver after the queue's fixed
 * visibility timeout). Best effort: if the change fails, the fixed timeout still applies.
 */
export async function delayRetry(record: SQSRecord, settings: BackoffSettings): Promise<void> {
  if (!settings.queueUrl) return;
  const attempt = Number(record.attributes.ApproximateReceiveCount ?? '1');
  sqs ??= new SQSClient({});
  try {
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: settings.queueUrl,
        ReceiptHandle: record.receiptHandle,
        VisibilityTimeout: backoffSeconds(attempt, settings.baseSeconds, settings.maxSeconds),
      }),
    );
  } catch (error) {
    logger.warn('Could not delay the retry', { messageId: record.messageId, error: error as Error });
  }
}

/** The backoff of a worker from the platform's configuration: its own queue and the delays, as queueHandler takes it. */
export const backoffOf = (
  settings: {
    QUEUE_URLS: Record<string, string>;
    RETRY_BACKOFF_BASE_SECONDS: number;
    RETRY_BACKOFF_MAX_SECONDS: number;
  },
  name: string,
): ((record: SQSRecord) => Promise<void>) => {
  const backoff: BackoffSettings = {
    queueUrl: settings.QUEUE_URLS[name],
    baseSeconds: settings.RETRY_BACKOFF_BASE_SECONDS,
    maxSeconds: settings.RETRY_BACKOFF_MAX_SECONDS,
  };
  return (record) => delayRetry(record, backoff);
};
