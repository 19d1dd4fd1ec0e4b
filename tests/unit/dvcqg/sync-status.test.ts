import { describe, expect, it } from 'vitest';
import { SyncLeaseHeld, type DvcqgSyncRepository } from '#shared/use-cases/ports/dvcqg-sync-repository.ts';
import type { Dossier, TimelineEntry } from '#domain/dossier/dossier.ts';
import type { DomainEvent } from '#domain/events.ts';
import type { StatusUpdate } from '#domain/dvcqg/status-sync.ts';
import { syncDvcqgStatus } from '#shared/use-cases/dvcqg/sync-status.ts';

/** The sync item's contract in memory: the DynamoDB one runs in tests/integration/dvcqg-sync.test.ts. */
interface SyncItem {
  acknowledged: number;
  told?: true;
  owner?: string;
}
function memorySync(): DvcqgSyncRepository & { state: SyncItem; writes: number } {
  const state: SyncItem = { acknowledged: 0 };
  const sync = {
    state,
    writes: 0,
    acknowledged: async () => state.acknowledged,
    acquire: async (code: string, owner: string) => {
      if (state.owner) throw new SyncLeaseHeld(code);
      sync.writes++;
      state.owner = owner;
      return { acknowledged: state.acknowledged, told: state.told === true };
    },
    advance: async (code: string, owner: string, from: number, _now: Date, options: { release?: boolean } = {}) => {
      if (state.owner !== owner || state.acknowledged !== from) throw new SyncLeaseHeld(code);
      sync.writes++;
      state.acknowledged = from + 1;
      if (options.release) delete state.owner;
    },
    release: async (_code: string, owner: string, options: { told?: boolean } = {}) => {
      if (state.owner !== owner) return;
      sync.writes++;
      delete state.owner;
      if (options.told) state.told = true;
    },
  };
  return sync;
}

const entry = (to: TimelineEntry['to']): TimelineEntry => ({
  at: '2026-12-01T09:00:00+07:00',
  actor: { sub: 'x', role: 'receiver' },
  action: 'step',
  to,
  note: '',
});
const dossierWith = (...statuses: TimelineEntry['to'][]) =>
  ({ code: 'C-1', procedure: { code: '1.001193', version: 1, name: 'n' }, timeline: statuses.map(entry) }) as Dossier;
const event = { id: 'C-1:1:DossierChanged', type: 'DossierChanged', dossierCode: 'C-1' } as DomainEvent;

function harness(dossier: Dossier, push: (u: StatusUpdate) => Promise<void>) {
  const sync = memorySync();
  let n = 0;
  const held: string[] = [];
  const run = syncDvcqgStatus({
    dossiers: { get: async () => ({ dossier }) },
    sync,
    push,
    now: () => new Date(),
    newOwner: () => `w${++n}`,
    held: async (code) => void held.push(code),
  });
  return { sync, run, held };
}

describe('pushing a dossier status changes to the portal', () => {
  it('pushes the unacknowledged changes in order, and stops at a failure to resume there, releasing the lease', async () => {
    const pushed: number[] = [];
    let failOn: number | undefined = 2;
    const { sync, run } = harness(dossierWith('submitted', 'received', 'processing'), async (u) => {
      if (u.sequence === failOn) throw new Error('portal down');
      pushed.push(u.sequence);
    });
    await expect(run(event)).rejects.toThrow('portal down');
    expect(sync.state).toEqual({ acknowledged: 1 });
    failOn = undefined;
    await run(event);
    await run(event);
    expect(pushed).toEqual([1, 2, 3]);
    expect(sync.state).toEqual({ acknowledged: 3, told: true });
  });

  it('tells the indicators the portal holds the dossier once, and again on a redelivery when telling failed', async () => {
    let failTelling = true;
    const told: string[] = [];
    const dossier = dossierWith('submitted', 'received');
    const sync = memorySync();
    let n = 0;
    const run = syncDvcqgStatus({
      dossiers: { get: async () => ({ dossier }) },
      sync,
      push: async () => undefined,
      now: () => new Date(),
      newOwner: () => `w${++n}`,
      held: async (code) => {
        if (failTelling) throw new Error('table busy');
        told.push(code);
      },
    });
    await expect(run(event)).rejects.toThrow('table busy');
    // Pushed and acknowledged, the lease given back, the fact not yet told.
    expect(sync.state).toEqual({ acknowledged: 2 });
    failTelling = false;
    await run(event);
    await run(event);
    expect(told).toEqual(['C-1']);
    expect(sync.state).toEqual({ acknowledged: 2, told: true });
  });

  it('tells nobody before the portal acknowledged a change', async () => {
    const { run, held } = harness(dossierWith('submitted'), async () => {
      throw new Error('portal down');
    });
    await expect(run(event)).rejects.toThrow('portal down');
    expect(held).toEqual([]);
  });

  it('costs two writes of the sync item per push once told: the lease, then the acknowledgement giving it back', async () => {
    const timeline = [entry('submitted')];
    const dossier = { ...dossierWith(), timeline } as Dossier;
    const { sync, run } = harness(dossier, async () => undefined);
    await run(event);
    // The first push: the lease, the acknowledgement, the lease given back with the fact told.
    expect(sync.writes).toBe(3);
    timeline.push(entry('received'));
    await run(event);
    expect(sync.writes).toBe(5);
    timeline.push(entry('processing'), entry('decided'));
    await run(event);
    // Two changes at once: the lease, the first acknowledgement, the second giving the lease back.
    expect(sync.writes).toBe(8);
    expect(sync.state).toEqual({ acknowledged: 4, told: true });
  });

  it('fails the record without pushing while another worker holds the lease', async () => {
    const pushed: number[] = [];
    const { sync, run } = harness(dossierWith('submitted'), async (u) => void pushed.push(u.sequence));
    sync.state.owner = 'someone-else';
    await expect(run(event)).rejects.toBeInstanceOf(SyncLeaseHeld);
    expect(pushed).toEqual([]);
    expect(sync.state.owner).toBe('someone-else');
  });
});
