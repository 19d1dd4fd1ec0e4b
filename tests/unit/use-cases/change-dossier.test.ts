import { describe, expect, it, vi } from 'vitest';
import type { Decision } from '../../../shared/domain/dossier/dossier.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import { changeDossier } from '../../../shared/use-cases/change-dossier.ts';
import type { StoredDossier } from '../../../shared/use-cases/ports/dossier-repository.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { submittedPermit } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';

/** A rule that notes one more thing on the dossier, on whatever version it is given. */
const annotate = ({ dossier }: StoredDossier): Decision => ({
  dossier: { ...dossier, version: dossier.version + 1, formData: { ...dossier.formData, seen: dossier.version } },
  events: [],
});

/** Another writer saves once before each of the first `times` saves of the worker. */
function racedBy(dossiers: ReturnType<typeof fakeDossierRepository>, times: number) {
  const save = dossiers.save.bind(dossiers);
  const spy = vi.spyOn(dossiers, 'save');
  for (let i = 0; i < times; i++) {
    spy.mockImplementationOnce(async (before, decision) => {
      await save(before, annotate({ dossier: before, outbox: [], requests: [] }));
      return save(before, decision);
    });
  }
  return spy;
}

describe('a worker changing a dossier', () => {
  it('decides on the dossier as read and saves on that version', async () => {
    const dossiers = fakeDossierRepository([submittedPermit()]);
    await changeDossier({ dossiers }, code, annotate);
    expect((await dossiers.get(code))?.dossier).toMatchObject({ version: 2, formData: { seen: 1 } });
  });

  it('writes nothing when the rule finds the change already made', async () => {
    const dossiers = fakeDossierRepository([submittedPermit()]);
    const save = vi.spyOn(dossiers, 'save');
    await changeDossier({ dossiers }, code, () => undefined);
    expect(save).not.toHaveBeenCalled();
  });

  it('re-reads and decides again after losing a race, on the winner’s version', async () => {
    const dossiers = fakeDossierRepository([submittedPermit()]);
    const decide = vi.fn(annotate);
    racedBy(dossiers, 2);
    await changeDossier({ dossiers }, code, decide);
    // Two lost races (versions 2 and 3 written by the other writer), then saved on 3.
    expect(decide.mock.calls.map(([stored]) => stored.dossier.version)).toEqual([1, 2, 3]);
    expect((await dossiers.get(code))?.dossier).toMatchObject({ version: 4, formData: { seen: 3 } });
  });

  it('gives up after three lost races with the version conflict', async () => {
    const dossiers = fakeDossierRepository([submittedPermit()]);
    const decide = vi.fn(annotate);
    racedBy(dossiers, 3);
    await expect(changeDossier({ dossiers }, code, decide)).rejects.toMatchObject({ code: 'version-conflict' });
    expect(decide).toHaveBeenCalledTimes(3);
  });

  it('does not retry a refusal of the rules', async () => {
    const dossiers = fakeDossierRepository([submittedPermit()]);
    const decide = vi.fn((): Decision => {
      throw new RuleViolation('invalid', 'not-allowed', 'Không được phép.');
    });
    await expect(changeDossier({ dossiers }, code, decide)).rejects.toMatchObject({ code: 'not-allowed' });
    expect(decide).toHaveBeenCalledTimes(1);
  });

  it('fails for an unknown dossier', async () => {
    await expect(changeDossier({ dossiers: fakeDossierRepository() }, code, annotate)).rejects.toThrow(
      `Dossier ${code} not found`,
    );
  });
});
