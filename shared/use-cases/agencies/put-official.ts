import * as z from 'zod/mini';
import type { AgencyRepository } from '../ports/agency-repository.ts';
import { type Official, officialRoles, officialViolations } from '../../domain/official.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { agencyNotFound } from './params.ts';

/** The official's record at the agency of the path (PUT replaces it; moving agency moves the roster entry). */
export const PutOfficialBody = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'Họ tên không được để trống'), z.maxLength(200)),
  roles: z
    .array(z.enum(officialRoles, { error: `Vai trò là một trong: ${officialRoles.join(', ')}` }))
    .check(z.minLength(1, 'Cán bộ phải có ít nhất một vai trò'), z.maxLength(officialRoles.length)),
  active: z._default(z.boolean(), true),
});

export type PutOfficialBody = z.output<typeof PutOfficialBody>;

export function putOfficial(agencies: AgencyRepository) {
  return async (agencyId: string, sub: string, body: PutOfficialBody) => {
    const official: Official = { sub, name: body.name, agencyId, roles: body.roles, active: body.active };
    const violations = officialViolations(official);
    if (violations.length > 0) {
      throw new RuleViolation('bad-request', 'validation-failed', 'Dữ liệu cán bộ không hợp lệ.', {
        errors: violations,
      });
    }
    const [agency, existing] = await Promise.all([agencies.get(agencyId), agencies.getOfficial(sub)]);
    if (!agency) throw agencyNotFound(agencyId);
    await agencies.putOfficial(official);
    return { created: !existing, official };
  };
}
