import { describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../../shared/http/caller-from-claims.ts';

describe('caller from JWT authorizer claims (API Gateway renders every claim as a string)', () => {
  it.each([
    ['one role', '[citizen]', ['citizen']],
    ['two roles', '[citizen leader]', ['citizen', 'leader']],
    ['no role', '[]', []],
  ])('reads roles from the list form of an array claim: %s', (_label, roles, expected) => {
    expect(callerFromClaims({ sub: 'u-1', roles })?.roles).toEqual(expected);
  });

  // Each of these parsed as roles before: a token whose roles claim is a sentence, a JSON text or a name
  // with a space must not make its bearer an administrator. Only exact role names count.
  it.each([
    ['a space-separated string', 'citizen admin'],
    ['a comma-separated string', 'citizen,admin'],
    ['a JSON array in a string', '["admin"]'],
    ['a role with a trailing space (the array ["admin "])', '[admin ]'],
    ['a role with a leading space', '[ admin]'],
    ['two spaces between roles', '[citizen  admin]'],
    ['an upper-case role', '[Admin]'],
    ['nested brackets', '[[admin]]'],
    ['a role name with a suffix', '[admin2]'],
  ])('gives no role for %s', (_label, roles) => {
    expect(callerFromClaims({ sub: 'u-1', roles })?.roles).toEqual([]);
  });

  it('keeps the known roles of a list and drops unknown names', () => {
    expect(callerFromClaims({ sub: 'u-1', roles: '[citizen root superuser]' })?.roles).toEqual(['citizen']);
  });

  it('keeps the agency of an official', () => {
    expect(callerFromClaims({ sub: 'o-1', roles: '[leader]', agencyId: '24.STP' })).toEqual({
      sub: 'o-1',
      roles: ['leader'],
      agencyId: '24.STP',
    });
  });

  it('keeps only the contacts the identity provider verified (OIDC Core 1.0 §5.1 *_verified claims)', () => {
    const claims = {
      sub: 'u-1',
      roles: '[citizen]',
      phone_number: '+84912345678',
      phone_number_verified: 'true',
      email: 'a@example.vn',
      email_verified: 'false',
    };
    expect(callerFromClaims(claims)?.contacts).toEqual({ phone: '+84912345678' });
    expect(callerFromClaims({ ...claims, phone_number_verified: undefined })?.contacts).toBeUndefined();
    expect(callerFromClaims({ ...claims, email_verified: true }, 'jwt')?.contacts).toEqual({
      phone: '+84912345678',
      email: 'a@example.vn',
    });
  });

  it('has no caller without a subject', () => {
    expect(callerFromClaims({ roles: '[admin]' })).toBeUndefined();
    expect(callerFromClaims(undefined)).toBeUndefined();
  });
});

describe('caller from a decoded JWT (the portal reads its session token itself)', () => {
  it('reads a real array of exact role names', () => {
    expect(callerFromClaims({ sub: 'u-1', roles: ['auditor', 'citizen'] }, 'jwt')?.roles).toEqual([
      'auditor',
      'citizen',
    ]);
  });

  it.each([
    ['a string that looks like a list', '[admin]'],
    ['a space-separated string', 'citizen admin'],
    ['a JSON array in a string', '["admin"]'],
  ])('gives no role for %s: the claim must be an array', (_label, roles) => {
    expect(callerFromClaims({ sub: 'u-1', roles }, 'jwt')?.roles).toEqual([]);
  });

  it('drops array elements that are not exactly a role name', () => {
    expect(callerFromClaims({ sub: 'u-1', roles: ['admin ', ' leader', 'ADMIN', 'citizen'] }, 'jwt')?.roles).toEqual([
      'citizen',
    ]);
  });
});
