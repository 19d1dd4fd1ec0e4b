/** The dossier a filing request files: its code, the filing instant and the PIN its receipt shows. */
export interface FilingClaim {
  code: string;
  filedAt: string;
  pin?: string;
  /** A digest of the request a caller's Idempotency-Key was first sent with: another body under the key is refused. */
  request?: string;
}

/**
 * Filing requests (the national portal's dossier id, or a caller's Idempotency-Key) bound once to the
 * dossier they file, before the dossier is written: a crash in between leaves a claim the retry
 * finishes, never a second dossier.
 */
export interface FilingClaims {
  /** The claim bound to the request; undefined when none is. Strongly consistent. */
  get(id: string): Promise<FilingClaim | undefined>;

  /** Binds `claim` to the request unless it is bound already; answers the binding that holds. */
  bind(id: string, claim: FilingClaim): Promise<FilingClaim>;
}
