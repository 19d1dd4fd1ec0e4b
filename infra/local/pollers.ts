/**
 * Lambda's SQS event source mapping, emulated: receive a batch, invoke the consumer with an SQSEvent,
 * delete what succeeded. Failures are left alone, so the visibility timeout lapses, the queue redelivers
 * and, after maxReceiveCount receives, moves the message to the DLQ (fauxqs does this on receive, as SQS).
 */
import {
  DeleteMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import { type Invoker, localRegion } from './lambda.ts';
import type { Log } from './log.ts';
import type { ConsumerQueues } from './resources.ts';

export interface PollerOptions {
  sqs: SQSClient;
  queues: readonly ConsumerQueues[];
  invoker: Invoker;
  log: Log;
  /** Long-poll length; short, so stop() and new messages are both noticed quickly. */
  waitTimeSeconds?: number;
  /** Concurrent batches per queue (Lambda starts five pollers; one keeps local runs easy to follow). */
  concurrency?: number;
}

export interface Pollers {
  stop(): Promise<void>;
}

export function startPollers(options: PollerOptions): Pollers {
  const abort = new AbortController();
  const loops = options.queues.flatMap((queue) =>
    Array.from({ length: options.concurrency ?? 1 }, () => pollLoop(queue, options, abort.signal)),
  );
  return {
    async stop() {
      abort.abort();
      await Promise.all(loops);
    },
  };
}

async function pollLoop(queue: ConsumerQueues, options: PollerOptions, signal: AbortSignal): Promise<void> {
  const { sqs, log } = options;
  while (!signal.aborted) {
    let messages: Message[];
    try {
      const received = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.queueUrl,
          MaxNumberOfMessages: Math.min(queue.trigger.batchSize, 10),
          WaitTimeSeconds: options.waitTimeSeconds ?? 1,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
        { abortSignal: signal },
      );
      messages = received.Messages ?? [];
    } catch (error) {
      if (signal.aborted) return;
      log('WARN', `receive from ${queue.queueName} failed; retrying`, error);
      await sleep(1000, signal);
      continue;
    }
    // A batch already taken off the queue is finished even during stop(), as Lambda would.
    if (messages.length) await processBatch(queue, messages, options);
  }
}

async function processBatch(queue: ConsumerQueues, messages: Message[], options: PollerOptions): Promise<void> {
  const event: SQSEvent = { Records: messages.map((m) => toRecord(m, queue.queueArn)) };
  let failed: Set<string>;
  try {
    failed = failedIds(await options.invoker.invoke(queue.name, event), event.Records);
  } catch (error) {
    options.log('ERROR', `${queue.name} failed a batch of ${messages.length}; it will be redelivered`, error);
    failed = new Set(event.Records.map((r) => r.messageId));
  }
  if (failed.size) options.log('INFO', `${queue.name}: ${failed.size}/${messages.length} records left for redelivery`);
  const done = event.Records.filter((r) => !failed.has(r.messageId));
  if (!done.length) return;
  try {
    const result = await options.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queue.queueUrl,
        Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
      }),
    );
    if (result.Failed?.length) options.log('WARN', `${queue.name}: deleting processed records failed`, result.Failed);
  } catch (error) {
    options.log('WARN', `${queue.name}: deleting processed records failed`, error);
  }
}

/**
 * Lambda's reading of a batch response: nothing returned or an empty list is full success;
 * a failure naming no record of the batch makes the whole batch fail.
 */
export function failedIds(result: unknown, records: readonly SQSRecord[]): Set<string> {
  const all = new Set(records.map((r) => r.messageId));
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return all;
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !all.has(id)) return all;
    failed.add(id);
  }
  return failed;
}

function toRecord(message: Message, queueArn: string): SQSRecord {
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: (message.Attributes ?? {}) as unknown as SQSRecordAttributes,
    messageAttributes: toLambdaAttributes(message.MessageAttributes),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: localRegion,
  };
}

/** The SQS API says `StringValue`; Lambda's records say `stringValue`, with binary as base64. */
function toLambdaAttributes(attributes: Record<string, MessageAttributeValue> | undefined): SQSMessageAttributes {
  const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  return Object.fromEntries(
    Object.entries(attributes ?? {}).map(([name, a]) => [
      name,
      {
        ...(a.StringValue !== undefined ? { stringValue: a.StringValue } : {}),
        ...(a.BinaryValue !== undefined ? { binaryValue: base64(a.BinaryValue) } : {}),
        stringListValues: a.StringListValues ?? [],
        binaryListValues: (a.BinaryListValues ?? []).map(base64),
        dataType: a.DataType ?? 'String',
      },
    ]),
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
