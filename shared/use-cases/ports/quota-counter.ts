/** How many claims a window allows. */
export interface Quota {
  limit: number;
  windowSeconds: number;
}

/** A claim counted (`release` gives it back), or refused until the window ends. */
export type QuotaClaim =
  { granted: true; release: () => Promise<void> } | { granted: false; retryAfterSeconds: number };

/** Names one counter (whose flow, of which subject): the table key it is stored under. */
export interface CounterKey {
  pk: string;
  sk: string;
}

/**
 * Claims counted in fixed windows aligned to Vietnam's clock (an hour's from the full hour, a day's from
 * local midnight). However many requests race, at most `quota.limit` are granted per window.
 */
export interface QuotaCounter {
  claim(key: CounterKey, quota: Quota, now: Date): Promise<QuotaClaim>;
}
