/** Numbers for dossier codes, per agency and local day. */
export interface DossierCounter {
  /**
   * The agency's next number for the day (`yymmdd`), atomically: two submissions never get the same
   * one. A number whose dossier write then fails is skipped, never reused.
   */
  next(agencyId: string, yymmdd: string): Promise<number>;
}
