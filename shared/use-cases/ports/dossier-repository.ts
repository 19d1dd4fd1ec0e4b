import type { Decision, Dossier } from '../../domain/dossier/dossier.ts';
import type { DomainEvent } from '../../domain/events.ts';
import type { Page, PageRequest } from './page.ts';

/**
 * An official's step as it rides on the dossier's own write (`StoredDossier.requests`): the caller and
 * their Idempotency-Key, and the body, each as 16 characters of a SHA-256 (96 bits: no collision among a
 * dossier's few steps), so the mark weighs the same whatever the key (request-key.ts makes them).
 */
export interface RequestMark {
  key: string;
  digest: string;
}

/** A dossier as stored: the aggregate plus the events still waiting in its outbox. */
export interface StoredDossier {
  dossier: Dossier;
  outbox: DomainEvent[];
  /** The officials' steps applied last, as their Idempotency-Keys marked them (oldest first). */
  requests: RequestMark[];
}

/**
 * Which dossiers of a work queue: `due` keeps those due before (overdue) or from (not yet due) an
 * instant, `status` one status, `excludeStatus` all but one.
 */
export interface WorkQueueFilter {
  due?: { at: string; before: boolean };
  status?: string;
  excludeStatus?: string;
}

/**
 * The dossiers, each written with the events its decision raised (its outbox, which the relay publishes):
 * a dossier and its events are stored together or not at all.
 */
export interface DossierRepository {
  /** The dossier as last written (strongly consistent); undefined when absent. */
  get(code: string): Promise<StoredDossier | undefined>;

  /** Writes a new dossier with its first events; fails if the code was ever used. */
  create(decision: Decision): Promise<StoredDossier>;

  /**
   * Saves a decision taken on `before`, with its events, only if the dossier is still at `before`'s
   * version: a concurrent writer makes it fail with a version conflict (409). A step sent with an
   * Idempotency-Key is marked in the same write (`request.mark`, after the `marks` read with `before`),
   * so a retry finds it applied: the dossier is its own idempotency record. The timeline's new entries
   * are chained on write.
   */
  save(
    before: Dossier,
    decision: Decision,
    request?: { mark: RequestMark; marks: readonly RequestMark[] },
  ): Promise<StoredDossier>;

  /** A citizen's dossiers, newest first. */
  listByApplicant(applicantId: string, page: PageRequest): Promise<Page<Dossier>>;

  /** An agency's work queue by due date, soonest first, filtered as `filter` says. */
  listWorkQueue(agencyId: string, filter: WorkQueueFilter, page: PageRequest): Promise<Page<Dossier>>;

  /** Every open dossier (filed, not yet decided) whose due instant falls on a local date (`yyyy-mm-dd`). */
  openDueOn(date: string): AsyncIterable<Dossier>;
}
