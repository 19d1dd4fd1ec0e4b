import type { Agency } from '../agency.ts';
import {
  canRequestExtension,
  dueDate,
  durationAfterPause,
  durationInHours,
  extendByWorkingDays,
  type SupplementMode,
  supplementRequestDeadline,
  supplementRequestWithin,
  type WorkingCalendar,
  type WorkingDuration,
} from '../calendar/index.ts';
import { type Caller, hasRole, type Role } from '../caller.ts';
import { feeOutstanding, feeRequested } from '../fees/dossier-fee.ts';
import type { Official } from '../official.ts';
import type { Procedure } from '../procedure.ts';
import { RuleViolation } from '../rule-violation.ts';
import { formatVnDate, toVnIso, vnParts } from '../time.ts';
import type { Action, ActionType } from './actions.ts';
import { assertEligibleAssignee } from './assignee.ts';
import type { Decision, Dossier, FormNumber, StepRecord, TimelineEntry } from './dossier.ts';
import { maxTimelineEntries } from './dossier.ts';
import { dossierChanged } from './lifecycle-events.ts';
import { hasSignedResult } from './signed-result.ts';
import { type DossierStatus, dossierStatuses } from './status.ts';
import { intakeStepName, stepName } from './steps.ts';
import { type Transition, transitions } from './transitions.ts';
import { formatVnd } from '../money.ts';

/** Everything a lifecycle step may depend on, loaded before deciding. */
export interface ActionContext {
  caller: Caller;
  dossier: Dossier;
  /** The procedure version the dossier was filed under. */
  procedure: Procedure;
  /** The holding agency's calendar. */
  calendar: WorkingCalendar;
  /**
   * The competent agency's calendar, when another agency (its service centre, a joint leg) holds the
   * dossier: the legal period and the competent agency's steps count on it. Default: `calendar`.
   */
  competentCalendar?: WorkingCalendar;
  now: Date;
  supplementMode: SupplementMode;
  /** Window for a supplement request after receipt (default 3 working days, Nghị định 61/2018, điều 16). */
  supplementRequestWithin?: WorkingDuration;
  /** The roster entries of the officials the action names (a forward's assignee), as the use case read them. */
  officials?: readonly Official[];
  /** For a transfer: the agencies the dossier may go to, and the chosen one with its calendar. */
  transfer?: { allowed: readonly TransferTarget[]; agency: Agency; calendar: WorkingCalendar };
}

export interface TransferTarget {
  agencyId: string;
  purpose: string;
  share?: { workingDays: number } | { workingHours: number };
}

const refuse = (kind: RuleViolation['kind'], code: string, message: string) => new RuleViolation(kind, code, message);

/** The role a caller acts in for this transition, or undefined when they may not. */
export function actingRole(
  caller: Caller,
  dossier: Pick<Dossier, 'applicantId' | 'agencyId' | 'intakeAgencyId'>,
  transition: Transition,
): Role | undefined {
  if (transition.by.includes('applicant') && hasRole(caller, 'citizen') && caller.sub === dossier.applicantId) {
    return 'citizen';
  }
  if (caller.agencyId === undefined) return undefined;
  if (caller.agencyId !== dossier.agencyId) {
    const atCentre = transition.atIntakeCentre && caller.agencyId === dossier.intakeAgencyId;
    return atCentre && transition.by.includes('receiver') && hasRole(caller, 'receiver') ? 'receiver' : undefined;
  }
  return transition.by.find(
    (role): role is Exclude<typeof role, 'applicant'> => role !== 'applicant' && hasRole(caller, role),
  );
}

/**
 * The actions the caller may take on the dossier in its current status, by the same table `act` checks
 * (pages offer these; the step's own rules may still refuse one). Given the timeline, a supplement
 * request already used after receipt is not offered again (it can only be refused).
 */
export function allowedActions(
  caller: Caller,
  dossier: Pick<Dossier, 'status' | 'applicantId' | 'agencyId' | 'intakeAgencyId'> & {
    timeline?: SupplementHistory['timeline'];
  },
): ActionType[] {
  return (Object.keys(transitions) as ActionType[]).filter((type) => {
    const transition = transitions[type];
    if (type === 'request-supplement' && dossier.status !== 'submitted' && dossier.timeline) {
      if (supplementAlreadyRequested({ timeline: dossier.timeline })) return false;
    }
    return transition.from.includes(dossier.status) && actingRole(caller, dossier, transition) !== undefined;
  });
}

