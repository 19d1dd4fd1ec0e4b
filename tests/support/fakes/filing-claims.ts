import type { FilingClaim, FilingClaims } from '../../../shared/use-cases/ports/filing-claims.ts';
import { copy } from './page.ts';

/**
 * Filing claims in memory, as dynamo/filing-claims.ts keeps them: `bind` is a put-if-absent that
 * answers the binding that holds (the first one), so two racing requests file one dossier. The PIN is
 * kept as given (the adapter seals it at rest and opens it on read: the same value comes back).
 */
export function fakeFilingClaims(): FilingClaims & { claims: Map<string, FilingClaim> } {
  const claims = new Map<string, FilingClaim>();
  return {
    claims,
    async get(id) {
      const claim = claims.get(id);
      return claim && copy(claim);
    },
    async bind(id, claim) {
      const held = claims.get(id);
      if (held) return copy(held);
      claims.set(id, copy(claim));
      return copy(claim);
    },
  };
}
