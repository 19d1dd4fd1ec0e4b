import type { Agency } from '../agency.ts';
import { dueDate, type WorkingCalendar } from '../calendar/index.ts';
import { type Caller, hasRole } from '../caller.ts';
import { eventId } from '../events.ts';
import type { FeeFacts } from '../fees/fee.ts';
import { dossierFee } from '../fees/dossier-fee.ts';
import { acceptsOnlineFiling, type Procedure } from '../procedure.ts';
import { type PostalChoice, postalShipments } from '../postal/choice.ts';
import { RuleViolation } from '../rule-violation.ts';
import { toVnIso } from '../time.ts';
import type { Applicant, Decision, Dossier, ReturnMethod, TimelineEntry } from './dossier.ts';
import { dossierChanged } from './lifecycle-events.ts';
import { reachOf } from './reach.ts';
import { intakeStepName } from './steps.ts';
import { confirmedContactsAtFiling } from '../notifications/contacts.ts';

export interface Application {
  applicant: Applicant;
  returnMethod: ReturnMethod;
  formData: Record<string, string | number | boolean>;
  communeCode?: string;
  /** A pickup of the paper dossier (filing by post) and where a result returned by post goes. */
  postal?: PostalChoice;
  /** What the fee depends on: pages, copies, the exemption ground claimed (fees/fee.ts). */
  feeFacts?: FeeFacts;
  /** At the counter: the paper documents the receiver took, by required-document slot (form 01 lists them). */
  papers?: Dossier['papers'];
}

export interface FilingInput {
  caller: Caller;
  channel: 'online' | 'counter';
  procedure: Procedure;
  /** The competent agency. */
  agency: Agency;
  /** The service centre that receives for it (its `intakeAgencyId`); absent: the agency receives itself. */
  intake?: Agency;
  application: Application;
  /** The applicant's account; a walk-in applicant without one finds the dossier by code and PIN. */
  applicantId: string;
  /** Allocated by the agency's daily counter before deciding. */
  code: string;
  pinHash: string;
  now: Date;
  calendar: WorkingCalendar;
  /** Filed on the national portal (channel `dvcqg`): an online filing it delivers as an `integration` caller. */
  external?: Dossier['external'];
}

/**
 * A dossier is filed: online by the citizen (status 1, "Mới đăng ký"), or at a one-stop desk by a
 * receiver. Under Nghị định 118/2025/NĐ-CP the competent agency's public administration service centre
 * holds it at intake (the province's centre for a department, the commune's for the commune): a
 * receiver of that centre receives it on the spot (status 2, receipt form 01); a desk elsewhere in the
 * province files it for that centre, which receives it later. The competent agency decides.
 */