/** Applies one lifecycle step: checks status and role, then returns the new state and its event. */
export function act(action: Action, ctx: ActionContext): Decision {
  const { dossier, caller } = ctx;
  const transition = transitions[action.type];
  if (!transition.from.includes(dossier.status)) {
    throw refuse(
      'invalid',
      'transition-not-allowed',
      `Không thể thực hiện "${actionLabels[action.type]}" khi hồ sơ ở trạng thái "${dossierStatuses[dossier.status].vi}".`,
    );
  }
  const role = actingRole(caller, dossier, transition);
  if (!role) {
    throw new RuleViolation(
      'forbidden',
      'action-not-allowed',
      `Bạn không có quyền "${actionLabels[action.type]}" hồ sơ này.`,
    );
  }
  if (dossier.timeline.length >= maxTimelineEntries) {
    throw refuse('invalid', 'timeline-full', 'Nhật ký hồ sơ đã đầy; liên hệ quản trị hệ thống.');
  }
  const at = toVnIso(ctx.now);
  const step = stepOf(action, ctx, at);
  const next: Dossier = {
    ...dossier,
    ...step.changes,
    version: dossier.version + 1,
    timeline: [
      ...dossier.timeline,
      {
        at,
        actor: { sub: caller.sub, role },
        action: action.type,
        from: dossier.status,
        to: step.changes.status ?? dossier.status,
        agencyId: dossier.agencyId,
        note: action.note ? `${step.note} ${action.note}` : step.note,
        ...(action.internalNote ? { internalNote: action.internalNote } : {}),
        ...(step.form ? { form: step.form } : {}),
      } satisfies TimelineEntry,
    ],
  };
  for (const key of step.remove ?? []) delete next[key];
  return {
    dossier: next,
    events: [dossierChanged(next, action.type, dossier.status, { form: step.form, notifyOfficials: step.notify })],
  };
}

interface Step {
  changes: Partial<Dossier>;
  remove?: (keyof Dossier)[];
  note: string;
  form?: FormNumber;
  notify?: string[];
}

