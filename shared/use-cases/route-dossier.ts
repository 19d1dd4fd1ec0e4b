import type { AgencyRepository } from '../adapters/dynamo/agency-repository.ts';
import type { DossierRepository } from '../adapters/dynamo/dossier-repository.ts';
import type { OutboxRelay } from '../adapters/outbox-relay.ts';
import { placeInIntakeQueue } from '../domain/dossier/intake-queue.ts';
import type { DomainEvent } from '../domain/events.ts';
import { RuleViolation } from '../domain/rule-violation.ts';

export interface RouteDossierDeps {
  dossiers: DossierRepository;
  agencies: AgencyRepository;
  relay: OutboxRelay;
  now: () => Date;
}

const attempts = 3;

/**
 * On `DossierSubmitted`: put the dossier in its agency's intake queue. Redelivery is harmless (the
 * rule returns nothing once done) and a concurrent change is met by re-reading and deciding again.
 */
export function routeDossier(deps: RouteDossierDeps) {
  return async (event: DomainEvent): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const stored = await deps.dossiers.get(event.dossierCode);
      if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
      const agency = await deps.agencies.get(stored.dossier.agencyId);
      if (!agency) throw new Error(`Agency ${stored.dossier.agencyId} not found`);
      const decision = placeInIntakeQueue(stored.dossier, agency, deps.now());
      if (!decision) {
        await deps.relay(stored);
        return;
      }
      try {
        await deps.relay(await deps.dossiers.save(stored.dossier, decision));
        return;
      } catch (error) {
        const lostRace = error instanceof RuleViolation && error.code === 'version-conflict';
        if (!lostRace || attempt >= attempts) throw error;
      }
    }
  };
}
