/**
 * The law of feedback: who may file it, who may do what to it in which status, and the 5-working-day
 * window to forward it to the competent agency. Pure: the use cases read and write.
 */
import { dueDate, type WorkingCalendar } from '../calendar/index.ts';
import { type Caller, hasRole, type Role } from '../caller.ts';
import type { Official } from '../official.ts';
import { RuleViolation } from '../rule-violation.ts';
import { toVnIso } from '../time.ts';
import {
  defaultAnswerWithin,
  type Feedback,
  type FeedbackContact,
  type FeedbackStatus,
  feedbackStatuses,
  forwardWithin,
  maxFeedbackHistory,
  type PublishedFeedback,
} from './feedback.ts';

export interface FileFeedbackInput {
  title: string;
  content: string;
  agencyId: string;
  dossierCode?: string;
  anonymous?: boolean;
  contact?: FeedbackContact;
}

/** A citizen files feedback. The dossier, when named, has been checked to be the caller's own. */
export function fileFeedback(caller: Caller, input: FileFeedbackInput, id: string, now: Date): Feedback {
  if (!hasRole(caller, 'citizen'))
    throw new RuleViolation('forbidden', 'forbidden', 'Chỉ công dân gửi phản ánh, kiến nghị.');
  const anonymous = input.anonymous === true;
  if (anonymous && input.dossierCode) {
    throw new RuleViolation(
      'invalid',
      'anonymous-with-dossier',
      'Phản ánh ẩn danh không gắn với hồ sơ: hồ sơ cho biết người nộp là ai.',
    );
  }
  if (anonymous && input.contact) {
    throw new RuleViolation('invalid', 'anonymous-with-contact', 'Phản ánh ẩn danh không kèm thông tin liên hệ.');
  }
  const at = toVnIso(now);
  return {
    id,
    version: 1,
    status: 'received',
    title: input.title,
    content: input.content,
    ...(input.dossierCode ? { dossierCode: input.dossierCode } : {}),
    agencyId: input.agencyId,
    authorId: caller.sub,
    anonymous,
    ...(input.contact ? { contact: input.contact } : {}),
    filedAt: at,
    receivedAt: at,
    forwards: [],
    history: [
      {
        at,
        actor: { sub: caller.sub, role: 'citizen' },
        action: 'file',
        to: 'received',
        agencyId: input.agencyId,
        note: 'Phản ánh, kiến nghị đã được tiếp nhận.',
      },
    ],
  };
}

export type FeedbackAction =
  | { type: 'assign'; assigneeId: string }
  | { type: 'answer'; text: string }
  | { type: 'forward'; agencyId: string; reason: string }
  | { type: 'publish'; title: string; summary?: string; answer?: string };

export type FeedbackActionType = FeedbackAction['type'];

const handling: readonly Role[] = ['receiver', 'specialist', 'leader'];

/** Who may take each action (besides the assignee answering) and from which statuses. */
export const feedbackRules: Record<FeedbackActionType, { roles: readonly Role[]; from: readonly FeedbackStatus[] }> = {
  assign: { roles: ['leader', 'receiver'], from: ['received', 'assigned'] },
  answer: { roles: ['leader'], from: ['received', 'assigned'] },
  forward: { roles: ['leader', 'receiver'], from: ['received', 'assigned'] },
  publish: { roles: ['leader'], from: ['answered'] },
};

const actionLabels: Record<FeedbackActionType, string> = {
  assign: 'phân công xử lý',
  answer: 'trả lời',
  forward: 'chuyển cơ quan khác',
  publish: 'công khai',
};

/** A write on a version that is no longer the feedback's (someone changed it meanwhile): 409, reload. */
export const feedbackConflict = (currentVersion?: number) =>
  new RuleViolation('conflict', 'version-conflict', 'Phản ánh vừa được người khác cập nhật; vui lòng tải lại.', {
    currentVersion,
  });

/** An official of the agency that holds the feedback (others are told it does not exist). */
export const handlesFeedback = (caller: Caller, feedback: Pick<Feedback, 'agencyId'>): boolean =>
  hasRole(caller, ...handling) && caller.agencyId === feedback.agencyId;

/** How the caller reads a feedback: as its author, as an official, or not at all (404). */
export function feedbackReader(caller: Caller, feedback: Feedback): 'author' | 'official' | undefined {
  if (hasRole(caller, 'citizen') && feedback.authorId === caller.sub) return 'author';
  if (hasRole(caller, 'auditor') || handlesFeedback(caller, feedback)) return 'official';
  return undefined;
}

/**
 * The latest instant the holding agency should answer the feedback: the close of the N-th working
 * day after its receipt there (defaultAnswerWithin, configurable).
 */
export const answerDeadline = (
  calendar: WorkingCalendar,
  receivedAt: string,
  within: { workingDays: number } = defaultAnswerWithin,
): Date => dueDate(calendar, new Date(receivedAt), within);

/** The latest instant the holding agency may forward the feedback. */
export const forwardDeadline = (calendar: WorkingCalendar, receivedAt: string): Date =>
  dueDate(calendar, new Date(receivedAt), forwardWithin);