function stepOf(action: Action, ctx: ActionContext, at: string): Step {
  const { dossier, procedure, calendar, now } = ctx;
  switch (action.type) {
    case 'receive': {
      // Received at the service centre, the period is the competent agency's: on its calendar.
      const legal = ctx.competentCalendar ?? calendar;
      const hours = durationInHours(legal, procedure.processingTime);
      const dueAt = toVnIso(dueDate(legal, now, procedure.processingTime));
      const name = intakeStepName(procedure);
      return {
        changes: {
          status: 'received',
          receivedAt: at,
          clock: { startedAt: at, workingHours: hours },
          dueAt,
          workQueue: {
            agencyId: dossier.agencyId,
            stepIndex: 0,
            stepName: name,
            assigneeId: ctx.caller.sub,
            since: at,
          },
          steps: [...dossier.steps, stepRecord(ctx, name, at, procedure.steps[0]?.duration, ctx.caller.sub)],
        },
        note: `Hồ sơ đã được tiếp nhận. Hạn trả kết quả: ${formatVnDate(new Date(dueAt))}.`,
        form: '01',
      };
    }
    case 'refuse':
      return closing({ status: 'refused' }, `Hồ sơ không được tiếp nhận. Lý do: ${action.reason}`, '03');
    case 'request-supplement': {
      supplementRequestRule(ctx);
      const defects = action.defects.map((d) => d.trim()).filter(Boolean);
      if (defects.length === 0) throw refuse('invalid', 'defects-required', 'Cần nêu đầy đủ các nội dung cần bổ sung.');
      return {
        changes: {
          status: 'supplement-requested',
          supplement: { requestedAt: at, defects, fromStatus: dossier.status },
        },
        note: `Đề nghị bổ sung, hoàn thiện hồ sơ: ${defects.map((d, i) => `(${i + 1}) ${d}`).join('; ')}.`,
        form: '02',
      };
    }
    case 'supplement': {
      const request = dossier.supplement;
      if (!request) throw refuse('invalid', 'no-supplement-request', 'Hồ sơ không có yêu cầu bổ sung.');
      if (request.fromStatus !== 'processing' || !dossier.clock) {
        return { changes: { status: request.fromStatus }, remove: ['supplement'], note: 'Hồ sơ đã được bổ sung.' };
      }
      // The period counts again from the supplement's receipt, by the legal rule, in the procedure's
      // own unit (working days or hours): all of it ('restart') or what was left ('pause').
      const duration =
        ctx.supplementMode === 'restart'
          ? procedure.processingTime
          : durationAfterPause(calendar, {
              receivedAt: new Date(dossier.clock.startedAt),
              requestedAt: new Date(request.requestedAt),
              supplementedAt: now,
              duration: clockDuration(calendar, procedure, dossier.clock.workingHours),
              mode: 'pause',
            });
      const workingHours = durationInHours(calendar, duration);
      const dueAt = toVnIso(dueDate(calendar, now, duration));
      return {
        changes: { status: 'processing', clock: { startedAt: at, workingHours }, dueAt },
        remove: ['supplement'],
        note: `Hồ sơ đã được bổ sung; thời hạn giải quyết ${ctx.supplementMode === 'restart' ? 'được tính lại từ đầu' : 'tiếp tục'}, hạn mới ${formatVnDate(new Date(dueAt))}.`,
      };
    }
    case 'forward': {
      const position = dossier.workQueue;
      if (position && atIntakeCentre(dossier)) return forwardFromCentre(action.assigneeId, position, ctx, at);
      if (!position || dossier.agencyId !== dossier.competentAgencyId) {
        throw refuse(
          'invalid',
          'not-at-competent-agency',
          'Hồ sơ đang ở cơ quan phối hợp; hãy chuyển trả cơ quan chủ trì.',
        );
      }
      const index = position.stepIndex + 1;
      const definition = procedure.steps[index];
      if (!definition)
        throw refuse('invalid', 'no-next-step', 'Đã ở bước cuối của quy trình; lãnh đạo cần quyết định.');
      const name = stepName(procedure, index);
      if (action.assigneeId) {
        const next = { agencyId: dossier.agencyId, role: definition.role, stepName: name };
        assertEligibleAssignee(action.assigneeId, next, ctx.officials);
      }
      return {
        changes: {
          status: 'processing',
          workQueue: {
            agencyId: dossier.agencyId,
            stepIndex: index,
            stepName: name,
            since: at,
            ...assignee(action.assigneeId),
          },
          steps: [
            ...closeLastStep(dossier.steps, at),
            stepRecord(ctx, name, at, definition.duration, action.assigneeId),
          ],
        },
        note: `Hồ sơ được chuyển sang bước "${name}".`,
        notify: action.assigneeId ? [action.assigneeId] : [],
      };
    }
    case 'transfer':
      return transfer(action.agencyId, ctx, at);
    case 'request-fees': {
      if (!dossier.fee) throw refuse('invalid', 'no-fee', 'Thủ tục này không thu phí, lệ phí.');
      // A range fee gets its amount from the official here, inside the schedule (fees/dossier-fee.ts).
      const fee = feeRequested(dossier.fee, action.amount, ctx.caller.sub, at);
      return {
        changes: { status: 'awaiting-fees', ...(fee === dossier.fee ? {} : { fee }) },
        note: `Đề nghị thực hiện nghĩa vụ tài chính: ${formatVnd(fee.amount)}.`,
      };
    }
    case 'confirm-payment':
      if (!dossier.fee) throw refuse('invalid', 'no-fee', 'Thủ tục này không thu phí, lệ phí.');
      return {
        changes: { status: 'processing', fee: { ...dossier.fee, paid: true } },
        note: 'Đã hoàn thành nghĩa vụ tài chính.',
      };
    case 'request-extension': {
      if (dossier.originalDueAt) throw refuse('invalid', 'already-extended', 'Hồ sơ chỉ được gia hạn một lần.');
      const due = new Date(dossier.dueAt);
      if (!canRequestExtension(calendar, due, now)) {
        throw refuse(
          'invalid',
          'extension-too-late',
          'Văn bản xin lỗi và gia hạn phải ban hành chậm nhất 01 ngày làm việc trước hạn.',
        );
      }
      const dueAt = toVnIso(extendByWorkingDays(calendar, due, action.extraWorkingDays));
      return {
        changes: { originalDueAt: dossier.dueAt, dueAt },
        note: `Cơ quan xin lỗi vì chậm trả kết quả (lý do: ${action.reason}) và hẹn lại ngày ${formatVnDate(new Date(dueAt))}.`,
        form: '04',
      };
    }
    case 'stop':
      return closing({ status: 'stopped' }, `Dừng giải quyết hồ sơ. Lý do: ${action.reason}`, '05');
    case 'decide': {
      if (dossier.agencyId !== dossier.competentAgencyId) {
        throw refuse('invalid', 'not-at-competent-agency', 'Chỉ cơ quan chủ trì mới quyết định kết quả.');
      }
      const reasons = action.reasons?.trim();
      const returnsAt = dossier.intakeAgencyId ?? dossier.agencyId;
      if (action.outcome === 'refused' && !reasons) {
        throw refuse('invalid', 'reasons-required', 'Kết quả từ chối phải nêu rõ lý do.');
      }
      return {
        changes: {
          status: 'decided',
          decision: { outcome: action.outcome, decidedAt: at, by: ctx.caller.sub, ...(reasons ? { reasons } : {}) },
          steps: closeLastStep(dossier.steps, at),
          // The service centre that received it returns the result (Nghị định 118/2025/NĐ-CP).
          ...(returnsAt !== dossier.agencyId ? { agencyId: returnsAt } : {}),
          ...(dossier.workQueue
            ? { workQueue: { ...dossier.workQueue, agencyId: returnsAt, stepName: 'Trả kết quả', since: at } }
            : {}),
        },
        note:
          action.outcome === 'approved'
            ? 'Hồ sơ đã được giải quyết; kết quả đang chờ trả.'
            : `Hồ sơ đã được xem xét và không được chấp thuận. Lý do: ${reasons}`,
      };
    }
    case 'return-result':
      if (dossier.fee && dossier.fee.due === 'result' && feeOutstanding(dossier.fee)) {
        throw refuse('invalid', 'fee-unpaid', 'Chưa hoàn thành phí, lệ phí: chưa thể trả kết quả.');
      }
      // The result is returned only once signed by the leader and the agency (signed-result.ts).
      if (!hasSignedResult(dossier)) {
        throw refuse(
          'conflict',
          'result-not-signed',
          'Kết quả giải quyết chưa được ký số (lãnh đạo và cơ quan): chưa thể trả kết quả. Vui lòng tải lại hồ sơ sau ít phút.',
        );
      }
      return closing({ status: 'returned', returnedAt: at }, 'Đã trả kết quả cho người nộp hồ sơ.');
    case 'withdraw':
      return closing({ status: 'withdrawn' }, `Người nộp đã rút hồ sơ. Lý do: ${action.reason}`);
  }
}

