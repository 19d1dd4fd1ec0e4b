import type { DvcqgSyncRepository } from '../../adapters/dynamo/dvcqg-sync.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';
import { type StatusUpdate, statusChanges, statusUpdate } from '../../domain/dvcqg/status-sync.ts';
import type { DomainEvent } from '../../domain/events.ts';

export interface SyncDvcqgDeps {
  dossiers: { get(code: string): Promise<{ dossier: Dossier } | undefined> };
  sync: Pick<DvcqgSyncRepository, 'acquire' | 'advance' | 'release'>;
  /** Resolves once the portal acknowledged the update (2xx); throws otherwise. */
  push: (update: StatusUpdate) => Promise<unknown>;
  now: () => Date;
  newOwner: () => string;
  /**
   * Told, once every change is pushed, that the portal holds the dossier (it acknowledged at least one
   * change): the indicator fact records it (QĐ 766/QĐ-TTg, chỉ số 1.4 "tỷ lệ hồ sơ đồng bộ lên Cổng
   * DVCQG"). Idempotent on its side; told again on a redelivery, so a failure here is retried too.
   */
  held?: (code: string) => Promise<void>;
}

/**
 * Pushes a dossier's status changes to the national portal, each once and in order. The event only
 * says "this dossier changed": the changes come from the dossier's timeline, the dossier's sync item
 * counts those acknowledged, and its lease lets one worker at a time push the next ones. A failed
 * push, or a lease held elsewhere, fails the record: SQS redelivers it (with a growing delay), and
 * the redelivery resumes at the first unacknowledged change.
 */
export function syncDvcqgStatus(deps: SyncDvcqgDeps) {
  return async (event: DomainEvent): Promise<void> => {
    const code = event.dossierCode;
    const owner = deps.newOwner();
    let acknowledged = await deps.sync.acquire(code, owner, deps.now());
    try {
      // Re-read after pushing: a change made meanwhile, whose own record may have found the lease
      // taken, goes out now rather than after that record's retry.
      for (;;) {
        const stored = await deps.dossiers.get(code);
        if (!stored) throw new Error(`Dossier ${code} not found`);
        const pending = statusChanges(stored.dossier).slice(acknowledged);
        if (pending.length === 0) {
          if (acknowledged > 0) await deps.held?.(code);
          return;
        }
        for (const change of pending) {
          await deps.push(statusUpdate(stored.dossier, change));
          await deps.sync.advance(code, owner, acknowledged, deps.now());
          acknowledged += 1;
        }
      }
    } finally {
      await deps.sync.release(code, owner);
    }
  };
}
