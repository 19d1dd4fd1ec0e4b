import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { actsOn } from '../../domain/event-interest.ts';
import type { Interest } from '../../domain/interests.ts';
import { firstUse } from '../../first-use.ts';
import type { DomainEvent, EventType } from '../../domain/events.ts';
import type { PublishEvents } from '../../use-cases/ports/publish-events.ts';

// Built on the first send, not at import: a client costs milliseconds of module init, and an invocation
// whose writes carried no event sends nothing (counted as init by the cold-start bench all the same).
const sqs = firstUse(() => new SQSClient({}));

/** A consumer's queue, and what of the event type it acts on (infra/event-routes.ts builds them from the manifest). */
export interface QueueRoute {
  url: string;
  actsOn?: Interest;
  /** The steps its interest is limited to (the SMS milestones). */
  steps?: string[];
}

/** Each event type a function relays → the queues of its consumers. */
export type EventQueues = Partial<Record<EventType, QueueRoute[]>>;

/** SQS takes at most ten messages in one SendMessageBatch. */
const batchLimit = 10;

/**
 * Sends each event to the queues of the consumers that act on it (none is sent to a consumer that
 * would drop it), every queue's batches at once: the caller waits for one round trip, not one per
 * queue. Throws unless every message was accepted, so the caller keeps the outbox and the sweeper
 * sends them all again (consumers drop what they have already seen by event id).
 */
export function eventPublisher(queues: EventQueues): PublishEvents {
  return async function publish(events) {
    const byQueue = new Map<string, DomainEvent[]>();
    for (const event of events) {
      const routes = queues[event.type];
      if (!routes) throw new Error(`No queue route configured for ${event.type}`);
      for (const route of routes) {
        if (route.actsOn && !actsOn(route.actsOn, event, route.steps ? { steps: route.steps } : {})) continue;
        byQueue.set(route.url, [...(byQueue.get(route.url) ?? []), event]);
      }
    }
    const batches = [...byQueue].flatMap(([url, queued]) =>
      Array.from({ length: Math.ceil(queued.length / batchLimit) }, (_, i) => ({
        url,
        batch: queued.slice(i * batchLimit, (i + 1) * batchLimit),
      })),
    );
    if (batches.length === 0) return;
    const client = sqs();
    // Order within a queue is not relied on: every consumer reads the dossier as it is now and drops
    // what it has seen, so one queue's batches may race.
    const failed = await Promise.all(
      batches.map(async ({ url, batch }) => {
        const { Failed } = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: url,
            Entries: batch.map((event, i) => ({
              Id: String(i),
              MessageBody: JSON.stringify(event),
              MessageAttributes: { eventType: { DataType: 'String', StringValue: event.type } },
            })),
          }),
        );
        return Failed && Failed.length > 0 ? `${Failed.length} event(s) refused by ${url}` : undefined;
      }),
    );
    const refused = failed.filter((f) => f !== undefined);
    if (refused.length > 0) throw new Error(refused.join('; '));
  };
}
