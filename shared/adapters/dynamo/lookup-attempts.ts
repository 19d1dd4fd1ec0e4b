import type { LookupAttempts } from '../../use-cases/ports/lookup-attempts.ts';
import { keys } from './keys.ts';
import { windowCounter } from './quota-counter.ts';

/** How many look-ups a window allows: per dossier code (a six-digit PIN) and per client address. */
export interface LookupLimits {
  perCode: number;
  perClient: number;
  windowSeconds: number;
}

export const defaultLookupLimits: LookupLimits = { perCode: 5, perClient: 20, windowSeconds: 15 * 60 };

/**
 * Look-up attempts counted in a fixed window (quota-counter.ts). An attempt is claimed BEFORE the PIN
 * is compared, so however many requests race, at most `limit` PINs are compared per window. A right
 * PIN gives its attempt back, so only wrong ones use up the window.
 */
export function lookupAttempts(tableName: string, limits: LookupLimits = defaultLookupLimits): LookupAttempts {
  const counter = windowCounter(tableName);
  const window = (limit: number) => ({ limit, windowSeconds: limits.windowSeconds });
  return {
    /** One PIN comparison on an existing dossier code. */
    claimForCode: (code: string, now: Date) => counter.claim(keys.lookupAttempts(code), window(limits.perCode), now),
    /** One look-up from a client address, whatever the code: guessing across codes is limited here. */
    claimForClient: (address: string, now: Date) =>
      counter.claim(keys.lookupClientAttempts(address), window(limits.perClient), now),
  };
}
