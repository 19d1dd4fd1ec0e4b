import type { Official } from '../official.ts';
import type { ProcessStep } from '../procedure.ts';
import { RuleViolation } from '../rule-violation.ts';

const stepRoleText: Record<ProcessStep['role'], string> = {
  receiver: 'tiếp nhận hồ sơ',
  specialist: 'chuyên viên xử lý',
  leader: 'lãnh đạo',
};

/**
 * Who a forward may name for the next step: an active official of the agency that holds the dossier for
 * that step, holding the role the procedure gives it. A citizen, another agency's official, a deactivated
 * one or one without the role would be handed a dossier they may not act on (or, a citizen, read).
 * `officials` are the roster entries the use case read for the action; a name without one is refused.
 */
export function assertEligibleAssignee(
  assigneeId: string,
  next: { agencyId: string; role: ProcessStep['role']; stepName: string },
  officials: readonly Official[] = [],
): void {
  const official = officials.find((o) => o.sub === assigneeId);
  const eligible =
    official !== undefined &&
    official.active &&
    official.agencyId === next.agencyId &&
    official.roles.includes(next.role);
  if (eligible) return;
  throw new RuleViolation(
    'invalid',
    'assignee-not-eligible',
    `Không thể giao bước "${next.stepName}" cho ${assigneeId}: chỉ giao cho cán bộ đang hoạt động của cơ quan ${next.agencyId} có vai trò ${stepRoleText[next.role]}.`,
    { assigneeId, agencyId: next.agencyId, role: next.role },
  );
}
