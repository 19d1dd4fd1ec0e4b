import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import type { Action } from '../../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import { act } from '../../../../shared/domain/dossier/lifecycle.ts';
import type { StatusUpdate } from '../../../../shared/domain/dvcqg/status-sync.ts';
import type { DomainEvent } from '../../../../shared/domain/events.ts';
import { syncDvcqgStatus } from '../../../../shared/use-cases/dvcqg/sync-status.ts';
import { SyncLeaseHeld } from '../../../../shared/use-cases/ports/dvcqg-sync-repository.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakeDvcqgSyncRepository } from '../../../support/fakes/dvcqg-sync-repository.ts';
import { context, people, submittedPermit } from '../../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const steps: [Caller, Action][] = [
  [people.receiver, { type: 'receive' }],
  [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
  [people.specialist, { type: 'forward', assigneeId: 'leader-son' }],
  [people.leader, { type: 'decide', outcome: 'approved' }],
];
const decided = (): Dossier =>
  steps.reduce((d, [caller, action]) => act(action, context(d, caller)).dossier, submittedPermit());
const event: DomainEvent = {
  id: `${code}:6:DossierChanged`,
  type: 'DossierChanged',
  dossierCode: code,
  occurredAt: '2026-03-12T10:00:00+07:00',
  data: {
    applicantId: 'citizen-an',
    agencyId: '24.SXD',
    action: 'decide',
    from: 'processing',
    to: 'decided',
    dueAt: '',
  },
};

function world(dossier = decided()) {
  let clock = new Date('2026-03-12T10:00:00+07:00');
  const dossiers = fakeDossierRepository([dossier]);
  const sync = fakeDvcqgSyncRepository(60);
  const pushed: StatusUpdate[] = [];
  const failures: number[] = [];
  const push = vi.fn(async (update: StatusUpdate) => {
    if (failures.includes(update.sequence)) {
      failures.splice(failures.indexOf(update.sequence), 1);
      throw new Error('portal unavailable');
    }
    pushed.push(update);
  });
  const held = vi.fn(async (_code: string) => {});
  let owners = 0;
  const run = syncDvcqgStatus({ dossiers, sync, push, held, now: () => clock, newOwner: () => `worker-${++owners}` });
  return {
    dossiers,
    sync,
    pushed,
    push,
    held,
    run,
    failOnce: (sequence: number) => failures.push(sequence),
    advance: (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000)),
  };
}

describe('pushing status changes to the national portal', () => {
  // docs/domain.md, the status table: submitted 1, received 2, processing 4, decided 9. Forwards keep the status.
  it('pushes each change once, in order, with its DVCQG code and a deterministic id, and tells the fact once', async () => {
    const w = world();
    await w.run(event);
    expect(w.pushed.map((u) => [u.id, u.status, u.statusText])).toEqual([
      [`${code}:1`, 1, 'Mới đăng ký'],
      [`${code}:2`, 2, 'Được tiếp nhận'],
      [`${code}:3`, 4, 'Đang xử lý'],
      [`${code}:4`, 9, 'Đã xử lý xong'],
    ]);
    expect(w.sync.items.get(code)).toEqual({ acknowledged: 4, told: true });
    expect(w.held).toHaveBeenCalledTimes(1);
    await w.run(event);
    expect(w.pushed).toHaveLength(4);
    expect(w.held).toHaveBeenCalledTimes(1);
  });

  it('resumes at the first change the portal did not acknowledge', async () => {
    const w = world();
    w.failOnce(3);
    await expect(w.run(event)).rejects.toThrow('portal unavailable');
    expect(w.sync.items.get(code)).toEqual({ acknowledged: 2, told: false });
    await w.run(event);
    expect(w.pushed.map((u) => u.sequence)).toEqual([1, 2, 3, 4]);
  });

  it('leaves the dossier to the worker holding its lease until the lease ends', async () => {
    const w = world();
    await w.sync.acquire(code, 'someone-else', new Date('2026-03-12T10:00:00+07:00'));
    await expect(w.run(event)).rejects.toBeInstanceOf(SyncLeaseHeld);
    expect(w.push).not.toHaveBeenCalled();
    // The lease still holds at its last instant, and is free just after it.
    w.advance(60);
    await expect(w.run(event)).rejects.toBeInstanceOf(SyncLeaseHeld);
    w.advance(1);
    await w.run(event);
    expect(w.pushed).toHaveLength(4);
  });

  it('pushes only the new change after a later step', async () => {
    const w = world();
    await w.run(event);
    const { dossier } = (await w.dossiers.get(code)) ?? {};
    if (!dossier) throw new Error('the dossier is gone');
    const { workQueue: _closed, ...rest } = dossier;
    const returned: Dossier = {
      ...rest,
      status: 'returned',
      version: dossier.version + 1,
      timeline: [
        ...dossier.timeline,
        {
          at: '2026-03-13T10:00:00+07:00',
          actor: { sub: 'receiver-mai', role: 'receiver' },
          action: 'return-result',
          from: 'decided',
          to: 'returned',
          agencyId: '24.SXD',
          note: 'Đã trả kết quả.',
        },
      ],
    };
    await w.dossiers.save(dossier, { dossier: returned, events: [] });
    await w.run(event);
    expect(w.pushed.slice(4).map((u) => [u.sequence, u.status])).toEqual([[5, 10]]);
  });

  it('tells the fact again on the next delivery when telling it failed, and pushes nothing twice', async () => {
    const w = world();
    w.held.mockRejectedValueOnce(new Error('fact table unavailable'));
    await expect(w.run(event)).rejects.toThrow('fact table unavailable');
    expect(w.sync.items.get(code)).toEqual({ acknowledged: 4, told: false });
    await w.run(event);
    expect(w.held).toHaveBeenCalledTimes(2);
    expect(w.pushed).toHaveLength(4);
    expect(w.sync.items.get(code)).toEqual({ acknowledged: 4, told: true });
  });
});
