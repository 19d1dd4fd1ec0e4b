/**
 * The outgoing document (văn bản đi) from draft to issuance, Nghị định 30/2020/NĐ-CP:
 * - drafting by the unit or person assigned (Điều 10 khoản 1–2), back to the drafter when the
 *   competent person asks for changes (Điều 10 khoản 3; Điều 11 khoản 2);
 * - the check before signature: the head of the drafting unit answers for the content, the person in
 *   charge for form and layout (Điều 12);
 * - approval of the draft and signature by the person competent to sign (Điều 11 khoản 1), a digital
 *   signature on an electronic document (Điều 13 khoản 7);
 * - then, at the clerical office and in this order (Điều 14): number and date of issuance given by the
 *   system (Điều 15 khoản 1 and 3) and entered in the outgoing register (Điều 16); the agency's digital
 *   signature in place of the seal (Điều 14 khoản 3, Điều 17 khoản 2; Phụ lục I, Phần I, Mục II,
 *   khoản 8); issuance and sending, the day it is signed or the next working day at the latest (Điều 18
 *   khoản 1). The agency signs after the number: on an attachment in its own file, that signature shows the
 *   document's number and symbol (Phụ lục I, Phần I, Mục II, khoản 8 điểm b).
 * Pure: every step takes the instant it happens at.
 */
import type { Caller } from '../caller.ts';
import { RuleViolation } from '../rule-violation.ts';
import { toVnDate } from '../time.ts';
import {
  actingRole,
  actionRefused,
  allowedSteps,
  checkStep,
  clerkRole,
  type DocumentLifecycle,
  type DocumentTransition,
  type HistoryEntry,
  requiredText,
  takeStep,
} from './actors.ts';
import type { DocumentTypeId } from './document-types.ts';
import { formatNumberSymbol } from './number-symbol.ts';
import { type RegisterKey, type RegisterPosition, registerYear, type Urgency } from './register.ts';

export const outgoingStatuses = {
  drafting: { vi: 'Đang soạn thảo' },
  reviewing: { vi: 'Chờ kiểm tra' },
  'awaiting-signature': { vi: 'Chờ duyệt, ký' },
  signed: { vi: 'Đã ký, chờ cấp số' },
  numbered: { vi: 'Đã cấp số, chờ ký số cơ quan' },
  'agency-signed': { vi: 'Đã ký số cơ quan, chờ phát hành' },
  issued: { vi: 'Đã phát hành' },
} as const;
export type OutgoingStatus = keyof typeof outgoingStatuses;

export type OutgoingAction =
  | { type: 'submit' }
  | { type: 'return'; comments: string }
  | { type: 'review' }
  | { type: 'sign' }
  | { type: 'number' }
  | { type: 'agency-sign' }
  | { type: 'issue' };
export type OutgoingActionType = OutgoingAction['type'];

export const outgoingTransitions: Record<OutgoingActionType, DocumentTransition<OutgoingStatus>> = {
  submit: { from: ['drafting'], to: 'reviewing', by: ['specialist'] },
  return: { from: ['reviewing', 'awaiting-signature'], to: 'drafting', by: ['leader'] },
  review: { from: ['reviewing'], to: 'awaiting-signature', by: ['leader'] },
  sign: { from: ['awaiting-signature'], to: 'signed', by: ['leader'] },
  number: { from: ['signed'], to: 'numbered', by: [clerkRole] },
  'agency-sign': { from: ['numbered'], to: 'agency-signed', by: [clerkRole] },
  issue: { from: ['agency-signed'], to: 'issued', by: [clerkRole] },
};

export const outgoingActionLabels: Record<OutgoingActionType, string> = {
  submit: 'trình kiểm tra bản thảo',
  return: 'trả lại bản thảo để sửa',
  review: 'kiểm tra, trình ký',
  sign: 'duyệt và ký',
  number: 'cấp số',
  'agency-sign': 'ký số của cơ quan',
  issue: 'phát hành',
};

export interface OutgoingDocument {
  id: string;
  agencyId: string;
  version: number;
  status: OutgoingStatus;
  type: DocumentTypeId;
  /** Trích yếu nội dung. */
  summary: string;
  urgency: Urgency;
  /** The specialist assigned to draft it (Điều 10 khoản 1). */
  authorId: string;
  /** The person competent to sign, who approves the draft (Điều 11 khoản 1). */
  signerId: string;
  /** The symbol's groups: the issuer's abbreviation, and a công văn's drafting unit. */
  issuer: string;
  unit?: string;
  /** Set when numbered: the register's number, the number and symbol, the date of issuance (Điều 15). */
  numbering?: { position: RegisterPosition; numberSymbol: string; issuedOn: string };
  history: readonly HistoryEntry<OutgoingStatus, OutgoingActionType>[];
}

export interface OutgoingContext {
  caller: Caller;
  now: Date;
  /**
   * For `number`: the position the agency's outgoing register gave this document (DocumentRegister
   * claimNumber, at `now`). The register numbers; the step only records what it gave.
   */
  register?: { claimed: RegisterPosition };
}

