import { describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../../shared/http/caller-from-claims.ts';

describe('caller from JWT authorizer claims', () => {
  it.each([
    ['API Gateway list string', '[citizen leader]', ['citizen', 'leader']],
    ['JSON array string', '["receiver","specialist"]', ['receiver', 'specialist']],
    ['real array', ['auditor'], ['auditor']],
    ['space-separated string', 'admin citizen', ['admin', 'citizen']],
    ['unknown roles dropped', '[citizen root superuser]', ['citizen']],
  ])('reads roles from a %s', (_label, roles, expected) => {
    expect(callerFromClaims({ sub: 'u-1', roles })?.roles).toEqual(expected);
  });

  it('keeps the agency of an official', () => {
    expect(callerFromClaims({ sub: 'o-1', roles: '[leader]', agencyId: '24.STP' })).toEqual({
      sub: 'o-1',
      roles: ['leader'],
      agencyId: '24.STP',
    });
  });

  it('has no caller without a subject', () => {
    expect(callerFromClaims({ roles: '[admin]' })).toBeUndefined();
    expect(callerFromClaims(undefined)).toBeUndefined();
  });
});