/** Whether the dossier sits at the service centre that received it, before the competent agency has it. */
function atIntakeCentre(dossier: Dossier): boolean {
  return (
    dossier.intakeAgencyId !== undefined &&
    dossier.agencyId === dossier.intakeAgencyId &&
    dossier.agencyId !== dossier.competentAgencyId &&
    !dossier.decision &&
    !dossier.legs.some((leg) => !leg.endedAt)
  );
}

/**
 * The service centre hands a received dossier to the competent department or commune office
 * (Nghị định 118/2025/NĐ-CP): the competent agency holds it from now on, at its process's next step.
 */
function forwardFromCentre(
  assigneeId: string | undefined,
  position: NonNullable<Dossier['workQueue']>,
  ctx: ActionContext,
  at: string,
): Step {
  const { dossier, procedure } = ctx;
  const agencyId = dossier.competentAgencyId;
  const index = position.stepIndex + 1;
  const definition = procedure.steps[index];
  if (!definition) throw refuse('invalid', 'no-next-step', 'Quy trình không có bước xử lý sau bước tiếp nhận.');
  const name = stepName(procedure, index);
  // The competent agency holds the dossier from this step: its official is the one to name.
  if (assigneeId)
    assertEligibleAssignee(assigneeId, { agencyId, role: definition.role, stepName: name }, ctx.officials);
  const where = { agencyId, calendar: ctx.competentCalendar ?? ctx.calendar };
  return {
    changes: {
      status: 'processing',
      agencyId,
      handledBy: dossier.handledBy.includes(agencyId) ? dossier.handledBy : [...dossier.handledBy, agencyId],
      workQueue: { agencyId, stepIndex: index, stepName: name, since: at, ...assignee(assigneeId) },
      steps: [...closeLastStep(dossier.steps, at), stepRecord(ctx, name, at, definition.duration, assigneeId, where)],
    },
    note: `Hồ sơ được chuyển đến cơ quan giải quyết, bước "${name}".`,
    notify: assigneeId ? [assigneeId] : [],
  };
}

