/**
 * Officials (cán bộ, công chức) of an agency and the roles they hold there. The token's claims come
 * from the identity provider; this roster is what admins manage and leaders consult.
 * Pure: no I/O.
 */
import { agencyIdPattern } from './agency.ts';
import { type Caller, hasRole, type Role } from './caller.ts';
import { RuleViolation } from './rule-violation.ts';

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

/** Roles held at one agency; admin and auditor work province-wide and their tokens name no agency. */
const agencyRoles: readonly OfficialRole[] = ['receiver', 'specialist', 'leader'];

const refused = (code: string, message: string) => new RuleViolation('forbidden', code, message);

/**
 * Why the roster refuses a caller whose token claims official roles, or undefined when it agrees: the
 * token was issued before an admin deactivated the official, moved them or withdrew a role, and stays
 * valid until it expires. The roster may grant more than the token (a role added since): the token's
 * roles are what the request uses. A caller claiming no official role (a citizen) is not on the roster.
 */
export function rosterRefusal(caller: Caller, official: Official | undefined): RuleViolation | undefined {
  const claimed = caller.roles.filter(isOfficialRole);
  if (claimed.length === 0) return undefined;
  if (!official || official.sub !== caller.sub) {
    return refused(
      'official-not-on-roster',
      'Tài khoản không có trong danh sách cán bộ của cơ quan nào; liên hệ quản trị hệ thống.',
    );
  }
  if (!official.active) {
    return refused(
      'official-inactive',
      'Tài khoản cán bộ đã ngừng hoạt động trên hệ thống; không thể tiếp tục xử lý hoặc xem hồ sơ.',
    );
  }
  const agencyBound = claimed.some((role) => agencyRoles.includes(role));
  if ((agencyBound || caller.agencyId !== undefined) && caller.agencyId !== official.agencyId) {
    return refused(
      'official-moved',
      'Cán bộ đã được điều chuyển, không còn thuộc cơ quan ghi trong phiên đăng nhập; vui lòng đăng nhập lại.',
    );
  }
  const withdrawn = claimed.filter((role) => !official.roles.includes(role));
  if (withdrawn.length > 0) {
    return refused(
      'official-roles-changed',
      `Vai trò của cán bộ đã thay đổi (không còn: ${withdrawn.join(', ')}); vui lòng đăng nhập lại.`,
    );
  }
  return undefined;
}
