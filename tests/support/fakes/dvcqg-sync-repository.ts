import { type DvcqgSyncRepository, SyncLeaseHeld } from '../../../shared/use-cases/ports/dvcqg-sync-repository.ts';

interface SyncItem {
  acknowledged: number;
  told: boolean;
  owner?: string;
  until?: number;
}

/**
 * Each dossier's portal sync in memory, as dynamo/dvcqg-sync.ts keeps it: `acquire` takes the lease
 * unless another worker holds one not yet ended (SyncLeaseHeld); `advance` records change `from + 1`
 * only for the lease's owner at exactly `from` acknowledged (SyncLeaseHeld otherwise), renewing or
 * giving back the lease; `release` is a no-op once the lease passed to another worker.
 */
export function fakeDvcqgSyncRepository(leaseSeconds = 60): DvcqgSyncRepository & { items: Map<string, SyncItem> } {
  const items = new Map<string, SyncItem>();
  const leaseEnd = (now: Date) => now.getTime() + leaseSeconds * 1000;
  return {
    items,
    async acknowledged(code) {
      return items.get(code)?.acknowledged ?? 0;
    },
    async acquire(code, owner, now) {
      const item = items.get(code) ?? { acknowledged: 0, told: false };
      if (item.until !== undefined && item.until >= now.getTime()) throw new SyncLeaseHeld(code);
      items.set(code, { ...item, owner, until: leaseEnd(now) });
      return { acknowledged: item.acknowledged, told: item.told };
    },
    async advance(code, owner, from, now, options = {}) {
      const item = items.get(code);
      if (item?.owner !== owner || item.acknowledged !== from) throw new SyncLeaseHeld(code);
      const { owner: _owner, until: _until, ...rest } = item;
      items.set(
        code,
        options.release
          ? { ...rest, acknowledged: from + 1 }
          : { ...item, acknowledged: from + 1, until: leaseEnd(now) },
      );
    },
    async release(code, owner, options = {}) {
      const item = items.get(code);
      if (item?.owner !== owner) return;
      const { owner: _owner, until: _until, ...rest } = item;
      items.set(code, { ...rest, ...(options.told ? { told: true } : {}) });
    },
  };
}