/** A step that takes the dossier out of every work queue for good. */
function closing(changes: Partial<Dossier> & { status: DossierStatus }, note: string, form?: FormNumber): Step {
  return { changes, remove: ['workQueue'], note, ...(form ? { form } : {}) };
}

function transfer(agencyId: string, ctx: ActionContext, at: string): Step {
  const { dossier, transfer: target } = ctx;
  if (!target || target.agency.id !== agencyId) throw new Error('The transfer target was not loaded');
  if (agencyId === dossier.agencyId) throw refuse('invalid', 'same-agency', 'Hồ sơ đang ở cơ quan này.');
  const openLeg = dossier.legs.findLast((leg) => !leg.endedAt);
  if (agencyId === dossier.competentAgencyId && openLeg) {
    const index = openLeg.resumeStepIndex;
    const name = stepName(ctx.procedure, index);
    return {
      changes: {
        agencyId,
        legs: dossier.legs.map((leg) => (leg === openLeg ? { ...leg, endedAt: at } : leg)),
        workQueue: { agencyId, stepIndex: index, stepName: name, since: at },
        steps: [
          ...closeLastStep(dossier.steps, at),
          stepRecord(ctx, name, at, ctx.procedure.steps[index]?.duration, undefined, {
            agencyId,
            calendar: target.calendar,
          }),
        ],
      },
      note: `${target.agency.name} nhận lại hồ sơ để tiếp tục giải quyết.`,
    };
  }
  const leg = target.allowed.find((t) => t.agencyId === agencyId);
  if (!leg?.share || openLeg) {
    throw refuse('invalid', 'transfer-not-allowed', 'Thủ tục không quy định liên thông với cơ quan này.');
  }
  const dueAt = toVnIso(dueDate(target.calendar, ctx.now, leg.share));
  return {
    changes: {
      agencyId,
      handledBy: dossier.handledBy.includes(agencyId) ? dossier.handledBy : [...dossier.handledBy, agencyId],
      legs: [
        ...dossier.legs,
        { agencyId, purpose: leg.purpose, startedAt: at, dueAt, resumeStepIndex: dossier.workQueue?.stepIndex ?? 0 },
      ],
      workQueue: { agencyId, stepIndex: dossier.workQueue?.stepIndex ?? 0, stepName: leg.purpose, since: at },
      steps: [...closeLastStep(dossier.steps, at), { agencyId, name: leg.purpose, startedAt: at, dueAt }],
    },
    note: `Hồ sơ được chuyển đến ${target.agency.name} để ${inSentence(leg.purpose)}.`,
  };
}

