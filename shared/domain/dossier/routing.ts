import type { Procedure } from '../procedure.ts';
import { RuleViolation } from '../rule-violation.ts';

/**
 * The competent agency of a new dossier. A commune-level procedure is decided by the People's
 * Committee of the applicant's commune; the others by the agency the catalogue names.
 */
export function competentAgencyId(procedure: Procedure, provinceCode: string, communeCode: string | undefined): string {
  if (procedure.level === 'commune') {
    if (!communeCode) {
      throw new RuleViolation('invalid', 'commune-required', 'Thủ tục cấp xã cần chọn xã, phường nơi nộp hồ sơ.');
    }
    return `${provinceCode}.${communeCode}`;
  }
  if (!procedure.agencyId) {
    throw new RuleViolation('invalid', 'procedure-without-agency', 'Thủ tục chưa được gán cơ quan giải quyết.');
  }
  return procedure.agencyId;
}
