import type { LookupLimits } from '../../../shared/adapters/dynamo/lookup-attempts.ts';
import type { LookupAttempts } from '../../../shared/use-cases/ports/lookup-attempts.ts';
import { fakeWindowCounter } from './quota-counter.ts';

/** The adapter's defaultLookupLimits, restated: importing its module would load the AWS SDK. */
export const lookupLimits: LookupLimits = { perCode: 5, perClient: 20, windowSeconds: 15 * 60 };

/**
 * Look-up attempts in memory, counted in the same fixed windows as dynamo/lookup-attempts.ts (per code
 * and per client address, at the adapter's default limits unless given).
 */
export function fakeLookupAttempts(limits: LookupLimits = lookupLimits): LookupAttempts {
  const counter = fakeWindowCounter();
  const window = (limit: number) => ({ limit, windowSeconds: limits.windowSeconds });
  return {
    claimForCode: (code, now) => counter.claim(`CODE#${code}`, window(limits.perCode), now),
    claimForClient: (address, now) => counter.claim(`CLIENT#${address}`, window(limits.perClient), now),
  };
}
