import type { AgencyRepository } from './ports/agency-repository.ts';
import type { DossierRepository } from './ports/dossier-repository.ts';
import { placeInIntakeQueue } from '../domain/dossier/intake-queue.ts';
import type { DomainEvent } from '../domain/events.ts';
import { changeDossier } from './change-dossier.ts';

export interface RouteDossierDeps {
  dossiers: DossierRepository;
  agencies: AgencyRepository;
  now: () => Date;
}

/**
 * On `DossierSubmitted`: put the dossier in its agency's intake queue. Redelivery is harmless (the
 * rule returns nothing once done).
 */
export function routeDossier(deps: RouteDossierDeps) {
  return (event: DomainEvent): Promise<void> =>
    changeDossier(deps, event.dossierCode, async ({ dossier }) => {
      const agency = await deps.agencies.get(dossier.agencyId);
      if (!agency) throw new Error(`Agency ${dossier.agencyId} not found`);
      return placeInIntakeQueue(dossier, agency, deps.now());
    });
}
