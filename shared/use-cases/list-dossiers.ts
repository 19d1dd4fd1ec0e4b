import * as z from 'zod/mini';
import type { DossierRepository } from './ports/dossier-repository.ts';
import { agencyIdPattern } from '../domain/agency.ts';
import { canReadWorkQueue } from '../domain/authorization.ts';
import type { Caller } from '../domain/caller.ts';
import { dossierStatuses } from '../domain/dossier/status.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { toVnIso } from '../domain/time.ts';
import { dossierSummary } from './dossier-view.ts';
import { PageQuery } from './pagination.ts';

export const AgencyParams = z.strictObject({
  id: z.string().check(z.regex(agencyIdPattern, 'Mã cơ quan không hợp lệ')),
});

export const WorkQueueQuery = z.extend(PageQuery, {
  status: z.optional(z.enum(Object.keys(dossierStatuses) as [keyof typeof dossierStatuses])),
  overdue: z.optional(z.enum(['true', 'false'])),
});

export function listMyDossiers(dossiers: DossierRepository, now: () => Date) {
  return async (caller: Caller, page: z.output<typeof PageQuery>) => {
    const { items, nextCursor } = await dossiers.listByApplicant(caller.sub, page);
    const at = now();
    return { items: items.map((d) => dossierSummary(d, at)), ...(nextCursor ? { nextCursor } : {}) };
  };
}

/** An agency's work queue, soonest due first: its own officials and auditors only (404 to others). */
export function listAgencyDossiers(dossiers: DossierRepository, now: () => Date) {
  return async (caller: Caller, agencyId: string, query: z.output<typeof WorkQueueQuery>) => {
    if (!canReadWorkQueue(caller, agencyId)) {
      throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy cơ quan.');
    }
    const at = now();
    const { items, nextCursor } = await dossiers.listWorkQueue(
      agencyId,
      {
        ...(query.overdue ? { due: { at: toVnIso(at), before: query.overdue === 'true' } } : {}),
        // A decided dossier waits for its return, no longer for the deadline.
        ...(query.overdue === 'true' ? { excludeStatus: 'decided' } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
    );
    return { items: items.map((d) => dossierSummary(d, at)), ...(nextCursor ? { nextCursor } : {}) };
  };
}
