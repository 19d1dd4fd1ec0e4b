import { agencyRepository } from '../adapters/dynamo/agency-repository.ts';
import { cachedRoster, type RosterLookup } from '../adapters/cached-roster.ts';
import { config } from '../config.ts';

let roster: RosterLookup | undefined;

/**
 * The platform's roster, cached per container for ROSTER_CACHE_SECONDS: at most one GetItem per
 * official per window. Made on first use, so a route without officials never builds it.
 */
export function platformRoster(): RosterLookup {
  if (!roster) {
    const agencies = agencyRepository(config.TABLE_NAME);
    roster = cachedRoster((sub) => agencies.getOfficial(sub), { ttlSeconds: config.ROSTER_CACHE_SECONDS });
  }
  return roster;
}