/**
 * The register an outgoing document is numbered in: its agency's general one. Secret documents and
 * advisory bodies number apart (Điều 15 khoản 2; Phụ lục I, Phần I, Mục II, khoản 3 điểm a), in a
 * series of their own once documents carry one.
 */
export const outgoingRegisterOf = (document: Pick<OutgoingDocument, 'agencyId'>): RegisterKey => ({
  agencyId: document.agencyId,
  kind: 'outgoing',
  series: 'chung',
});

const outgoingLifecycle: DocumentLifecycle<OutgoingStatus, OutgoingActionType, OutgoingDocument> = {
  transitions: outgoingTransitions,
  actionLabels: outgoingActionLabels,
  statusLabel: (status) => outgoingStatuses[status].vi,
  actorFor,
};

/** The actions the caller may take now, by the same table and rules `actOnOutgoing` checks. */
export function allowedOutgoingActions(caller: Caller, document: OutgoingDocument): OutgoingActionType[] {
  return allowedSteps(outgoingLifecycle, caller, document);
}

function actorFor(type: OutgoingActionType, caller: Caller, document: OutgoingDocument) {
  const role = actingRole(caller, document.agencyId, outgoingTransitions[type].by);
  if (!role) return undefined;
  // The drafter submits their own draft; only the competent person approves and signs it (Điều 11 khoản 1),
  // and, once it waits for them, only they send it back (Điều 11 khoản 2).
  if (type === 'submit' && caller.sub !== document.authorId) return undefined;
  if (type === 'sign' && caller.sub !== document.signerId) return undefined;
  if (type === 'return' && document.status === 'awaiting-signature' && caller.sub !== document.signerId) {
    return undefined;
  }
  return role;
}

/**
 * What numbering a document needs, checked BEFORE a number is claimed from the register, so a document
 * the step would refuse never holds one (it would stand in the register as a number issued to nothing):
 * `numbered` when it already holds its number (a retry: nothing to do, by a clerk of its agency only),
 * `due` when the `number` step may be taken and its symbol can be written; else the step's refusal
 * (`document-transition-not-allowed`, `document-action-not-allowed`) or the symbol's.
 */
export function numberingDue(document: OutgoingDocument, caller: Caller): 'numbered' | 'due' {
  if (document.numbering) {
    if (!actorFor('number', caller, document)) throw actionRefused(outgoingActionLabels.number);
    return 'numbered';
  }
  checkStep<OutgoingStatus, OutgoingActionType, OutgoingDocument>(outgoingLifecycle, document, {
    type: 'number',
    caller,
  });
  numberSymbolOf(document, 1);
  return 'due';
}

const numberSymbolOf = (document: OutgoingDocument, number: number) =>
  formatNumberSymbol({
    number,
    type: document.type,
    issuer: document.issuer,
    ...(document.unit !== undefined ? { unit: document.unit } : {}),
  });

/** One step of the outgoing document's life: checks status, role and person, returns the new document. */
export function actOnOutgoing(
  document: OutgoingDocument,
  action: OutgoingAction,
  ctx: OutgoingContext,
): OutgoingDocument {
  return takeStep(outgoingLifecycle, document, { type: action.type, caller: ctx.caller, now: ctx.now }, () =>
    stepChanges(document, action, ctx),
  );
}

function stepChanges(
  document: OutgoingDocument,
  action: OutgoingAction,
  ctx: OutgoingContext,
): { document?: Partial<OutgoingDocument>; note?: string } {
  switch (action.type) {
    case 'return':
      return {
        note: requiredText(
          action.comments,
          'comments-required',
          'Cần ghi ý kiến sửa đổi, bổ sung bản thảo (Điều 10 khoản 3 Nghị định 30/2020/NĐ-CP).',
        ),
      };
    case 'number': {
      if (!ctx.register) throw new Error('The outgoing register gave no number');
      const position = ctx.register.claimed;
      // The number runs within the year of issuance (Điều 15 khoản 1): one claimed in another year is not this
      // document's number today.
      const year = registerYear(ctx.now);
      if (position.year !== year) {
        throw new RuleViolation(
          'conflict',
          'register-year-mismatch',
          `Số ${position.number} được cấp trong sổ năm ${position.year}; văn bản ban hành năm ${year} phải lấy số của năm ${year}.`,
          { registerYear: position.year, year },
        );
      }
      const numberSymbol = numberSymbolOf(document, position.number);
      return {
        document: { numbering: { position, numberSymbol, issuedOn: toVnDate(ctx.now) } },
        note: `Số, ký hiệu: ${numberSymbol}.`,
      };
    }
    case 'agency-sign':
    case 'issue':
      if (!document.numbering) {
        throw new RuleViolation('invalid', 'document-not-numbered', 'Văn bản chưa được cấp số.');
      }
      return {};
    case 'submit':
    case 'review':
    case 'sign':
      return {};
  }
}
