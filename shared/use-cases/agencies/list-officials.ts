import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { Caller } from '../../domain/caller.ts';
import { canListOfficials } from '../../domain/official.ts';
import { agencyNotFound } from './params.ts';

/** An agency's roster, by subject: admins see any agency's, a leader their own; others get 404. */
export function listOfficials(agencies: AgencyRepository) {
  return async (caller: Caller, agencyId: string, page: { limit: number; cursor?: string }) => {
    if (!canListOfficials(caller, agencyId)) throw agencyNotFound(agencyId);
    if (!(await agencies.get(agencyId))) throw agencyNotFound(agencyId);
    return agencies.listOfficials(agencyId, page);
  };
}
