/**
 * The counts behind every indicator (docs/domain.md "Indicators"), for one period and one
 * slice (an agency, a field, a procedure). Every indicator in formulas.ts is a function of these,
 * so a reviewer holding the counts can recompute every ratio and score.
 */
import { toVnDate } from '../time.ts';
import { closedAt, type DossierFact } from './fact.ts';

export interface IndicatorCounts {
  /** Open when the period started (filed before it, not closed before it). */
  carriedOver: number;
  /** Filed in the period online (the portal, the API, DVCQG). */
  newOnline: number;
  /** Filed in the period at a one-stop desk. */
  newDirect: number;
  /** Filed in the period by post. */
  newPost: number;
  /** carriedOver + newOnline + newDirect + newPost. */
  received: number;
  /** Decided (approved or refused with reasons) in the period, before the due date's day. */
  resolvedEarly: number;
  /** Decided in the period by the due instant, on the due date's day. */
  resolvedOnTime: number;
  /** Decided in the period after the due instant (an extended appointment counts by the extended one). */
  resolvedLate: number;
  /** Decided in the period by the appointment before any extension (docs/domain.md "Deadlines": keep both numbers). */
  resolvedByOriginalDue: number;
  resolved: number;
  /**
   * Open at the report's as-of instant (the period's end, or the moment a running period's report
   * was generated), due at or after it by the appointment in force.
   */
  inProgressWithinTime: number;
  /** Open at the as-of instant and past the appointment in force by then. */
  inProgressOverdue: number;
  inProgress: number;
  /** Open at the as-of instant and still within the appointment before any extension (the strict reading). */
  inProgressWithinOriginalDue: number;
  /** Supplement requests issued in the period (a dossier may have several). */
  supplementRequests: number;
  /** Refused at intake in the period (status 3). */
  refused: number;
  /** Withdrawn by the applicant in the period (status 7). */
  withdrawn: number;
  /** Processing stopped in the period (status 8). */
  stopped: number;
  /** Filed in the period: newOnline + newDirect + newPost. */
  newReceived: number;
  /** Filed online in the period under a fully-online procedure. */
  newFullyOnline: number;
  /** Filed in the period under a procedure offered online (partly or fully): the online share's denominator. */
  newUnderOnlineService: number;
  /** Of those, filed online (the portal, the API, DVCQG). */
  newOnlineUnderOnlineService: number;
  /** Filed in the period and held by the national portal (filed there, or acknowledged by it). */
  dvcqgSynced: number;
  /** Filed in the period with a fee to pay. */
  feeBearing: number;
  /** Of those, paid online. */
  paidOnline: number;
  /** Filed in the period with digitised documents. */
  digitised: number;
  /** Decided in the period with an electronic (signed) result. */
  electronicResults: number;
  /** Decided in the period with a known processing time. */
  timedResolutions: number;
  /** Their processing time, in working hours (8 a working day). */
  processingWorkingHours: number;
  /** Ratings given for dossiers decided in the period. */
  ratings: number;
  /** Of those, 4 or 5 out of 5. */
  satisfiedRatings: number;
  /** Of those, 1 or 2 out of 5: the applicant was not satisfied. */
  dissatisfiedRatings: number;
  /**
   * Feedback (PAKN) received and answered in the period. Not a dossier fact (zero here): the report
   * adds them from the per-agency month counters (shared/domain/feedback/report-counts.ts).
   */
  feedbackReceived: number;
  feedbackAnswered: number;
  /** Of the feedback answered in the period, answered by its deadline (shared/domain/feedback/feedback.ts). */
  feedbackAnsweredOnTime: number;
}

export const countNames = [
  'carriedOver',
  'newOnline',
  'newDirect',
  'newPost',
  'received',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'resolvedByOriginalDue',
  'resolved',
  'inProgressWithinTime',
  'inProgressOverdue',
  'inProgress',
  'inProgressWithinOriginalDue',
  'supplementRequests',
  'refused',
  'withdrawn',
  'stopped',
  'newReceived',
  'newFullyOnline',
  'newUnderOnlineService',
  'newOnlineUnderOnlineService',
  'dvcqgSynced',
  'feeBearing',
  'paidOnline',
  'digitised',
  'electronicResults',
  'timedResolutions',
  'processingWorkingHours',
  'ratings',
  'satisfiedRatings',
  'dissatisfiedRatings',
  'feedbackReceived',
  'feedbackAnswered',
  'feedbackAnsweredOnTime',
] as const satisfies readonly (keyof IndicatorCounts)[];

