import { describe, expect, it } from 'vitest';
import { canReadDossier, seesInternalNotes } from '../../../shared/domain/authorization.ts';
import type { Caller } from '../../../shared/domain/caller.ts';

const dossier = { applicantId: 'citizen-an', agencyId: '24.07210', handledBy: ['24.SXD', '24.07210'] };

describe('who may read a dossier', () => {
  const cases: [string, Caller, boolean][] = [
    ['its applicant', { sub: 'citizen-an', roles: ['citizen'] }, true],
    ['another citizen', { sub: 'citizen-binh', roles: ['citizen'] }, false],
    ['a receiver of the holding agency', { sub: 'r', roles: ['receiver'], agencyId: '24.07210' }, true],
    ['a leader of the holding agency', { sub: 'l', roles: ['leader'], agencyId: '24.07210' }, true],
    ['a specialist of another agency', { sub: 's', roles: ['specialist'], agencyId: '24.STP' }, false],
    ['a leader of an agency that handled it before', { sub: 'l', roles: ['leader'], agencyId: '24.SXD' }, true],
    ['an official without agency', { sub: 's', roles: ['specialist'] }, false],
    ['an auditor', { sub: 'a', roles: ['auditor'] }, true],
    ['an admin (catalogue, not dossiers)', { sub: 'a', roles: ['admin'] }, false],
    ['an integration client', { sub: 'i', roles: ['integration'] }, false],
    ['a citizen claiming the agency', { sub: 'citizen-binh', roles: ['citizen'], agencyId: '24.07210' }, false],
  ];
  it.each(cases)('%s → %s', (_label, caller, allowed) => {
    expect(canReadDossier(caller, dossier)).toBe(allowed);
  });

  it('shows internal notes to officials only', () => {
    expect(seesInternalNotes({ sub: 'c', roles: ['citizen'] })).toBe(false);
    expect(seesInternalNotes({ sub: 'r', roles: ['receiver'], agencyId: 'x' })).toBe(true);
  });
});
