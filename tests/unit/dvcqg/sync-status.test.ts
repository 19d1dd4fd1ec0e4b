import { describe, expect, it } from 'vitest';
import { SyncLeaseHeld, type DvcqgSyncRepository } from '#adapters/dynamo/dvcqg-sync.ts';
import type { Dossier, TimelineEntry } from '#domain/dossier/dossier.ts';
import type { DomainEvent } from '#domain/events.ts';
import type { StatusUpdate } from '#domain/dvcqg/status-sync.ts';
import { syncDvcqgStatus } from '#shared/use-cases/dvcqg/sync-status.ts';

/** The sync item's contract in memory: the DynamoDB one runs in tests/integration/dvcqg-sync.test.ts. */
function memorySync(): DvcqgSyncRepository & { state: { acknowledged: number; owner?: string } } {
  const state: { acknowledged: number; owner?: string } = { acknowledged: 0 };
  return {
    state,
    acknowledged: async () => state.acknowledged,
    acquire: async (code, owner) => {
      if (state.owner) throw new SyncLeaseHeld(code);
      state.owner = owner;
      return state.acknowledged;
    },
    advance: async (code, owner, from) => {
      if (state.owner !== owner || state.acknowledged !== from) throw new SyncLeaseHeld(code);
      state.acknowledged = from + 1;
    },
    release: async (_code, owner) => {
      if (state.owner === owner) delete state.owner;
    },
  };
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
    expect(sync.state).toEqual({ acknowledged: 3 });
  });

  it('tells the indicators the portal holds the dossier once its changes are acknowledged, and again on a redelivery', async () => {
    let down = true;
    const { run, held } = harness(dossierWith('submitted', 'received'), async () => {
      if (down) throw new Error('portal down');
    });
    await expect(run(event)).rejects.toThrow('portal down');
    expect(held).toEqual([]); // nothing acknowledged: the portal does not hold it
    down = false;
    await run(event);
    await run(event);
    expect(held).toEqual(['C-1', 'C-1']);
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
