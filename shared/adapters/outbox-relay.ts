import { logger } from '../observability.ts';
import type { DossierRepository, StoredDossier } from './dynamo/dossier-repository.ts';
import type { PublishEvents } from './sqs/event-publisher.ts';

/**
 * Sends a dossier's pending events, then clears the outbox if the dossier has not changed since.
 * A failure is not the caller's failure: the events stay in the outbox for the sweeper.
 */
export function outboxRelay(dossiers: DossierRepository, publish: PublishEvents) {
  return async function relay(stored: StoredDossier): Promise<'sent' | 'kept' | 'empty'> {
    if (stored.outbox.length === 0) return 'empty';
    try {
      await publish(stored.outbox);
      await dossiers.clearOutbox(stored.dossier.code, stored.dossier.version);
      return 'sent';
    } catch (error) {
      logger.warn('Outbox kept for the sweeper', { dossierCode: stored.dossier.code, error: error as Error });
      return 'kept';
    }
  };
}

export type OutboxRelay = ReturnType<typeof outboxRelay>;