export function fileDossier(input: FilingInput): Decision {
  const { caller, channel, procedure, agency, application, code, now } = input;
  if (channel === 'online') {
    if (!hasRole(caller, input.external ? 'integration' : 'citizen')) {
      throw new RuleViolation('invalid', 'citizens-only', 'Chỉ công dân, tổ chức mới nộp hồ sơ trực tuyến.');
    }
    // Filing by post sends the paper dossier: it does not need the procedure to be offered online.
    if (!application.postal?.pickup && !acceptsOnlineFiling(procedure)) {
      throw new RuleViolation(
        'invalid',
        'procedure-not-online',
        `Thủ tục "${procedure.name}" chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp tại bộ phận một cửa.`,
      );
    }
  } else if (!hasRole(caller, 'receiver') || !caller.agencyId) {
    throw new RuleViolation('invalid', 'receivers-only', 'Chỉ cán bộ tiếp nhận mới nộp hồ sơ thay người dân.');
  }
  const postal = postalShipments({
    code,
    channel,
    applicant: application.applicant,
    returnMethod: application.returnMethod,
    ...(application.postal ? { choice: application.postal } : {}),
  });
  const byPost = postal?.pickup !== undefined;
  const at = toVnIso(now);
  const intake = input.intake ?? agency;
  const atCentre = intake.id !== agency.id;
  const receivedHere = channel === 'counter' && caller.agencyId === intake.id;
  const to = atCentre ? `${intake.name} (cơ quan giải quyết: ${agency.name})` : agency.name;
  const due = toVnIso(dueDate(input.calendar, now, procedure.processingTime));
  const version = 1;
  const filed: TimelineEntry = {
    at,
    actor: { sub: caller.sub, role: input.external ? 'integration' : channel === 'online' ? 'citizen' : 'receiver' },
    action: 'file',
    to: 'submitted',
    agencyId: intake.id,
    note: input.external
      ? `Hồ sơ thủ tục "${procedure.name}" nộp trên Cổng Dịch vụ công quốc gia, chuyển đến ${to}.`
      : byPost
        ? `Đăng ký nộp hồ sơ thủ tục "${procedure.name}" qua dịch vụ bưu chính đến ${to}; bưu điện sẽ thu gom hồ sơ giấy tại địa chỉ đã đăng ký.`
        : channel === 'online'
          ? `Nộp hồ sơ trực tuyến thủ tục "${procedure.name}" đến ${to}.`
          : `Hồ sơ thủ tục "${procedure.name}" được nộp trực tiếp tại bộ phận một cửa, chuyển đến ${to}.`,
  };
  const dossier: Dossier = {
    code,
    version,
    status: 'submitted',
    channel: byPost ? 'post' : channel,
    procedure: { code: procedure.code, version: procedure.version, name: procedure.name },
    agencyId: intake.id,
    competentAgencyId: agency.id,
    ...(atCentre ? { intakeAgencyId: intake.id } : {}),
    // The centre's officials read what they received; the competent agency's, what is coming to them.
    handledBy: atCentre ? [intake.id, agency.id] : [agency.id],
    ...(application.communeCode ? { communeCode: application.communeCode } : {}),
    applicantId: input.applicantId,
    applicant: application.applicant,
    confirmedContacts: confirmedContactsAtFiling(
      input.external ? 'dvcqg' : channel,
      application.applicant,
      caller.contacts,
    ),
    returnMethod: application.returnMethod,
    ...(postal ? { postal } : {}),
    formData: application.formData,
    submittedAt: at,
    dueAt: due,
    fee: dossierFee(procedure.fee, application.feeFacts),
    ...(channel === 'counter' && application.papers?.length ? { papers: papersOf(procedure, application.papers) } : {}),
    steps: [],
    legs: [],
    pinHash: input.pinHash,
    timeline: [filed],
    // A portal dossier keeps the portal's id; its channel is the portal's whatever the return method.
    ...(input.external ? { channel: 'dvcqg' as const, external: input.external } : {}),
  };
  const submitted = {
    id: eventId(code, version, 'DossierSubmitted'),
    type: 'DossierSubmitted' as const,
    dossierCode: code,
    occurredAt: at,
    data: {
      applicantId: input.applicantId,
      agencyId: intake.id,
      procedureCode: procedure.code,
      to: receivedHere ? 'received' : 'submitted',
      reach: reachOf(dossier),
    },
  };
  if (!receivedHere) return { dossier, events: [submitted] };

  const stepName = intakeStepName(procedure);
  const received: Dossier = {
    ...dossier,
    status: 'received',
    receivedAt: at,
    workQueue: { agencyId: intake.id, stepIndex: 0, stepName, assigneeId: caller.sub, since: at },
    steps: [{ agencyId: intake.id, name: stepName, handlerId: caller.sub, startedAt: at, dueAt: due }],
    timeline: [
      filed,
      {
        at,
        actor: { sub: caller.sub, role: 'receiver' },
        action: 'receive',
        from: 'submitted',
        to: 'received',
        agencyId: intake.id,
        note: 'Hồ sơ đã được tiếp nhận; giấy tiếp nhận hồ sơ và hẹn trả kết quả đã được cấp.',
        form: '01',
      },
    ],
  };
  return { dossier: received, events: [submitted, dossierChanged(received, 'receive', 'submitted', { form: '01' })] };
}

/** The papers a receiver took, each for a document the procedure asks for; a slot given twice is refused. */
function papersOf(procedure: Procedure, papers: NonNullable<Dossier['papers']>): NonNullable<Dossier['papers']> {
  const slots = new Set<number>();
  for (const paper of papers) {
    if (!procedure.documents[paper.slot]) {
      throw new RuleViolation('invalid', 'unknown-slot', 'Thủ tục không yêu cầu thành phần hồ sơ này.', {
        slots: procedure.documents.length,
      });
    }
    if (slots.has(paper.slot)) {
      throw new RuleViolation('invalid', 'duplicate-slot', 'Mỗi thành phần hồ sơ chỉ kê khai một lần.');
    }
    slots.add(paper.slot);
  }
  return [...papers].sort((a, b) => a.slot - b.slot);
}
