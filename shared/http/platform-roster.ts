import { cachedRoster, type RosterLookup } from '../adapters/cached-roster.ts';
import { officialRoster } from '../adapters/dynamo/official-roster.ts';
import { config } from '../config.ts';

let roster: RosterLookup | undefined;

/**
 * The platform's roster, cached per container for ROSTER_CACHE_SECONDS: at most one GetItem per
 * official per window. Made on first use, so a route without officials never builds it.
 */
export function platformRoster(): RosterLookup {
  roster ??= cachedRoster(officialRoster(config.TABLE_NAME), { ttlSeconds: config.ROSTER_CACHE_SECONDS });
  return roster;
}
