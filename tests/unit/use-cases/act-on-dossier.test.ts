import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Action } from '../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { act } from '../../../shared/domain/dossier/lifecycle.ts';
import { verifyTimeline } from '../../../shared/domain/dossier/timeline-chain.ts';
import { type ActionBody, actOnDossier } from '../../../shared/use-cases/act-on-dossier.ts';
import { fakeAgencyRepository } from '../../support/fakes/agency-repository.ts';
import { fakeBusinessMetrics } from '../../support/fakes/business-metrics.ts';
import { fakeCatalogueRepository } from '../../support/fakes/catalogue-repository.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { commune, context, monday, people, permit, roster, submittedPermit, sxd } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';

function setup(dossier: Dossier = submittedPermit(), now = monday) {
  const dossiers = fakeDossierRepository([dossier]);
  const agencies = fakeAgencyRepository({ agencies: [sxd, commune], officials: roster });
  const metrics = fakeBusinessMetrics();
  const run = actOnDossier({
    provinceCode: '24',
    supplementMode: 'restart',
    dossiers,
    catalogue: fakeCatalogueRepository([permit]),
    agencies,
    calendarFor: (id) => agencies.calendarFor(id),
    now: () => now,
    metrics,
  });
  return { dossiers, metrics, run };
}

/** The dossier after steps taken through the domain, as a test's starting point. */
const after = (dossier: Dossier, steps: [Caller, Action][]) =>
  steps.reduce((d, [caller, action]) => act(action, context(d, caller)).dossier, dossier);

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as { code?: string; kind?: string; details?: Record<string, unknown> },
  );

const receive: ActionBody = { type: 'receive', expectedVersion: 1 };

