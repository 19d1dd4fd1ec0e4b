import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Action } from '../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { act } from '../../../shared/domain/dossier/lifecycle.ts';
import { RatingBody, rateDossierUseCase } from '../../../shared/use-cases/rate-dossier.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { context, people, submittedPermit } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const steps: [Caller, Action][] = [
  [people.receiver, { type: 'receive' }],
  [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
  [people.specialist, { type: 'forward', assigneeId: 'leader-son' }],
  [people.leader, { type: 'decide', outcome: 'approved' }],
];
const upTo = (count: number): Dossier =>
  steps.slice(0, count).reduce((d, [caller, action]) => act(action, context(d, caller)).dossier, submittedPermit());
const decided = upTo(steps.length);
// Returned as the `return-result` step leaves it (that step also waits for the signed result, not modelled here).
const { workQueue: _queue, ...closed } = decided;
const returned: Dossier = {
  ...closed,
  status: 'returned',
  returnedAt: '2026-03-13T10:00:00+07:00',
  version: decided.version + 1,
};
const now = () => new Date('2026-03-20T10:00:00+07:00');
const five = RatingBody.parse({ score: 5, comment: '  Nhanh, đúng hẹn.  ' });

describe('rating a returned dossier', () => {
  it('records the applicant’s rating once, with its timeline entry and event', async () => {
    const dossiers = fakeDossierRepository([returned]);
    const answer = await rateDossierUseCase({ dossiers, now })(people.applicant, code, five);
    expect(answer).toEqual({
      code,
      version: returned.version + 1,
      rating: { score: 5, comment: 'Nhanh, đúng hẹn.', at: '2026-03-20T10:00:00+07:00' },
    });
    const stored = await dossiers.get(code);
    expect(stored?.dossier.status).toBe('returned');
    expect(stored?.outbox).toEqual([
      expect.objectContaining({ type: 'DossierChanged', data: expect.objectContaining({ action: 'rate' }) }),
    ]);
    await expect(rateDossierUseCase({ dossiers, now })(people.applicant, code, five)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'already-rated',
    });
  });

  it('is refused before the result is returned', async () => {
    const dossiers = fakeDossierRepository([decided]);
    await expect(rateDossierUseCase({ dossiers, now })(people.applicant, code, five)).rejects.toMatchObject({
      code: 'not-returned',
    });
  });

  it.each<[string, Caller]>([
    ['another citizen', people.otherCitizen],
    ['an official who may read the dossier', people.leader],
  ])('is not found for %s', async (_who, caller) => {
    const dossiers = fakeDossierRepository([returned]);
    await expect(rateDossierUseCase({ dossiers, now })(caller, code, five)).rejects.toMatchObject({
      kind: 'not-found',
      code: 'not-found',
    });
    expect((await dossiers.get(code))?.dossier.rating).toBeUndefined();
  });

  it('re-reads and rates again when a worker wrote the dossier meanwhile, rather than answering 409', async () => {
    const dossiers = fakeDossierRepository([returned]);
    const save = dossiers.save.bind(dossiers);
    vi.spyOn(dossiers, 'save').mockImplementationOnce(async (before, decision) => {
      // A late system annotation lands first on the version the rating read.
      await save(before, { dossier: { ...before, version: before.version + 1 }, events: [] });
      return save(before, decision);
    });
    const answer = await rateDossierUseCase({ dossiers, now })(people.applicant, code, five);
    expect(answer.version).toBe(returned.version + 2);
  });
});
