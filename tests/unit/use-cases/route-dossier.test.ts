import { describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import { routeDossier } from '../../../shared/use-cases/route-dossier.ts';
import { fakeAgencyRepository } from '../../support/fakes/agency-repository.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { monday, submittedPermit, sxd } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const submitted: DomainEvent = {
  id: `${code}#1#DossierSubmitted`,
  type: 'DossierSubmitted',
  dossierCode: code,
  occurredAt: '2026-03-02T09:00:00+07:00',
  data: { applicantId: 'citizen-an', agencyId: '24.SXD', procedureCode: '1.009999' },
};

function setup(agencies = [sxd]) {
  const dossiers = fakeDossierRepository([submittedPermit()]);
  const route = routeDossier({
    dossiers,
    agencies: fakeAgencyRepository({ agencies }),
    now: () => new Date('2026-03-02T09:00:05+07:00'),
  });
  return { dossiers, route };
}

describe('routing a submitted dossier', () => {
  it('puts it in its agency’s intake queue, with the DossierRouted event in the same write', async () => {
    const { dossiers, route } = setup();
    await route(submitted);
    const stored = await dossiers.get(code);
    expect(stored?.dossier).toMatchObject({
      version: 2,
      status: 'submitted',
      workQueue: { agencyId: '24.SXD', stepIndex: 0, stepName: 'Tiếp nhận hồ sơ', since: '2026-03-02T09:00:05+07:00' },
    });
    expect(stored?.dossier.timeline.at(-1)).toMatchObject({ action: 'route-to-intake', actor: { sub: 'system' } });
    expect(stored?.outbox).toEqual([
      expect.objectContaining({
        type: 'DossierRouted',
        dossierCode: code,
        data: expect.objectContaining({
          agencyId: '24.SXD',
          agencyName: sxd.name,
          dueAt: submittedPermit(monday).dueAt,
        }),
      }),
    ]);
  });

  it('changes nothing when the event is delivered again', async () => {
    const { dossiers, route } = setup();
    await route(submitted);
    const save = vi.spyOn(dossiers, 'save');
    await route(submitted);
    expect(save).not.toHaveBeenCalled();
    expect((await dossiers.get(code))?.dossier.version).toBe(2);
  });

  it('fails (for the queue to retry) when the dossier’s agency is unknown, writing nothing', async () => {
    const { dossiers, route } = setup([]);
    await expect(route(submitted)).rejects.toThrow('Agency 24.SXD not found');
    expect((await dossiers.get(code))?.dossier.version).toBe(1);
  });
});
