import type { Quota, QuotaClaim, QuotaCounter } from '../../../shared/use-cases/ports/quota-counter.ts';

/** Vietnam's clock (UTC+7): a day's window runs from local midnight, as dynamo/quota-counter.ts aligns it. */
const vietnamOffsetSeconds = 7 * 60 * 60;

/**
 * Claims counted in fixed windows aligned to Vietnam's clock, as dynamo/quota-counter.ts windowCounter
 * counts them: at most `limit` granted per window, a refusal says how long until the window ends (at
 * least a second), and `release` gives a claim back to the window it was counted in, never below zero.
 */
export function fakeWindowCounter() {
  const windows = new Map<string, number>();
  return {
    async claim(key: string, quota: Quota, now: Date): Promise<QuotaClaim> {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const local = nowSeconds + vietnamOffsetSeconds;
      const windowEnds = local - (local % quota.windowSeconds) + quota.windowSeconds - vietnamOffsetSeconds;
      const windowKey = `${key}#${windowEnds}`;
      const claims = windows.get(windowKey) ?? 0;
      if (claims >= quota.limit) return { granted: false, retryAfterSeconds: Math.max(1, windowEnds - nowSeconds) };
      windows.set(windowKey, claims + 1);
      return {
        granted: true,
        release: async () => {
          const held = windows.get(windowKey) ?? 0;
          if (held > 0) windows.set(windowKey, held - 1);
        },
      };
    },
  };
}

/** The quotas' counters, one per flow and subject. */
export function fakeQuotaCounter(): QuotaCounter {
  const counter = fakeWindowCounter();
  return { claim: (flow, subject, quota, now) => counter.claim(`QUOTA#${flow}#${subject}`, quota, now) };
}
