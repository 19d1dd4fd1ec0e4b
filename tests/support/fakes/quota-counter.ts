import type { Quota, QuotaCounter } from '../../../shared/use-cases/ports/quota-counter.ts';

/** Vietnam's clock (UTC+7): a day's window runs from local midnight, as dynamo/quota-counter.ts aligns it. */
const vietnamOffsetSeconds = 7 * 60 * 60;

/**
 * Claims counted in fixed windows aligned to Vietnam's clock, as dynamo/quota-counter.ts counts them:
 * at most `limit` granted per window, a refusal says how long until the window ends (at least a second),
 * and `release` gives a claim back to the window it was counted in, never below zero.
 */
export function fakeQuotaCounter(): QuotaCounter {
  const windows = new Map<string, number>();
  return {
    async claim(flow, subject, quota: Quota, now) {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      const local = nowSeconds + vietnamOffsetSeconds;
      const windowEnds = local - (local % quota.windowSeconds) + quota.windowSeconds - vietnamOffsetSeconds;
      const key = `${flow}#${subject}#${windowEnds}`;
      const claims = windows.get(key) ?? 0;
      if (claims >= quota.limit) return { granted: false, retryAfterSeconds: Math.max(1, windowEnds - nowSeconds) };
      windows.set(key, claims + 1);
      return {
        granted: true,
        release: async () => {
          const held = windows.get(key) ?? 0;
          if (held > 0) windows.set(key, held - 1);
        },
      };
    },
  };
}
