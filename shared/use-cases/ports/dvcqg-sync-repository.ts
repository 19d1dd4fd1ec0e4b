/**
 * Thrown by `acquire` and `advance` when another worker holds the dossier's sync lease (or took it over
 * midway): the record is retried later.
 */
export class SyncLeaseHeld extends Error {
  constructor(readonly code: string) {
    super(`The DVCQG sync of ${code} is held by another worker`);
  }
}

/** The dossier's sync as a worker finds it on taking the lease. */
export interface SyncState {
  /** How many of the dossier's status changes the portal acknowledged. */
  acknowledged: number;
  /** Whether the indicator fact was told that the portal holds the dossier. */
  told: boolean;
}

/**
 * Each dossier's sync with the national portal (Cổng DVCQG): how many of its status changes the portal
 * acknowledged, whether the indicator fact was told, and a short lease so that one worker at a time
 * pushes them. A worker that dies holding the lease blocks the dossier only until the lease ends.
 */
export interface DvcqgSyncRepository {
  /** How many of the dossier's status changes the portal acknowledged (0 when none was pushed yet). */
  acknowledged(code: string): Promise<number>;

  /** Takes the lease (throws SyncLeaseHeld while another worker holds it); answers what was acknowledged and told so far. */
  acquire(code: string, owner: string, now: Date): Promise<SyncState>;

  /**
   * Records the acknowledgement of change `from + 1`, only while `owner` still holds the lease (else
   * throws SyncLeaseHeld); renews the lease, or gives it back in the same write when `release`.
   */
  advance(code: string, owner: string, from: number, now: Date, options?: { release?: boolean }): Promise<void>;

  /** Gives the lease back, unless it already passed to another worker; `told` records the fact told. */
  release(code: string, owner: string, options?: { told?: boolean }): Promise<void>;
}
