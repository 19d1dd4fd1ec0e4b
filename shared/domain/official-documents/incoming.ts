/**
 * The incoming document (văn bản đến) from receipt to handling, Nghị định 30/2020/NĐ-CP, Điều 20:
 * - receipt: the clerical office checks an electronic document's authenticity and integrity, and
 *   returns to the sender one that fails the check or was sent to the wrong agency (Điều 21 khoản 2
 *   điểm a–b);
 * - registration in the incoming register, with the next incoming number of the year (Điều 22);
 * - presentation to the person competent to direct its handling, the same day or the next working day
 *   at the latest, at once when urgent (Điều 23 khoản 1), who records directions, the handling unit or
 *   person and the deadline (Điều 23 khoản 2 and 4);
 * - handling by the unit or person assigned, within the deadline (Điều 24 khoản 2), the status kept up
 *   to date (Điều 4 khoản 2 điểm d).
 * Pure: every step takes the instant it happens at.
 */
import type { Caller } from '../caller.ts';
import type { Official } from '../official.ts';
import { RuleViolation } from '../rule-violation.ts';
import { dayNumberOfVnDate, toVnDate, toVnIso, vnDayNumber } from '../time.ts';
import {
  actingRole,
  allowedSteps,
  clerkRole,
  type DocumentLifecycle,
  type DocumentTransition,
  type HistoryEntry,
  requiredText,
  takeStep,
} from './actors.ts';
import { nextRegisterPosition, type RegisterPosition, type Urgency } from './register.ts';

export const incomingStatuses = {
  received: { vi: 'Đã tiếp nhận' },
  returned: { vi: 'Đã trả lại nơi gửi' },
  registered: { vi: 'Đã đăng ký' },
  presented: { vi: 'Chờ ý kiến chỉ đạo' },
  assigned: { vi: 'Đã giao xử lý' },
  'in-progress': { vi: 'Đang xử lý' },
  done: { vi: 'Đã xử lý xong' },
} as const;
export type IncomingStatus = keyof typeof incomingStatuses;

export type IncomingAction =
  | { type: 'return-to-sender'; reason: string }
  | { type: 'register' }
  | { type: 'present' }
  | { type: 'assign'; assigneeId: string; directions: string; deadline?: string }
  | { type: 'start' }
  | { type: 'complete'; replyNumberSymbol?: string; note?: string };
export type IncomingActionType = IncomingAction['type'];

/** The assignee's own steps are checked against the assignment: `by` names the role they act in. */
export const incomingTransitions: Record<IncomingActionType, DocumentTransition<IncomingStatus>> = {
  'return-to-sender': { from: ['received'], to: 'returned', by: [clerkRole] },
  register: { from: ['received'], to: 'registered', by: [clerkRole] },
  present: { from: ['registered'], to: 'presented', by: [clerkRole] },
  assign: { from: ['presented'], to: 'assigned', by: ['leader'] },
  start: { from: ['assigned'], to: 'in-progress', by: ['specialist', 'leader'] },
  complete: { from: ['assigned', 'in-progress'], to: 'done', by: ['specialist', 'leader'] },
};

export const incomingActionLabels: Record<IncomingActionType, string> = {
  'return-to-sender': 'trả lại nơi gửi',
  register: 'đăng ký văn bản đến',
  present: 'trình văn bản đến',
  assign: 'giao xử lý',
  start: 'nhận xử lý',
  complete: 'hoàn thành xử lý',
};

export interface IncomingDocument {
  id: string;
  agencyId: string;
  version: number;
  status: IncomingStatus;
  /** The sender (tác giả) and the document as it was received. */
  author: string;
  numberSymbol?: string;
  typeName: string;
  summary: string;
  urgency: Urgency;
  receivedAt: string;
  registration?: { position: RegisterPosition; registeredOn: string };
  assignment?: { assigneeId: string; directions: string; deadline?: string; assignedBy: string };
  completion?: { at: string; replyNumberSymbol?: string };
  history: readonly HistoryEntry<IncomingStatus, IncomingActionType>[];
}

export interface IncomingContext {
  caller: Caller;
  now: Date;
  /** For `register`: the last position of the agency's incoming register, read with the document. */
  register?: { last: RegisterPosition | undefined };
  /** For `assign`: the roster entry of the official named. */
  officials?: readonly Official[];
}

const incomingLifecycle: DocumentLifecycle<IncomingStatus, IncomingActionType, IncomingDocument> = {
  transitions: incomingTransitions,
  actionLabels: incomingActionLabels,
  statusLabel: (status) => incomingStatuses[status].vi,
  actorFor,
};

