import type { DvcqgSyncRepository } from '../ports/dvcqg-sync-repository.ts';
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
   * Told, once a change is acknowledged, that the portal holds the dossier: the indicator fact records
   * it (QĐ 766/QĐ-TTg, chỉ số 1.4 "tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG"). Told once per dossier: the sync
   * item records it, in the write that gives the lease back, so a failure here is retried with the record.
   */
  held?: (code: string) => Promise<void>;
}

/**
 * Pushes a dossier's status changes to the national portal, each once and in order. The event only
 * says "this dossier changed": the changes come from the dossier's timeline, the dossier's sync item
 * counts those acknowledged, and its lease lets one worker at a time push the next ones. A failed
 * push, or a lease held elsewhere, fails the record: SQS redelivers it (with a growing delay), and
 * the redelivery resumes at the first unacknowledged change. The last acknowledgement gives the lease
 * back in the same write; a change made meanwhile goes out with its own record (whose first delivery
 * may have found the lease taken, and is retried).
 */
export function syncDvcqgStatus(deps: SyncDvcqgDeps) {
  return async (event: DomainEvent): Promise<void> => {
    const code = event.dossierCode;
    const owner = deps.newOwner();
    const state = await deps.sync.acquire(code, owner, deps.now());
    let { acknowledged } = state;
    // Told already (or nobody to tell): the last push needs no write of its own after it.
    const tellAfter = deps.held !== undefined && !state.told;
    let released = false;
    try {
      const stored = await deps.dossiers.get(code);
      if (!stored) throw new Error(`Dossier ${code} not found`);
      const pending = statusChanges(stored.dossier).slice(acknowledged);
      for (const [i, change] of pending.entries()) {
        await deps.push(statusUpdate(stored.dossier, change));
        const release = !tellAfter && i === pending.length - 1;
        await deps.sync.advance(code, owner, acknowledged, deps.now(), { release });
        acknowledged += 1;
        released = release;
      }
      if (tellAfter && acknowledged > 0) {
        await deps.held?.(code);
        await deps.sync.release(code, owner, { told: true });
        released = true;
      }
    } finally {
      if (!released) await deps.sync.release(code, owner);
    }
  };
}