/** A phrase that opens with a capital, set inside a sentence: "Xác nhận" → "xác nhận"; an acronym (UBND) stays. */
function inSentence(phrase: string): string {
  const firstWord = phrase.split(' ', 1)[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return phrase;
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

function assignee(id: string | undefined) {
  return id ? { assigneeId: id } : {};
}

/** A step opened now at `where` (by default the agency holding the dossier), due after its duration in that agency's time. */
function stepRecord(
  ctx: ActionContext,
  name: string,
  at: string,
  duration: Procedure['steps'][number]['duration'] | undefined,
  handlerId?: string,
  where: { agencyId: string; calendar: WorkingCalendar } = { agencyId: ctx.dossier.agencyId, calendar: ctx.calendar },
): StepRecord {
  // A step's duration counts like a receipt: from the working day after the day it opens (BLDS 2015, điều 147).
  const dueAt = duration ? toVnIso(dueDate(where.calendar, ctx.now, duration)) : ctx.dossier.dueAt;
  return { agencyId: where.agencyId, name, startedAt: at, dueAt, ...(handlerId ? { handlerId } : {}) };
}

/** The legal clock's remaining time in the procedure's unit (a period in working days stays in days). */
function clockDuration(calendar: WorkingCalendar, procedure: Procedure, workingHours: number): WorkingDuration {
  return 'workingDays' in procedure.processingTime
    ? { workingDays: Math.round((workingHours / calendar.hoursPerWorkingDay) * 2) / 2 }
    : { workingHours };
}

/**
 * "Hướng dẫn một lần, đầy đủ" (Nghị định 61/2018/NĐ-CP, điều 15 khoản 2 and điều 16 khoản 2, kept by
 * Nghị định 118/2025/NĐ-CP): once the dossier is received, a supplement request (form 02) is made
 * once, within 3 working days of receipt (the close of the 3rd working day after the receipt day).
 * Outside that, the agency decides on what it has. The receiver's check at intake (status submitted,
 * before receipt) is not bound by it.
 */
function supplementRequestRule(ctx: ActionContext): void {
  const { dossier, calendar, now } = ctx;
  if (dossier.status === 'submitted' || !dossier.receivedAt) return;
  const alternatives =
    'Cơ quan giải quyết trên hồ sơ đã có: từ chối giải quyết có nêu rõ lý do, dừng giải quyết (mẫu 05), hoặc xin lỗi và gia hạn thời gian giải quyết (mẫu 04).';
  if (supplementAlreadyRequested(dossier)) {
    throw new RuleViolation(
      'conflict',
      'supplement-already-requested',
      `Hồ sơ đã được yêu cầu bổ sung một lần; việc hướng dẫn bổ sung chỉ thực hiện một lần, đầy đủ. ${alternatives}`,
    );
  }
  const deadline = supplementRequestDeadline(
    calendar,
    new Date(dossier.receivedAt),
    ctx.supplementRequestWithin ?? supplementRequestWithin,
  );
  if (now.getTime() > deadline.getTime()) {
    throw new RuleViolation(
      'conflict',
      'supplement-window-closed',
      `Đã quá thời hạn yêu cầu bổ sung hồ sơ (chậm nhất ${vnParts(deadline).hour}:${String(vnParts(deadline).minute).padStart(2, '0')} ngày ${formatVnDate(deadline)}). ${alternatives}`,
      { deadline: toVnIso(deadline) },
    );
  }
}

interface SupplementHistory {
  timeline: readonly Pick<TimelineEntry, 'action' | 'from'>[];
}

/** Whether a supplement was already requested after receipt (the intake check before receipt does not count). */
export function supplementAlreadyRequested(dossier: SupplementHistory): boolean {
  return dossier.timeline.some((entry) => entry.action === 'request-supplement' && entry.from !== 'submitted');
}

function closeLastStep(steps: readonly StepRecord[], at: string): StepRecord[] {
  return steps.map((step, i) => (i === steps.length - 1 && !step.endedAt ? { ...step, endedAt: at } : step));
}

export const actionLabels: Record<Action['type'], string> = {
  receive: 'tiếp nhận',
  refuse: 'từ chối tiếp nhận',
  'request-supplement': 'yêu cầu bổ sung',
  supplement: 'bổ sung hồ sơ',
  forward: 'chuyển bước xử lý',
  transfer: 'chuyển liên thông',
  'request-fees': 'yêu cầu thực hiện nghĩa vụ tài chính',
  'confirm-payment': 'xác nhận đã nộp phí',
  'request-extension': 'xin gia hạn',
  stop: 'dừng xử lý',
  decide: 'quyết định kết quả',
  'return-result': 'trả kết quả',
  withdraw: 'rút hồ sơ',
};
