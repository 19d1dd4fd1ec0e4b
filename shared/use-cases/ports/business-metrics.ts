/**
 * The business metrics the platform counts, and the port use cases and handlers count them through
 * (shared/adapters/business-metrics.ts writes them as CloudWatch embedded metrics; tests pass a fake).
 * The names are what the dashboard graphs (infra/stacks/dashboard.ts): renaming one is a dashboard change.
 */
export const businessMetricNames = [
  /** A dossier stored for the first time (online, at the desk, from the national portal); never a replay. */
  'DossiersFiled',
  /** Received at intake (tiếp nhận): the clock of the legal deadline starts. */
  'DossiersReceived',
  /** Decided (approved or refused with reasons) by the appointment. */
  'DossiersDecidedOnTime',
  /** Decided after the appointment. */
  'DossiersDecidedLate',
  /** Open dossiers past their appointment, as each deadline-watch run finds them (a level, not a count of events). */
  'DossiersOverdue',
  /** A result the `sign` worker failed to sign (retried, then dead-lettered). */
  'SigningFailures',
  /** An e-mail or SMS that failed to go out (retried, then dead-lettered). */
  'NotificationFailures',
] as const;

export type BusinessMetric = (typeof businessMetricNames)[number];

export interface BusinessMetrics {
  /** Adds `value` (default 1) to the metric. Never throws: a metric never fails the work it counts. */
  count(metric: BusinessMetric, value?: number): void;
}

/** Counts nothing: for callers that are not wired to a metrics sink. */
export const noMetrics: BusinessMetrics = { count: () => undefined };
