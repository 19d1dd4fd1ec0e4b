import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import { canListOfficials, officialViolations } from '../../../shared/domain/official.ts';

const valid = { sub: 'receiver-hoa', name: 'Lê Thị Hoa', agencyId: '24.TTPVHCC', roles: ['receiver'], active: true };

describe('officialViolations', () => {
  it.each<[string, Partial<typeof valid>, string[]]>([
    ['a valid official', {}, []],
    ['several roles', { roles: ['receiver', 'specialist'] }, []],
    ['a uuid subject', { sub: '6f1c2a9e-0b7d-4c1e-9f3a-2d5b8e7c1a00' }, []],
    ['an IdP-prefixed subject', { sub: 'auth0|6512ab' }, []],
    ['an empty subject', { sub: '' }, ['sub']],
    ['a subject with the key separator', { sub: 'a#b' }, ['sub']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a name too long', { name: 'x'.repeat(201) }, ['name']],
    ['a malformed agency', { agencyId: '24-STP' }, ['agencyId']],
    ['no role', { roles: [] }, ['roles']],
    ['a citizen role', { roles: ['citizen'] }, ['roles.0']],
    ['an integration role', { roles: ['receiver', 'integration'] }, ['roles.1']],
    ['a repeated role', { roles: ['leader', 'leader'] }, ['roles.1']],
    ['several problems at once', { sub: '', name: '', roles: [] }, ['sub', 'name', 'roles']],
  ])('%s', (_, overrides, fields) => {
    const violations = officialViolations({ ...valid, ...overrides });
    expect(violations.map((v) => v.field)).toEqual(fields);
    for (const v of violations) expect(v.message.length).toBeGreaterThan(0);
  });
});

describe('canListOfficials', () => {
  const caller = (roles: Caller['roles'], agencyId?: string): Caller => ({
    sub: 'x',
    roles,
    ...(agencyId ? { agencyId } : {}),
  });
  it.each<[string, Caller, string, boolean]>([
    ['an admin, any agency', caller(['admin']), '24.STP', true],
    ['an admin without agency', caller(['admin']), '24.07210', true],
    ['a leader, own agency', caller(['leader'], '24.STP'), '24.STP', true],
    ['a leader, another agency', caller(['leader'], '24.07210'), '24.STP', false],
    ['a leader without agency', caller(['leader']), '24.STP', false],
    ['a receiver, own agency', caller(['receiver'], '24.STP'), '24.STP', false],
    ['a specialist, own agency', caller(['specialist'], '24.STP'), '24.STP', false],
    ['an auditor', caller(['auditor']), '24.STP', false],
    ['a citizen', caller(['citizen']), '24.STP', false],
  ])('%s → %s', (_, who, agencyId, allowed) => {
    expect(canListOfficials(who, agencyId)).toBe(allowed);
  });
});