export interface FeedbackActContext {
  caller: Caller;
  now: Date;
  /** The holding agency's calendar (forward). */
  calendar: WorkingCalendar;
  /** The roster entry of the official to assign, when there is one (assign). */
  assignee?: Official;
  /** Whether the agency to forward to exists (forward). */
  targetExists?: boolean;
}

export function actOnFeedback(feedback: Feedback, action: FeedbackAction, ctx: FeedbackActContext): Feedback {
  const { caller } = ctx;
  if (!handlesFeedback(caller, feedback)) {
    throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy phản ánh, kiến nghị.');
  }
  const rule = feedbackRules[action.type];
  const isAssignee = action.type === 'answer' && feedback.assigneeId === caller.sub;
  if (!isAssignee && !hasRole(caller, ...rule.roles)) {
    throw new RuleViolation(
      'forbidden',
      'action-not-allowed',
      `Bạn không có quyền ${actionLabels[action.type]} phản ánh, kiến nghị này.`,
    );
  }
  if (!rule.from.includes(feedback.status)) {
    throw new RuleViolation(
      'conflict',
      'feedback-status',
      `Không thể ${actionLabels[action.type]} phản ánh, kiến nghị đang ở trạng thái "${feedbackStatuses[feedback.status].vi}".`,
      { feedbackStatus: feedback.status },
    );
  }
  if (feedback.history.length >= maxFeedbackHistory) {
    throw new RuleViolation('invalid', 'history-full', 'Nhật ký phản ánh đã đầy; liên hệ quản trị hệ thống.');
  }
  const at = toVnIso(ctx.now);
  const change = changeOf(feedback, action, ctx, at);
  const role = caller.roles.find((r) => handling.includes(r)) ?? 'specialist';
  const { assigneeId: _assignee, ...rest } = feedback;
  const keepsAssignee = change.assigneeId !== null && (change.assigneeId ?? feedback.assigneeId);
  return {
    ...rest,
    ...change.fields,
    ...(keepsAssignee ? { assigneeId: keepsAssignee } : {}),
    version: feedback.version + 1,
    status: change.to,
    history: [
      ...feedback.history,
      {
        at,
        actor: { sub: caller.sub, role },
        action: action.type,
        from: feedback.status,
        to: change.to,
        agencyId: change.fields.agencyId ?? feedback.agencyId,
        note: change.note,
      },
    ],
  };
}

interface Change {
  to: FeedbackStatus;
  fields: Partial<Feedback>;
  /** `null` clears the assignee; undefined keeps it. */
  assigneeId?: string | null;
  note: string;
}

function changeOf(feedback: Feedback, action: FeedbackAction, ctx: FeedbackActContext, at: string): Change {
  switch (action.type) {
    case 'assign': {
      const official = ctx.assignee;
      if (
        !official ||
        !official.active ||
        official.agencyId !== feedback.agencyId ||
        !official.roles.some((r) => handling.includes(r))
      ) {
        throw new RuleViolation(
          'invalid',
          'unknown-assignee',
          'Người được phân công phải là cán bộ đang công tác tại cơ quan xử lý phản ánh.',
        );
      }
      return { to: 'assigned', fields: {}, assigneeId: official.sub, note: 'Phản ánh, kiến nghị đang được xử lý.' };
    }
    case 'answer':
      return {
        to: 'answered',
        fields: { answer: { text: action.text, by: ctx.caller.sub, agencyId: feedback.agencyId, at } },
        note: 'Cơ quan đã trả lời phản ánh, kiến nghị.',
      };
    case 'forward': {
      if (action.agencyId === feedback.agencyId) {
        throw new RuleViolation('invalid', 'same-agency', 'Không thể chuyển phản ánh cho chính cơ quan đang xử lý.');
      }
      if (!ctx.targetExists) {
        throw new RuleViolation('invalid', 'unknown-agency', `Không có cơ quan mã ${action.agencyId}.`);
      }
      if (ctx.now.getTime() > forwardDeadline(ctx.calendar, feedback.receivedAt).getTime()) {
        throw new RuleViolation(
          'conflict',
          'forward-too-late',
          'Đã quá 5 ngày làm việc kể từ ngày tiếp nhận: cơ quan phải tự xử lý, trả lời phản ánh, kiến nghị này.',
          { receivedAt: feedback.receivedAt },
        );
      }
      return {
        to: 'received',
        fields: {
          agencyId: action.agencyId,
          receivedAt: at,
          forwards: [
            ...feedback.forwards,
            {
              from: feedback.agencyId,
              to: action.agencyId,
              reason: action.reason,
              at,
              by: ctx.caller.sub,
              receivedAt: feedback.receivedAt,
            },
          ],
        },
        assigneeId: null,
        note: `Phản ánh, kiến nghị được chuyển đến cơ quan có thẩm quyền. Lý do: ${action.reason}`,
      };
    }
    case 'publish': {
      const answer = feedback.answer;
      if (!answer) throw new Error(`Feedback ${feedback.id} is answered without an answer`);
      const published: PublishedFeedback = {
        title: action.title,
        ...(action.summary ? { summary: action.summary } : {}),
        answer: action.answer ?? answer.text,
        agencyId: feedback.agencyId,
        filedAt: feedback.filedAt,
        answeredAt: answer.at,
        publishedAt: at,
      };
      return { to: 'published', fields: { published }, note: 'Nội dung trả lời đã được công khai.' };
    }
  }
}
