import { describe, expect, it, vi } from 'vitest';
import { act } from '../../../shared/domain/dossier/lifecycle.ts';
import { verifyDossierTimeline } from '../../../shared/use-cases/timeline-verification.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { context, people, submittedPermit } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';

async function storedReceived() {
  const dossiers = fakeDossierRepository([submittedPermit()]);
  const before = (await dossiers.get(code))?.dossier ?? submittedPermit();
  await dossiers.save(before, act({ type: 'receive' }, context(before, people.receiver)));
  return dossiers;
}

describe("verifying a dossier's timeline", () => {
  it('holds for a timeline as the repository chained it, write after write', async () => {
    const dossiers = await storedReceived();
    const entries = (await dossiers.get(code))?.dossier.timeline.length;
    expect(await verifyDossierTimeline(dossiers)(code)).toEqual({ code, version: 2, ok: true, entries });
  });

  it('finds an entry changed after it was written', async () => {
    const dossiers = await storedReceived();
    const stored = await dossiers.get(code);
    const [first, ...rest] = stored?.dossier.timeline ?? [];
    if (!stored || !first) throw new Error('stored above');
    const tampered = { ...stored, dossier: { ...stored.dossier, timeline: [{ ...first, note: 'Sửa lại' }, ...rest] } };
    vi.spyOn(dossiers, 'get').mockResolvedValue(tampered);
    expect(await verifyDossierTimeline(dossiers)(code)).toMatchObject({
      ok: false,
      index: 0,
      reason: 'hash-mismatch',
    });
  });

  it('finds an entry removed', async () => {
    const dossiers = await storedReceived();
    const stored = await dossiers.get(code);
    if (!stored) throw new Error('stored above');
    const [, ...rest] = stored.dossier.timeline;
    vi.spyOn(dossiers, 'get').mockResolvedValue({ ...stored, dossier: { ...stored.dossier, timeline: rest } });
    expect(await verifyDossierTimeline(dossiers)(code)).toMatchObject({ ok: false, index: 0, reason: 'broken-link' });
  });

  it('is not found for a dossier that does not exist', async () => {
    await expect(verifyDossierTimeline(fakeDossierRepository())(code)).rejects.toMatchObject({
      kind: 'not-found',
      code: 'not-found',
    });
  });
});
