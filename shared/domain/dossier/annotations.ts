/**
 * The concurrency contract of a dossier (README, API "Concurrency"): every change bumps `version` and
 * a person's step carries the version they saw (`expectedVersion`); a change made since answers 409.
 * A worker's annotation that changes nothing a person's next step depends on (the signed result
 * recorded on a decided dossier: status, holder, deadlines, decision and fees stay as they were) is
 * not such a change: it records the range of versions it spans, and a step that expected any version
 * in that range is taken on the current one. Any other change after it (a person's step, a payment,
 * a tracking callback) makes `version` move past the range, which then no longer applies.
 */
import type { Dossier } from './dossier.ts';

/** The dossier with `next` as a system annotation on top of `dossier`: version bumped, range extended. */
export function annotate(dossier: Dossier, next: Omit<Dossier, 'version' | 'annotated'>): Dossier {
  const version = dossier.version + 1;
  const from = dossier.annotated?.to === dossier.version ? dossier.annotated.from : dossier.version;
  return { ...next, version, annotated: { from, to: version } };
}

/** Whether a step that expected `expected` may be taken on the dossier as it is now. */
export function expectedVersionHolds(dossier: Pick<Dossier, 'version' | 'annotated'>, expected: number): boolean {
  if (expected === dossier.version) return true;
  const range = dossier.annotated;
  return range !== undefined && range.to === dossier.version && expected >= range.from && expected < range.to;
}
