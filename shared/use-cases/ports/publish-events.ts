import type { DomainEvent } from '../../domain/events.ts';

/**
 * Sends events to the consumers that act on them. Resolves only once every event was accepted; throws
 * otherwise, so the caller keeps them and sends them all again (consumers drop what they have seen by
 * event id).
 */
export type PublishEvents = (events: readonly DomainEvent[]) => Promise<void>;
