/**
 * Who takes the steps of Nghị định 30/2020/NĐ-CP, in the platform's roles (shared/domain/caller.ts), and
 * the history both lifecycles keep. Pure.
 */
import { type Caller, hasRole, type Role } from '../caller.ts';
import { RuleViolation } from '../rule-violation.ts';

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
