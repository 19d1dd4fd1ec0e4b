/** How many claims a window allows. */
export interface Quota {
  limit: number;
  windowSeconds: number;
}

/** A claim counted (`release` gives it back), or refused until the window ends. */
export type QuotaClaim =
  { granted: true; release: () => Promise<void> } | { granted: false; retryAfterSeconds: number };

/**
 * Claims counted in fixed windows aligned to Vietnam's clock (an hour's from the full hour, a day's from
 * local midnight). However many requests race, at most `quota.limit` are granted per window.
 */
export interface QuotaCounter {
  /** One claim on the counter of `flow` (e.g. `filings`) for `subject` (a citizen, a dossier, a recipient). */
  claim(flow: string, subject: string, quota: Quota, now: Date): Promise<QuotaClaim>;
}
