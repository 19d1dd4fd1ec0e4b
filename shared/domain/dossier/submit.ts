import type { Agency } from '../agency.ts';
import { dueDate, type WorkingCalendar } from '../calendar/index.ts';
import { type Caller, hasRole } from '../caller.ts';
import { eventId } from '../events.ts';
import { acceptsOnlineFiling, type Procedure } from '../procedure.ts';
import { RuleViolation } from '../rule-violation.ts';
import { toVnIso } from '../time.ts';
import type { Applicant, Decision, ReturnMethod } from './dossier.ts';

export interface Application {
  applicant: Applicant;
  returnMethod: ReturnMethod;
  formData: Record<string, string | number | boolean>;
}

export interface SubmitInput {
  caller: Caller;
  procedure: Procedure;
  agency: Agency;
  application: Application;
  /** Allocated by the agency's daily counter before deciding. */
  code: string;
  pinHash: string;
  now: Date;
  calendar: WorkingCalendar;
}

/** A citizen files a dossier online (status 1, "Mới đăng ký"); the appointment follows the agency's calendar. */
export function submitOnline(input: SubmitInput): Decision {
  const { caller, procedure, agency, application, code, now } = input;
  if (!hasRole(caller, 'citizen')) {
    throw new RuleViolation('invalid', 'citizens-only', 'Chỉ công dân, tổ chức mới nộp hồ sơ trực tuyến.');
  }
  if (!acceptsOnlineFiling(procedure)) {
    throw new RuleViolation(
      'invalid',
      'procedure-not-online',
      `Thủ tục "${procedure.name}" chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp tại bộ phận một cửa.`,
    );
  }
  const submittedAt = toVnIso(now);
  const dueAt = toVnIso(dueDate(input.calendar, now, procedure.processingTime));
  const version = 1;
  return {
    dossier: {
      code,
      version,
      status: 'submitted',
      channel: 'online',
      procedure: { code: procedure.code, version: procedure.version, name: procedure.name },
      agencyId: agency.id,
      applicantId: caller.sub,
      applicant: application.applicant,
      returnMethod: application.returnMethod,
      formData: application.formData,
      submittedAt,
      dueAt,
      pinHash: input.pinHash,
      timeline: [
        {
          at: submittedAt,
          actor: { sub: caller.sub, role: 'citizen' },
          action: 'submit',
          to: 'submitted',
          note: `Nộp hồ sơ trực tuyến thủ tục "${procedure.name}" đến ${agency.name}.`,
        },
      ],
    },
    events: [
      {
        id: eventId(code, version, 'DossierSubmitted'),
        type: 'DossierSubmitted',
        dossierCode: code,
        occurredAt: submittedAt,
        data: { applicantId: caller.sub, agencyId: agency.id, procedureCode: procedure.code },
      },
    ],
  };
}
