import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DomainEvent, EventType } from '../../domain/events.ts';

// Built on the first send, not at import: a client costs milliseconds of module init, and many
// invocations send nothing (a sweep that finds no stale outbox, a request refused before it writes).
let sqs: SQSClient | undefined;

export type EventQueues = Partial<Record<EventType, string[]>>;

/**
 * Sends events to the queues of the functions that consume them. Throws unless every message was
 * accepted, so the caller keeps the outbox and the sweeper tries again.
 */
export function eventPublisher(queues: EventQueues) {
  return async function publish(events: readonly DomainEvent[]): Promise<void> {
    const byQueue = new Map<string, DomainEvent[]>();
    for (const event of events) {
      const urls = queues[event.type];
      if (!urls) throw new Error(`No queue route configured for ${event.type}`);
      for (const url of urls) byQueue.set(url, [...(byQueue.get(url) ?? []), event]);
    }
    for (const [url, queued] of byQueue) {
      for (let start = 0; start < queued.length; start += 10) {
        const batch = queued.slice(start, start + 10);
        sqs ??= new SQSClient({});
        const { Failed } = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: url,
            Entries: batch.map((event, i) => ({
              Id: String(i),
              MessageBody: JSON.stringify(event),
              MessageAttributes: { eventType: { DataType: 'String', StringValue: event.type } },
            })),
          }),
        );
        if (Failed && Failed.length > 0) throw new Error(`${Failed.length} event(s) refused by ${url}`);
      }
    }
  };
}

export type PublishEvents = ReturnType<typeof eventPublisher>;
