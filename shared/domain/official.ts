/**
 * Officials (cán bộ, công chức) of an agency and the roles they hold there. The token's claims come
 * from the identity provider; this roster is what admins manage and leaders consult.
 * Pure: no I/O.
 */
import { agencyIdPattern } from './agency.ts';
import { type Caller, hasRole, type Role } from './caller.ts';

export const officialRoles = [
  'receiver',
  'specialist',
  'leader',
  'admin',
  'auditor',
] as const satisfies readonly Role[];
export type OfficialRole = (typeof officialRoles)[number];

export interface Official {
  /** The identity provider's subject: the `sub` claim of the official's tokens. */
  sub: string;
  /** Full name, as printed on forms. */
  name: string;
  agencyId: string;
  roles: readonly OfficialRole[];
  /** An inactive official stays on the roster (history names them) but no longer acts. */
  active: boolean;
}

/** Subjects as identity providers issue them (uuids, `auth0|…`, demo names); never the key separator `#`. */
export const officialSubPattern = /^[A-Za-z0-9._:@|-]{1,128}$/;

export const isOfficialRole = (role: string): role is OfficialRole =>
  (officialRoles as readonly string[]).includes(role);

export interface FieldViolation {
  field: string;
  message: string;
}

/** What an official record must satisfy, as field errors in Vietnamese; empty when valid. */
export function officialViolations(official: {
  sub: string;
  name: string;
  agencyId: string;
  roles: readonly string[];
  active: boolean;
}): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!officialSubPattern.test(official.sub)) {
    violations.push({
      field: 'sub',
      message: 'Mã định danh cán bộ gồm 1–128 ký tự: chữ, số và . _ : @ | -',
    });
  }
  const name = official.name.trim();
  if (name.length === 0 || name.length > 200) {
    violations.push({ field: 'name', message: 'Họ tên không được để trống và không quá 200 ký tự.' });
  }
  if (!agencyIdPattern.test(official.agencyId)) {
    violations.push({ field: 'agencyId', message: 'Mã cơ quan không đúng định dạng.' });
  }
  if (official.roles.length === 0) {
    violations.push({ field: 'roles', message: 'Cán bộ phải có ít nhất một vai trò.' });
  }
  official.roles.forEach((role, i) => {
    if (!isOfficialRole(role)) {
      violations.push({
        field: `roles.${i}`,
        message: `Vai trò không hợp lệ; chỉ nhận: ${officialRoles.join(', ')}.`,
      });
    } else if (official.roles.indexOf(role) !== i) {
      violations.push({ field: `roles.${i}`, message: `Vai trò ${role} bị lặp.` });
    }
  });
  return violations;
}

/**
 * Who may see an agency's roster: admins, any agency; a leader, their own agency only. Anyone else
 * is told the agency has no roster to show (404), as for dossiers.
 */
export function canListOfficials(caller: Caller, agencyId: string): boolean {
  if (hasRole(caller, 'admin')) return true;
  return hasRole(caller, 'leader') && caller.agencyId === agencyId;
}
