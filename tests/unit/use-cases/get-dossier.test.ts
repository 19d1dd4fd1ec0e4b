import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import { act } from '../../../shared/domain/dossier/lifecycle.ts';
import { getDossier, getDossierTimeline } from '../../../shared/use-cases/get-dossier.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { context, monday, people, submittedPermit } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const received = act(
  { type: 'receive', note: 'Hồ sơ đầy đủ', internalNote: 'Đã đối chiếu bản gốc' },
  context(submittedPermit(), people.receiver),
).dossier;
const dossiers = fakeDossierRepository([received]);
const get = getDossier(dossiers, () => monday);
const timeline = getDossierTimeline(dossiers);

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'read',
    (error: { kind?: string; code?: string; message?: string }) => [error.kind, error.code, error.message],
  );

describe('reading a dossier', () => {
  it('shows its applicant the dossier, never the PIN hash, the internal notes or the chain hashes', async () => {
    const view = await get(people.applicant, code);
    expect(view).toMatchObject({ code, status: 'received', statusText: 'Được tiếp nhận', version: 2 });
    expect(view).not.toHaveProperty('pinHash');
    expect(view.timeline.at(-1)).toMatchObject({ action: 'receive', note: expect.stringContaining('Hồ sơ đầy đủ') });
    for (const entry of view.timeline) {
      expect(entry).not.toHaveProperty('internalNote');
      expect(entry).not.toHaveProperty('hash');
    }
  });

  it('shows officials of the holding agency the internal notes', async () => {
    const view = await get(people.leader, code);
    expect(view.timeline.at(-1)).toMatchObject({ internalNote: 'Đã đối chiếu bản gốc' });
  });

  it('shows auditors the chain hashes', async () => {
    const { timeline: entries } = await get(people.auditor, code);
    expect(entries.every((e) => typeof e.hash === 'string' && typeof e.prevHash === 'string')).toBe(true);
  });

  it.each<[string, Caller]>([
    ['another citizen', people.otherCitizen],
    ['an official of another agency', people.otherAgencyLeader],
    ['an official without agency', { sub: 'specialist-x', roles: ['specialist'] }],
    ['an admin', { sub: 'admin-x', roles: ['admin'] }],
  ])('answers %s exactly as for a code that does not exist', async (_who, caller) => {
    const missing = await refusal(get(people.applicant, '24.SXD-260302-0999'));
    expect(missing).toEqual(['not-found', 'not-found', 'Không tìm thấy hồ sơ.']);
    expect(await refusal(get(caller, code))).toEqual(missing);
    expect(await refusal(timeline(caller, code))).toEqual(missing);
  });

  it('lets an agency that held the dossier before read it', async () => {
    const moved = { ...received, code: '24.SXD-260302-0002', agencyId: '24.07210', handledBy: ['24.SXD', '24.07210'] };
    const read = getDossier(fakeDossierRepository([moved]), () => monday);
    expect(await read(people.leader, moved.code)).toMatchObject({ agencyId: '24.07210' });
  });

  it('answers the timeline with the version, as its reader may see it', async () => {
    const answer = await timeline(people.applicant, code);
    expect(answer.code).toBe(code);
    expect(answer.version).toBe(2);
    expect(answer.timeline.map((e) => e.action)).toEqual(received.timeline.map((e) => e.action));
    expect(answer.timeline.at(-1)).not.toHaveProperty('internalNote');
  });
});
