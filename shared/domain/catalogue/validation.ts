import type { AgencyLevel } from '../agency.ts';
import { HOURS_PER_WORKING_DAY, type WorkingDuration } from '../calendar/index.ts';
import type { Procedure } from '../procedure.ts';
import { RuleViolation } from '../rule-violation.ts';
import { feeRuleErrors } from './fee-rules.ts';

/** One broken rule, named by the field it concerns (the same paths as the request body's). */
export interface ProcedureRuleError {
  field: string;
  message: string;
}

const levelNames: Record<AgencyLevel, string> = {
  province: 'cấp tỉnh',
  department: 'cấp sở, ngành',
  district: 'cấp huyện',
  commune: 'cấp xã',
};

export const hoursOf = (duration: WorkingDuration): number =>
  'workingDays' in duration ? duration.workingDays * HOURS_PER_WORKING_DAY : duration.workingHours;

/** "17,5 ngày làm việc" or "6 giờ làm việc", as Vietnamese writes numbers. */
export function describeHours(hours: number): string {
  const days = hours / HOURS_PER_WORKING_DAY;
  const asText = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
  return Number.isInteger(days * 2) ? `${asText(days)} ngày làm việc` : `${asText(hours)} giờ làm việc`;
}

/**
 * The rules a procedure version must follow beyond its schema, all listed at once:
 * - a province-, department- or district-level procedure names its competent agency; a
 *   commune-level one does not (the applicant's commune decides);
 * - the process starts at the one-stop desk (a receiver) and has a leader who decides and signs;
 * - the steps of the competent agency and the joint agencies' shares fit in the legal time;
 * - a joint leg goes to another agency than the competent one;
 * - required documents have distinct names;
 * - the fee rule holds together (fee-rules.ts).
 */
export function procedureRuleErrors(procedure: Omit<Procedure, 'code' | 'version'>): ProcedureRuleError[] {
  const errors: ProcedureRuleError[] = [];
  const level = levelNames[procedure.level];

  if (procedure.level === 'commune' && procedure.agencyId !== undefined) {
    errors.push({
      field: 'agencyId',
      message: 'Thủ tục cấp xã do UBND xã, phường nơi nộp hồ sơ giải quyết: không ghi cơ quan giải quyết cụ thể.',
    });
  }
  if (procedure.level !== 'commune' && procedure.agencyId === undefined) {
    errors.push({ field: 'agencyId', message: `Thủ tục ${level} phải nêu cơ quan có thẩm quyền giải quyết.` });
  }

  if (procedure.steps[0] && procedure.steps[0].role !== 'receiver') {
    errors.push({
      field: 'steps.0.role',
      message: 'Bước đầu tiên của quy trình phải là tiếp nhận hồ sơ tại bộ phận một cửa (receiver).',
    });
  }
  if (!procedure.steps.some((step) => step.role === 'leader')) {
    errors.push({ field: 'steps', message: 'Quy trình phải có bước lãnh đạo phê duyệt, ký kết quả (leader).' });
  }

  const legal = hoursOf(procedure.processingTime);
  const ownHours = procedure.steps.reduce((sum, step) => sum + hoursOf(step.duration), 0);
  const jointHours = (procedure.joint ?? []).reduce((sum, leg) => sum + hoursOf(leg.share), 0);
  if (ownHours + jointHours > legal) {
    errors.push({
      field: jointHours > 0 ? 'joint' : 'steps',
      message:
        jointHours > 0
          ? `Tổng thời gian các bước (${describeHours(ownHours)}) và phần của các cơ quan liên thông ` +
            `(${describeHours(jointHours)}) vượt thời hạn giải quyết ${describeHours(legal)}.`
          : `Tổng thời gian các bước (${describeHours(ownHours)}) vượt thời hạn giải quyết ${describeHours(legal)}.`,
    });
  }

  (procedure.joint ?? []).forEach((leg, index) => {
    if ('level' in leg.agency && procedure.level === 'commune') {
      errors.push({
        field: `joint.${index}.agency`,
        message: 'Thủ tục cấp xã đã do UBND xã giải quyết: không liên thông về chính UBND xã.',
      });
    }
    if ('agencyId' in leg.agency && leg.agency.agencyId === procedure.agencyId) {
      errors.push({
        field: `joint.${index}.agency.agencyId`,
        message: 'Cơ quan liên thông phải khác cơ quan có thẩm quyền giải quyết.',
      });
    }
  });

  errors.push(...feeRuleErrors(procedure.fee));

  const seen = new Map<string, number>();
  procedure.documents.forEach((document, index) => {
    const name = document.name.trim().toLowerCase();
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else errors.push({ field: `documents.${index}.name`, message: `Trùng tên với giấy tờ thứ ${first + 1}.` });
  });

  return errors;
}

/** The 422 a use case throws when rules are broken: every error at once, per field. */
export const procedureRulesBroken = (errors: ProcedureRuleError[]) =>
  new RuleViolation(
    'invalid',
    'procedure-rules-violated',
    'Thủ tục chưa đáp ứng quy định: ' + errors.map((error) => error.message).join(' '),
    { errors },
  );
