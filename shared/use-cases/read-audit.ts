/**
 * The read audit docs/domain.md asks for: every read of a dossier by an official (or an auditor, an
 * admin) is recorded — who, when, which dossier, through which route. Nothing personal beyond the
 * reader's subject: the applicant's own reads are not recorded.
 */
import type * as z from 'zod/mini';
import { type Caller, hasRole, type Role } from '../domain/caller.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { type FunctionName, functionSettings } from '../function-settings.ts';
import type { PageQuery } from './pagination.ts';
import type { DossierRepository } from './ports/dossier-repository.ts';
import type { ReadAuditLog } from './ports/read-audit-log.ts';

const auditedRoles: Role[] = ['receiver', 'specialist', 'leader', 'auditor', 'admin'];

/** Whose reads are recorded: anyone reading in an official capacity. */
export const isAuditedReader = (caller: Caller): boolean => hasRole(caller, ...auditedRoles);

function routeOf(name: FunctionName): string {
  const { route } = functionSettings(name);
  return route ? `${route.method} ${route.path}` : name;
}

/** Records a read that was allowed (call it once the dossier was read): at most one PutItem. */
export function auditDossierRead(log: ReadAuditLog, name: FunctionName, now: () => Date) {
  const route = routeOf(name);
  return async (caller: Caller, dossierCode: string, requestId: string): Promise<void> => {
    if (!isAuditedReader(caller)) return;
    await log.record({
      dossierCode,
      at: now().toISOString(),
      sub: caller.sub,
      roles: caller.roles.filter((r) => auditedRoles.includes(r)),
      ...(caller.agencyId ? { agencyId: caller.agencyId } : {}),
      route,
      requestId,
    });
  };
}

/** A dossier's reads for auditors, newest first; 404 for a dossier that does not exist. */
export function listDossierReads(deps: { dossiers: DossierRepository; log: ReadAuditLog }) {
  return async (code: string, page: z.output<typeof PageQuery>) => {
    if (!(await deps.dossiers.get(code))) throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ.');
    const { items, nextCursor } = await deps.log.list(code, page);
    return { code, items, ...(nextCursor ? { nextCursor } : {}) };
  };
}
