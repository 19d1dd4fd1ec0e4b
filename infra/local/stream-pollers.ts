/**
 * Lambda's DynamoDB Streams event source mapping, emulated on the local change feed (change-feed.ts): the
 * records in order, in batches, to the stream's consumer; records a batch reports failed (and those after
 * them: a stream is read in order) are retried after a pause, up to the trigger's `maxRetries`, then
 * dropped with an error in the log, where the cloud's mapping sends them to the on-failure queue.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import type { FunctionName, StreamTrigger } from '../manifest.ts';
import type { StreamReader } from './change-feed.ts';
import type { Invoker } from './lambda.ts';
import type { Log } from './log.ts';

export interface StreamPollerOptions {
  /** The consumer's own records of the change feed. */
  feed: StreamReader;
  consumer: { name: FunctionName; trigger: StreamTrigger };
  invoker: Invoker;
  log: Log;
  /** Pause before a failed batch is tried again (the cloud's mapping retries at once, then backs off). */
  retryDelayMs?: number;
}

export interface StreamPoller {
  /** Records taken but not yet done, and until when a retry waits (ms since the epoch). */
  readonly inFlight: number;
  readonly waitingUntil: number;
  readonly delivered: number;
  stop(): Promise<void>;
}

export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const { feed, consumer, invoker, log } = options;
  const retryDelay = options.retryDelayMs ?? 500;
  let stopped = false;
  let inFlight = 0;
  let waitingUntil = 0;
  let delivered = 0;
  let wake: (() => void) | undefined;
  const attempts = new Map<string, number>();

  const loop = (async () => {
    while (!stopped) {
      const batch = feed.records.slice(0, consumer.trigger.batchSize);
      if (batch.length === 0 || Date.now() < waitingUntil) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, batch.length === 0 ? 50 : Math.max(0, waitingUntil - Date.now()));
        });
        continue;
      }
      inFlight = batch.length;
      const failed = await deliver(batch);
      inFlight = 0;
      const firstFailed = failed.size === 0 ? -1 : batch.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
      const done = firstFailed === -1 ? batch.length : firstFailed;
      feed.records.splice(0, done);
      delivered += done;
      if (firstFailed === -1) continue;
      const record = batch[firstFailed] as DynamoDBRecord;
      const id = record.dynamodb?.SequenceNumber ?? '';
      const tries = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, tries);
      if (tries > consumer.trigger.maxRetries) {
        log(
          'ERROR',
          `${consumer.name}: stream record ${id} failed ${tries} times; dropped (the cloud's on-failure queue)`,
        );
        feed.records.splice(0, 1);
        attempts.delete(id);
        continue;
      }
      waitingUntil = Date.now() + retryDelay;
    }
  })();

  async function deliver(batch: DynamoDBRecord[]): Promise<Set<string>> {
    const all = new Set(batch.map((r) => r.dynamodb?.SequenceNumber ?? ''));
    try {
      const result = (await invoker.invoke(consumer.name, { Records: batch })) as
        { batchItemFailures?: { itemIdentifier?: unknown }[] } | undefined;
      const failures = result?.batchItemFailures;
      if (!failures) return new Set();
      const ids = failures.map((f) => f.itemIdentifier);
      return ids.every((id) => typeof id === 'string' && all.has(id)) ? new Set(ids as string[]) : all;
    } catch (error) {
      log('ERROR', `${consumer.name} failed a batch of ${batch.length} stream records; retrying`, error);
      return all;
    }
  }

  return {
    get inFlight() {
      return inFlight;
    },
    get waitingUntil() {
      return waitingUntil;
    },
    get delivered() {
      return delivered;
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
