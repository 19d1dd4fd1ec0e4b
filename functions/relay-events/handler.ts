import { eventPublisher } from '#adapters/sqs/event-publisher.ts';
import { config } from '#shared/config.ts';
import { streamHandler } from '#shared/queue/stream-handler.ts';
import { relayEvents, type WrittenDossier } from '#shared/use-cases/relay-events.ts';

const relay = relayEvents(eventPublisher(config.EVENT_QUEUES));

export const handler = streamHandler((image) => relay(image as WrittenDossier));
