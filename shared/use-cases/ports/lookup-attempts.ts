import type { QuotaClaim } from './quota-counter.ts';

/** A look-up allowed to compare one PIN; `release` gives the attempt back when the PIN was right. */
export type AttemptClaim = QuotaClaim;

/**
 * Look-up attempts counted in a fixed window, claimed BEFORE the PIN is compared, so however many
 * requests race, at most the window's limit of PINs are compared. A right PIN gives its attempt back,
 * so only wrong ones use up the window.
 */
export interface LookupAttempts {
  /** One PIN comparison on an existing dossier code. */
  claimForCode(code: string, now: Date): Promise<AttemptClaim>;

  /** One look-up from a client address, whatever the code: guessing across codes is limited here. */
  claimForClient(address: string, now: Date): Promise<AttemptClaim>;
}
