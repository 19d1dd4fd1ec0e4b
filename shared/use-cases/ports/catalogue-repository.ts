import type { ProcedureSummary } from '../../domain/catalogue/search.ts';
import type { Procedure } from '../../domain/procedure.ts';

/**
 * The procedure catalogue: every version of a procedure ever saved (immutable: dossiers keep theirs),
 * the current one (what new dossiers are filed under), and a summary of each for search. The current
 * version and the saved versions may be read from a cache: a saved version never changes, and a new
 * current one is what dossiers are filed under from then on, within the cache's lifetime elsewhere.
 */
export interface CatalogueRepository {
  /** The version new dossiers are filed under (possibly cached); undefined for an unknown code. */
  currentProcedure(code: string): Promise<Procedure | undefined>;

  /** The current version as stored, not cached: what its page shows, to the admin who just saved it too. */
  storedCurrentProcedure(code: string): Promise<Procedure | undefined>;

  /** One version as it was saved: what a dossier filed under it sees; undefined when never saved. */
  procedureVersion(code: string, version: number): Promise<Procedure | undefined>;

  /** The newest version saved, even if a crash kept it from being made current. */
  latestVersion(code: string): Promise<Procedure | undefined>;

  /**
   * Stores a new version and makes it current. A version is written once: a second writer of the same
   * version fails with a conflict, unless it saves the very same content (a retry), which then completes
   * the first write (`'already-stored'`). The current copy and the summary never move backwards.
   */
  putProcedure(procedure: Procedure): Promise<'created' | 'already-stored'>;

  /**
   * Loads procedures into a catalogue holding none of them yet (seeding): every version, the newest of
   * each code made current and listed. Unconditional: for a catalogue that may hold a version, use putProcedure.
   */
  importProcedures(procedures: readonly Procedure[]): Promise<void>;

  /** Every procedure's summary (its current version's), sorted by code. */
  listSummaries(): Promise<ProcedureSummary[]>;
}