describe('acting on a dossier', () => {
  it('saves the step on the version read: status, the legal deadline, its timeline entry and event', async () => {
    const { dossiers, metrics, run } = setup();
    const view = await run(people.receiver, code, receive);

    const stored = await dossiers.get(code);
    expect(stored?.dossier).toMatchObject({ status: 'received', version: 2, receivedAt: '2026-03-02T09:00:00+07:00' });
    // Bộ luật Dân sự 2015, art. 147–148 (docs/domain.md, Deadlines): received Monday 2/3/2026 at 09:00, before
    // the 15:00 cut-off, so Monday is the receipt day; 10 working days from Tuesday 3/3: 3–6/3 (4), 9–13/3 (9),
    // Monday 16/3 (10), due at its close (17:30). No public holiday in March 2026.
    expect(stored?.dossier.dueAt).toBe('2026-03-16T17:30:00+07:00');
    expect(stored?.dossier.timeline.at(-1)).toMatchObject({
      action: 'receive',
      from: 'submitted',
      to: 'received',
      actor: { sub: 'receiver-mai', role: 'receiver' },
      form: '01',
    });
    expect(stored?.outbox.map((e) => [e.type, e.data])).toEqual([
      ['DossierChanged', expect.objectContaining({ action: 'receive', from: 'submitted', to: 'received' })],
    ]);
    expect(verifyTimeline(code, stored?.dossier.timeline ?? [])).toMatchObject({ ok: true });
    expect(metrics.counted).toEqual({ DossiersReceived: 1 });
    expect(view).toMatchObject({ status: 'received', version: 2, statusText: 'Được tiếp nhận', dvcqgStatus: 2 });
  });

  it.each([
    ['an official of another agency', people.otherAgencyLeader],
    ['another citizen', people.otherCitizen],
  ])('answers %s as if the dossier did not exist, and writes nothing', async (_who, caller) => {
    const { dossiers, run } = setup();
    expect(await errorOf(run(caller, code, receive))).toMatchObject({ kind: 'not-found', code: 'not-found' });
    expect((await dossiers.get(code))?.dossier.version).toBe(1);
  });

  it('refuses a step taken on a version that is no longer current, with the current version', async () => {
    const { dossiers, run } = setup();
    await run(people.receiver, code, receive);
    const stale: ActionBody = { type: 'forward', assigneeId: 'specialist-nam', expectedVersion: 1 };
    expect(await errorOf(run(people.receiver, code, stale))).toMatchObject({
      kind: 'conflict',
      code: 'version-conflict',
      details: { currentVersion: 2 },
    });
    expect((await dossiers.get(code))?.dossier.status).toBe('received');
  });

  it('loses to a writer that saved between its read and its write', async () => {
    const { dossiers, run } = setup();
    const save = dossiers.save.bind(dossiers);
    vi.spyOn(dossiers, 'save').mockImplementationOnce(async (before, decision, request) => {
      // Another official's step lands first, on the same version.
      await save(before, { ...decision, dossier: { ...decision.dossier, version: before.version + 1 } });
      return save(before, decision, request);
    });
    expect(await errorOf(run(people.receiver, code, receive))).toMatchObject({
      code: 'version-conflict',
      details: { currentVersion: 2 },
    });
  });

  describe('with an Idempotency-Key', () => {
    it('applies a retried step once and answers it with the dossier as it stands', async () => {
      const { dossiers, metrics, run } = setup();
      const first = await run(people.receiver, code, receive, 'key-1');
      // The retry carries the version its first attempt saw (1), now passed: not a conflict.
      const again = await run(people.receiver, code, receive, 'key-1');
      expect(again).toEqual(first);
      const stored = await dossiers.get(code);
      expect(stored?.dossier.version).toBe(2);
      expect(stored?.dossier.timeline.filter((e) => e.action === 'receive')).toHaveLength(1);
      expect(stored?.requests).toHaveLength(1);
      expect(metrics.counted).toEqual({ DossiersReceived: 1 });
    });

    it('refuses the same key with another body (422)', async () => {
      const { dossiers, run } = setup();
      await run(people.receiver, code, receive, 'key-1');
      const other: ActionBody = { type: 'receive', expectedVersion: 1, note: 'Đủ giấy tờ' };
      expect(await errorOf(run(people.receiver, code, other, 'key-1'))).toMatchObject({
        kind: 'invalid',
        code: 'idempotency-key-reused',
      });
      expect((await dossiers.get(code))?.dossier.version).toBe(2);
    });

    it('does not take another official’s key for a replay', async () => {
      const { dossiers, run } = setup(after(submittedPermit(), [[people.receiver, { type: 'receive' }]]));
      const forward: ActionBody = { type: 'forward', assigneeId: 'specialist-nam', expectedVersion: 2 };
      await run(people.receiver, code, forward, 'key-1');
      // Same key, another subject: a new request, judged on its version (now 3).
      const byLeader: ActionBody = { type: 'forward', expectedVersion: 2 };
      expect(await errorOf(run(people.leader, code, byLeader, 'key-1'))).toMatchObject({ code: 'version-conflict' });
      expect((await dossiers.get(code))?.dossier.version).toBe(3);
    });

    it('answers the loser of two identical concurrent sends as a replay, applying the step once', async () => {
      const { dossiers, run } = setup();
      const [a, b] = await Promise.all([
        run(people.receiver, code, receive, 'key-1'),
        run(people.receiver, code, receive, 'key-1'),
      ]);
      expect(a.status).toBe('received');
      expect(b.status).toBe('received');
      const stored = await dossiers.get(code);
      expect(stored?.dossier.version).toBe(2);
      expect(stored?.dossier.timeline.filter((e) => e.action === 'receive')).toHaveLength(1);
    });

    it('still answers a conflict with another step as a conflict', async () => {
      const { dossiers, run } = setup();
      const save = dossiers.save.bind(dossiers);
      vi.spyOn(dossiers, 'save').mockImplementationOnce(async (before, decision, request) => {
        await save(before, { ...decision, dossier: { ...decision.dossier, version: before.version + 1 } });
        return save(before, decision, request);
      });
      expect(await errorOf(run(people.receiver, code, receive, 'key-1'))).toMatchObject({ code: 'version-conflict' });
    });
  });

  it('refuses a transfer to an agency that does not exist, writing nothing', async () => {
    const received = after(submittedPermit(), [
      [people.receiver, { type: 'receive' }],
      [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
    ]);
    const { dossiers, run } = setup(received);
    const transfer: ActionBody = { type: 'transfer', agencyId: '24.99999', expectedVersion: received.version };
    expect(await errorOf(run(people.specialist, code, transfer))).toMatchObject({
      kind: 'invalid',
      code: 'unknown-agency',
    });
    expect((await dossiers.get(code))?.dossier.version).toBe(received.version);
  });

  describe('a decision', () => {
    const atLeader = () =>
      after(submittedPermit(), [
        [people.receiver, { type: 'receive' }],
        [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
        [people.specialist, { type: 'forward', assigneeId: 'leader-son' }],
      ]);
    const decide = (version: number): ActionBody => ({ type: 'decide', outcome: 'approved', expectedVersion: version });

    it('counts a decision by the appointment as on time', async () => {
      const dossier = atLeader();
      // Due at the close of Monday 16/3 (above); decided on Friday 13/3.
      const { dossiers, metrics, run } = setup(dossier, new Date('2026-03-13T10:00:00+07:00'));
      const view = await run(people.leader, code, decide(dossier.version));
      // Decided on a day before the appointment's: returned early, a flag (docs/domain.md, Lifecycle).
      expect(view.flags).toEqual({ overdue: false, extended: false, returnedEarly: true });
      expect((await dossiers.get(code))?.dossier).toMatchObject({
        status: 'decided',
        decision: { outcome: 'approved', by: 'leader-son' },
      });
      expect(metrics.counted).toEqual({ DossiersDecidedOnTime: 1 });
    });

    it('counts a decision after the appointment as late', async () => {
      const dossier = atLeader();
      // One minute after the close of Monday 16/3.
      const { metrics, run } = setup(dossier, new Date('2026-03-16T17:31:00+07:00'));
      const view = await run(people.leader, code, decide(dossier.version));
      // Decided, so no longer overdue (an open dossier's flag), and not early.
      expect(view.flags).toEqual({ overdue: false, extended: false, returnedEarly: false });
      expect(metrics.counted).toEqual({ DossiersDecidedLate: 1 });
    });
  });
});
