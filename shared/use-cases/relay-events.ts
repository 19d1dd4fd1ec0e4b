import type { DomainEvent } from '../domain/events.ts';
import type { PublishEvents } from './ports/publish-events.ts';

/** A write of a dossier as the table's stream carries it: the events it recorded, and the version they belong to. */
export interface WrittenDossier {
  version?: number;
  outbox?: readonly DomainEvent[];
  outboxVersion?: number;
}

/** The events a write recorded: none when its outbox belongs to an earlier version (every write replaces it). */
export const eventsOfWrite = (written: WrittenDossier): readonly DomainEvent[] =>
  written.outboxVersion === written.version ? (written.outbox ?? []) : [];

/**
 * Sends the events a dossier write recorded, once the write is in the table: the stream delivers every
 * write, in order per dossier, until its events are sent (the function fails the record otherwise, and the
 * stream retries it), so a process dying after its write loses nothing, and a request waits for no send.
 * A write whose events belong to an earlier version sends nothing: every write replaces the outbox.
 */
export function relayEvents(publish: PublishEvents) {
  return async (written: WrittenDossier): Promise<number> => {
    const events = eventsOfWrite(written);
    if (events.length === 0) return 0;
    await publish(events);
    return events.length;
  };
}
