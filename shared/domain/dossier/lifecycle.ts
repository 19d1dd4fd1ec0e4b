import type { Agency } from '../agency.ts';
import {
  addWorkingTime,
  canRequestExtension,
  dueDate,
  durationInHours,
  remainingAfterPause,
  roundUpToHalfDay,
  type SupplementMode,
  type WorkingCalendar,
} from '../calendar/index.ts';
import { type Caller, hasRole, type Role } from '../caller.ts';
import type { Procedure } from '../procedure.ts';
import { RuleViolation } from '../rule-violation.ts';
import { formatVnDate, toVnIso } from '../time.ts';
import type { Action, ActionType } from './actions.ts';
import type { Decision, Dossier, FormNumber, StepRecord, TimelineEntry } from './dossier.ts';
import { maxTimelineEntries } from './dossier.ts';
import { dossierChanged } from './lifecycle-events.ts';
import { type DossierStatus, dossierStatuses } from './status.ts';
import { intakeStepName, stepName } from './steps.ts';
import { type Transition, transitions } from './transitions.ts';

/** Everything a lifecycle step may depend on, loaded before deciding. */
export interface ActionContext {
  caller: Caller;
  dossier: Dossier;
  /** The procedure version the dossier was filed under. */
  procedure: Procedure;
  /** The holding agency's calendar. */
  calendar: WorkingCalendar;
  now: Date;
  supplementMode: SupplementMode;
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
  dossier: Pick<Dossier, 'applicantId' | 'agencyId'>,
  transition: Transition,
): Role | undefined {
  if (transition.by.includes('applicant') && hasRole(caller, 'citizen') && caller.sub === dossier.applicantId) {
    return 'citizen';
  }
  if (caller.agencyId !== dossier.agencyId) return undefined;
  return transition.by.find(
    (role): role is Exclude<typeof role, 'applicant'> => role !== 'applicant' && hasRole(caller, role),
  );
}

/**
 * The actions the caller may take on the dossier in its current status, by the same table `act` checks
 * (pages offer these; the step's own rules may still refuse one).
 */
export function allowedActions(
  caller: Caller,
  dossier: Pick<Dossier, 'status' | 'applicantId' | 'agencyId'>,
): ActionType[] {
  return (Object.keys(transitions) as ActionType[]).filter((type) => {
    const transition = transitions[type];
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
      const hours = durationInHours(calendar, procedure.processingTime);
      const dueAt = toVnIso(dueDate(calendar, now, procedure.processingTime));
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
      const workingHours =
        ctx.supplementMode === 'restart'
          ? durationInHours(calendar, procedure.processingTime)
          : remainingAfterPause(calendar, {
              receivedAt: new Date(dossier.clock.startedAt),
              requestedAt: new Date(request.requestedAt),
              supplementedAt: now,
              duration: { workingHours: dossier.clock.workingHours },
              mode: 'pause',
            });
      const dueAt = toVnIso(dueDate(calendar, now, { workingHours }));
      return {
        changes: { status: 'processing', clock: { startedAt: at, workingHours }, dueAt },
        remove: ['supplement'],
        note: `Hồ sơ đã được bổ sung; thời hạn giải quyết ${ctx.supplementMode === 'restart' ? 'được tính lại từ đầu' : 'tiếp tục'}, hạn mới ${formatVnDate(new Date(dueAt))}.`,
      };
    }
    case 'forward': {
      const position = dossier.workQueue;
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
      return {
        changes: { status: 'awaiting-fees' },
        note: `Đề nghị thực hiện nghĩa vụ tài chính: ${dossier.fee.amount.toLocaleString('vi-VN')} đồng.`,
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
      const dueAt = toVnIso(
        roundUpToHalfDay(calendar, addWorkingTime(calendar, due, { workingDays: action.extraWorkingDays })),
      );
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
      if (action.outcome === 'refused' && !reasons) {
        throw refuse('invalid', 'reasons-required', 'Kết quả từ chối phải nêu rõ lý do.');
      }
      return {
        changes: {
          status: 'decided',
          decision: { outcome: action.outcome, decidedAt: at, by: ctx.caller.sub, ...(reasons ? { reasons } : {}) },
          steps: closeLastStep(dossier.steps, at),
          ...(dossier.workQueue ? { workQueue: { ...dossier.workQueue, stepName: 'Trả kết quả', since: at } } : {}),
        },
        note:
          action.outcome === 'approved'
            ? 'Hồ sơ đã được giải quyết; kết quả đang chờ trả.'
            : `Hồ sơ đã được xem xét và không được chấp thuận. Lý do: ${reasons}`,
      };
    }
    case 'return-result':
      if (dossier.fee && dossier.fee.due === 'result' && !dossier.fee.paid) {
        throw refuse('invalid', 'fee-unpaid', 'Chưa hoàn thành phí, lệ phí: chưa thể trả kết quả.');
      }
      return closing({ status: 'returned', returnedAt: at }, 'Đã trả kết quả cho người nộp hồ sơ.');
    case 'withdraw':
      return closing({ status: 'withdrawn' }, `Người nộp đã rút hồ sơ. Lý do: ${action.reason}`);
  }
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
    note: `Hồ sơ được chuyển đến ${target.agency.name} để ${leg.purpose.charAt(0).toLowerCase()}${leg.purpose.slice(1)}.`,
  };
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
  const dueAt = duration ? toVnIso(addWorkingTime(where.calendar, ctx.now, duration)) : ctx.dossier.dueAt;
  return { agencyId: where.agencyId, name, startedAt: at, dueAt, ...(handlerId ? { handlerId } : {}) };
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