export function allowedIncomingActions(caller: Caller, document: IncomingDocument): IncomingActionType[] {
  return allowedSteps(incomingLifecycle, caller, document);
}

function actorFor(type: IncomingActionType, caller: Caller, document: IncomingDocument) {
  const role = actingRole(caller, document.agencyId, incomingTransitions[type].by);
  if (!role) return undefined;
  // Only the unit or person the leader named handles it (Điều 23 khoản 4, Điều 24 khoản 2).
  if ((type === 'start' || type === 'complete') && caller.sub !== document.assignment?.assigneeId) return undefined;
  return role;
}

export function actOnIncoming(
  document: IncomingDocument,
  action: IncomingAction,
  ctx: IncomingContext,
): IncomingDocument {
  return takeStep(incomingLifecycle, document, { type: action.type, caller: ctx.caller, now: ctx.now }, () =>
    stepChanges(document, action, ctx),
  );
}

const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new RuleViolation('invalid', code, message, details);

function stepChanges(
  document: IncomingDocument,
  action: IncomingAction,
  ctx: IncomingContext,
): { document?: Partial<IncomingDocument>; note?: string } {
  switch (action.type) {
    case 'return-to-sender':
      return {
        note: requiredText(
          action.reason,
          'reason-required',
          'Cần nêu lý do trả lại văn bản cho nơi gửi (Điều 21 khoản 2 điểm b Nghị định 30/2020/NĐ-CP).',
        ),
      };
    case 'register': {
      if (!ctx.register) throw new Error('The incoming register was not loaded');
      const position = nextRegisterPosition(ctx.register.last, ctx.now);
      return {
        document: { registration: { position, registeredOn: toVnDate(ctx.now) } },
        note: `Số đến: ${position.number}/${position.year}.`,
      };
    }
    case 'present':
      return {};
    case 'assign': {
      const directions = requiredText(
        action.directions,
        'directions-required',
        'Cần ghi ý kiến chỉ đạo giải quyết (Điều 23 khoản 2 Nghị định 30/2020/NĐ-CP).',
      );
      assertAssignee(action.assigneeId, document.agencyId, ctx.officials);
      if (action.deadline !== undefined) assertDeadline(action.deadline, ctx.now);
      return {
        document: {
          assignment: {
            assigneeId: action.assigneeId,
            directions,
            assignedBy: ctx.caller.sub,
            ...(action.deadline !== undefined ? { deadline: action.deadline } : {}),
          },
        },
        note: directions,
      };
    }
    case 'start':
      return {};
    case 'complete': {
      const note = action.note?.trim();
      return {
        document: {
          completion: {
            at: toVnIso(ctx.now),
            ...(action.replyNumberSymbol ? { replyNumberSymbol: action.replyNumberSymbol } : {}),
          },
        },
        ...(note ? { note } : {}),
      };
    }
  }
}

/** An active official of the document's agency who handles documents (specialist or leader). */
function assertAssignee(assigneeId: string, agencyId: string, officials: readonly Official[] = []): void {
  const official = officials.find((o) => o.sub === assigneeId);
  const eligible =
    official !== undefined &&
    official.active &&
    official.agencyId === agencyId &&
    official.roles.some((role) => role === 'specialist' || role === 'leader');
  if (!eligible) {
    throw invalid(
      'assignee-not-eligible',
      `Không thể giao xử lý văn bản cho ${assigneeId}: chỉ giao cho cán bộ đang hoạt động của cơ quan.`,
      { assigneeId, agencyId },
    );
  }
}

/** A deadline is a local date, not before the day it is set. */
function assertDeadline(deadline: string, now: Date): void {
  let day: number;
  try {
    day = dayNumberOfVnDate(deadline);
  } catch {
    throw invalid('deadline-invalid', `Thời hạn giải quyết "${deadline}" không phải là ngày hợp lệ (YYYY-MM-DD).`);
  }
  if (day < vnDayNumber(now)) {
    throw invalid('deadline-in-past', 'Thời hạn giải quyết không được trước ngày giao xử lý.', {
      deadline,
      today: toVnDate(now),
    });
  }
}

/**
 * Whether handling is late: a deadline is a whole local day, so the document is late from local
 * midnight after it while not done, or when it was done after that day.
 */
export function isHandlingLate(document: Pick<IncomingDocument, 'assignment' | 'completion'>, now: Date): boolean {
  const deadline = document.assignment?.deadline;
  if (deadline === undefined) return false;
  const end = document.completion ? new Date(document.completion.at) : now;
  return vnDayNumber(end) > dayNumberOfVnDate(deadline);
}
