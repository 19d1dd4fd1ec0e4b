import type { Decision, Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { isOpen } from '../../../shared/domain/dossier/status.ts';
import { chainTimeline } from '../../../shared/domain/dossier/timeline-chain.ts';
import { versionConflict } from '../../../shared/domain/rule-violation.ts';
import { toVnDate } from '../../../shared/domain/time.ts';
import type { DossierRepository, StoredDossier } from '../../../shared/use-cases/ports/dossier-repository.ts';
import { byKey, copy, pageOf } from './page.ts';

/** As many marks as the DynamoDB adapter keeps (dynamo/dossier-repository.ts requestMarksKept). */
const marksKept = 5;

/** What DynamoDB throws for a conditional put on a code already used: an AWS error, not a rule violation. */
export class ConditionalCheckFailed extends Error {
  override readonly name = 'ConditionalCheckFailedException';
  constructor() {
    super('The conditional request failed');
  }
}

/** The timeline's entries after the first `stored` chained, as the adapter does on every write. */
const linked = (dossier: Dossier, stored: number): Dossier =>
  dossier.timeline.length <= stored
    ? dossier
    : {
        ...dossier,
        timeline: chainTimeline(dossier.code, dossier.timeline.slice(0, stored), dossier.timeline.slice(stored)),
      };

/**
 * The dossier table in memory. `save` is conditional on the version read (a version-conflict 409
 * otherwise, with the current version), `create` fails on a code ever used; the outbox holds the last
 * write's events only; the timeline is chained on write. Initial dossiers are stored as `create` would.
 */
export function fakeDossierRepository(initial: readonly Dossier[] = []): DossierRepository {
  const rows = new Map<string, StoredDossier>();
  for (const dossier of initial)
    rows.set(dossier.code, { dossier: linked(copy(dossier), 0), outbox: [], requests: [] });
  const all = () => [...rows.values()].map(({ dossier }) => copy(dossier));

  return {
    async get(code) {
      const row = rows.get(code);
      return row && copy(row);
    },

    async create(decision: Decision) {
      const { code } = decision.dossier;
      if (rows.has(code)) throw new ConditionalCheckFailed();
      const row = { dossier: linked(copy(decision.dossier), 0), outbox: copy(decision.events), requests: [] };
      rows.set(code, row);
      return copy(row);
    },

    async save(before, decision, request) {
      const current = rows.get(before.code);
      if (current?.dossier.version !== before.version) throw versionConflict(current?.dossier.version);
      const row: StoredDossier = {
        dossier: linked(copy(decision.dossier), before.timeline.length),
        outbox: copy(decision.events),
        requests: request ? [...request.marks, request.mark].slice(-marksKept) : current.requests,
      };
      rows.set(before.code, row);
      return copy(row);
    },

    async listByApplicant(applicantId, page) {
      const mine = all()
        .filter((d) => d.applicantId === applicantId)
        .sort(byKey(applicantKey, 'descending'));
      return pageOf(mine, applicantKey, `applicant:${applicantId}`, page);
    },

    async listWorkQueue(agencyId, filter, page) {
      const queue = all()
        .filter((d) => d.workQueue?.agencyId === agencyId)
        .filter(
          ({ status }) => (filter.status === undefined || status === filter.status) && status !== filter.excludeStatus,
        )
        .filter((d) => !filter.due || queueKey(d) < filter.due.at === filter.due.before)
        .sort(byKey(queueKey));
      return pageOf(queue, queueKey, `queue:${agencyId}`, page);
    },

    async *openDueOn(date) {
      for (const dossier of all())
        if (isOpen(dossier.status) && toVnDate(new Date(dossier.dueAt)) === date) yield dossier;
    },
  };
}

// The adapter's index sort keys: newest filing first for a citizen, soonest due first for an agency.
const applicantKey = (d: Dossier) => `${d.submittedAt}#${d.code}`;
const queueKey = (d: Dossier) => `${d.dueAt}#${d.code}`;
