/**
 * Who takes the steps of Nghị định 30/2020/NĐ-CP, in the platform's roles (shared/domain/caller.ts), and
 * the history both lifecycles keep. Pure.
 */
import { type Caller, hasRole, type Role } from '../caller.ts';
import { RuleViolation } from '../rule-violation.ts';
import { toVnIso } from '../time.ts';

/**
 * The clerical office (Văn thư cơ quan, Điều 3 khoản 17) numbers, registers, signs with the agency's
 * certificate, issues, receives and presents documents (Điều 6 khoản 3). The platform has no role of
 * its own for it: the receiver, who already takes in what arrives at the agency, stands for it.
 */
export const clerkRole = 'receiver' as const satisfies Role;

/** One step in a document's history: who, in which role, from which status to which. */
export interface HistoryEntry<Status extends string, ActionType extends string> {
  at: string;
  actor: { sub: string; role: Role };
  action: ActionType;
  from: Status;
  to: Status;
  note?: string;
}

/** A transition of a lifecycle table: the statuses it leaves, the one it reaches, the roles that may take it. */
export interface DocumentTransition<Status extends string> {
  from: readonly Status[];
  to: Status;
  by: readonly Role[];
}

export const transitionRefused = (label: string, statusLabel: string) =>
  new RuleViolation(
    'invalid',
    'document-transition-not-allowed',
    `Không thể "${label}" khi văn bản ở trạng thái "${statusLabel}".`,
  );

export const actionRefused = (label: string) =>
  new RuleViolation('forbidden', 'document-action-not-allowed', `Bạn không có quyền "${label}" văn bản này.`);

/** The role the caller acts in: one the step allows, held at the document's own agency. */
export function actingRole(caller: Caller, agencyId: string, by: readonly Role[]): Role | undefined {
  if (caller.agencyId !== agencyId) return undefined;
  return by.find((role) => hasRole(caller, role));
}

/** A required free text (comments, a reason, directions), trimmed; refused when empty. */
export function requiredText(value: string | undefined, code: string, message: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw new RuleViolation('invalid', code, message);
  return text;
}

/** A document's lifecycle as a table: its transitions, the words for its steps and statuses, who may act. */
export interface DocumentLifecycle<Status extends string, ActionType extends string, Document> {
  transitions: Record<ActionType, DocumentTransition<Status>>;
  actionLabels: Record<ActionType, string>;
  statusLabel: (status: Status) => string;
  /** The role the caller takes the step in, or `undefined` when they may not (role, agency, person). */
  actorFor: (type: ActionType, caller: Caller, document: Document) => Role | undefined;
}

interface Stepped<Status extends string, ActionType extends string> {
  status: Status;
  version: number;
  history: readonly HistoryEntry<Status, ActionType>[];
}

/** The steps the caller may take now, by the same table and rules {@link takeStep} checks. */
export function allowedSteps<
  Status extends string,
  ActionType extends string,
  Document extends Stepped<Status, ActionType>,
>(lifecycle: DocumentLifecycle<Status, ActionType, Document>, caller: Caller, document: Document): ActionType[] {
  return (Object.keys(lifecycle.transitions) as ActionType[]).filter(
    (type) =>
      lifecycle.transitions[type].from.includes(document.status) &&
      lifecycle.actorFor(type, caller, document) !== undefined,
  );
}

/**
 * Whether the step may be taken now, without taking it: refused when the status does not allow it
 * (`document-transition-not-allowed`) or the caller may not take it (`document-action-not-allowed`);
 * else the role the caller takes it in. For a step that first spends something outside the document
 * (a register's number), checked before spending it.
 */
export function checkStep<
  Status extends string,
  ActionType extends string,
  Document extends Stepped<Status, ActionType>,
>(
  lifecycle: DocumentLifecycle<Status, ActionType, Document>,
  document: Document,
  step: { type: ActionType; caller: Caller },
): Role {
  const label = lifecycle.actionLabels[step.type];
  if (!lifecycle.transitions[step.type].from.includes(document.status)) {
    throw transitionRefused(label, lifecycle.statusLabel(document.status));
  }
  const role = lifecycle.actorFor(step.type, step.caller, document);
  if (!role) throw actionRefused(label);
  return role;
}

/**
 * One step: refused when the status does not allow it (`document-transition-not-allowed`) or the caller
 * may not take it (`document-action-not-allowed`); else the step's own `changes` (checked after those two),
 * the new status, the next version and the step in the history.
 */
export function takeStep<
  Status extends string,
  ActionType extends string,
  Document extends Stepped<Status, ActionType>,
>(
  lifecycle: DocumentLifecycle<Status, ActionType, Document>,
  document: Document,
  step: { type: ActionType; caller: Caller; now: Date },
  changes: () => { document?: Partial<Document>; note?: string | undefined },
): Document {
  const transition = lifecycle.transitions[step.type];
  const role = checkStep(lifecycle, document, step);
  const { document: changed, note } = changes();
  return {
    ...document,
    ...changed,
    status: transition.to,
    version: document.version + 1,
    history: [
      ...document.history,
      {
        at: toVnIso(step.now),
        actor: { sub: step.caller.sub, role },
        action: step.type,
        from: document.status,
        to: transition.to,
        ...(note ? { note } : {}),
      },
    ],
  };
}