export const zeroCounts = (): IndicatorCounts =>
  Object.fromEntries(countNames.map((name) => [name, 0])) as unknown as IndicatorCounts;

export function addCounts(a: IndicatorCounts, b: IndicatorCounts): IndicatorCounts {
  const sum = zeroCounts();
  // A count missing from one side (a summary stored before it existed) adds as zero.
  for (const name of countNames) sum[name] = (a[name] ?? 0) + (b[name] ?? 0);
  return sum;
}

const t = (iso: string) => Date.parse(iso);

/** Whether the fact concerns the period at all: filed before its end and not closed before its start. */
export function inPeriod(fact: DossierFact, bounds: { start: Date; end: Date }): boolean {
  const closed = closedAt(fact);
  return t(fact.submittedAt) < bounds.end.getTime() && (closed === undefined || t(closed) >= bounds.start.getTime());
}

/**
 * What one dossier contributes to a period's counts (all zero when it does not concern the period).
 * `asOf` is when the report looks at the dossiers: the period's end for a closed period, the moment
 * of generation for a running one. A dossier still open is judged overdue against that instant, not
 * against an end of month that has not come yet.
 */
export function countsOf(fact: DossierFact, bounds: { start: Date; end: Date }, asOf?: Date): IndicatorCounts {
  const c = zeroCounts();
  if (!inPeriod(fact, bounds)) return c;
  const start = bounds.start.getTime();
  const end = bounds.end.getTime();
  const cut = asOf === undefined ? end : Math.max(start, Math.min(end, asOf.getTime()));
  const within = (iso: string | undefined) => iso !== undefined && t(iso) >= start && t(iso) < end;
  const submitted = t(fact.submittedAt);

  if (submitted < start) c.carriedOver = 1;
  else {
    c.newReceived = 1;
    const online = fact.channel === 'online' || fact.channel === 'dvcqg';
    if (online) {
      c.newOnline = 1;
      if (fact.serviceLevel === 'fully-online') c.newFullyOnline = 1;
    } else if (fact.channel === 'post') c.newPost = 1;
    else c.newDirect = 1;
    if (fact.serviceLevel !== 'offline') {
      c.newUnderOnlineService = 1;
      if (online) c.newOnlineUnderOnlineService = 1;
    }
    if (fact.dvcqgSynced === true) c.dvcqgSynced = 1;
    if (fact.feeBearing) {
      c.feeBearing = 1;
      if (fact.paidOnline) c.paidOnline = 1;
    }
    if (fact.digitised) c.digitised = 1;
  }
  c.received = 1;
  c.supplementRequests = fact.supplementRequests.filter(within).length;

  const closed = closedAt(fact);
  if (closed === undefined || t(closed) >= cut) {
    c.inProgress = 1;
    if (t(fact.dueAt) < cut) c.inProgressOverdue = 1;
    else c.inProgressWithinTime = 1;
    if (t(fact.originalDueAt ?? fact.dueAt) >= cut) c.inProgressWithinOriginalDue = 1;
    return c;
  }
  if (fact.decidedAt !== undefined) {
    c.resolved = 1;
    const decided = t(fact.decidedAt);
    if (decided > t(fact.dueAt)) c.resolvedLate = 1;
    else if (toVnDate(new Date(decided)) < toVnDate(new Date(fact.dueAt))) c.resolvedEarly = 1;
    else c.resolvedOnTime = 1;
    if (decided <= t(fact.originalDueAt ?? fact.dueAt)) c.resolvedByOriginalDue = 1;
    if (fact.electronicResult) c.electronicResults = 1;
    if (fact.processingWorkingHours !== undefined) {
      c.timedResolutions = 1;
      c.processingWorkingHours = fact.processingWorkingHours;
    }
    if (fact.rating !== undefined) {
      c.ratings = 1;
      if (fact.rating >= 4) c.satisfiedRatings = 1;
      if (fact.rating <= 2) c.dissatisfiedRatings = 1;
    }
  } else if (fact.status === 'refused') c.refused = 1;
  else if (fact.status === 'withdrawn') c.withdrawn = 1;
  else c.stopped = 1;
  return c;
}
