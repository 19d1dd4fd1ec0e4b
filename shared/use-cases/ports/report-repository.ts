import type { Period } from '../../domain/indicators/period.ts';
import type { ReportFormat, ReportRow } from '../../domain/indicators/report.ts';
import type { Page, PageRequest } from './page.ts';

export type ReportStatus = 'pending' | 'ready';

/** The counts of one agency right under the report's. */
export interface ReportChild {
  agencyId: string;
  name: string;
  counts: ReportRow['counts'];
}

/** A report as stored: requested (`pending`), then computed (`ready`) with its summary and files. */
export interface ReportRecord {
  id: string;
  agencyId: string;
  agencyName: string;
  period: Period;
  periodId: string;
  /** `request`: POST /v1/reports; `schedule`: after a period closed. */
  origin: 'request' | 'schedule';
  requestedBy: string;
  requestedAt: string;
  /** The listing scopes it appears in: its agency, every agency above it, and `ALL`. */
  scopes: string[];
  status: ReportStatus;
  readyAt?: string;
  /** The scope's totals: every count and indicator, with the QĐ 766 group scores. */
  summary?: ReportRow;
  /** The counts of the agencies right under the report's (the portal's per-agency chart); the rest is in the files. */
  children?: ReportChild[];
  /** Object keys in the documents bucket, under `reports/<id>/`. */
  files?: Record<ReportFormat, string>;
  /** Read capacity the report's Queries consumed. */
  readUnits?: number;
}

/** What a computed report adds to its record. */
export interface ReportResult {
  summary: ReportRow;
  children: ReportChild[];
  files: Record<ReportFormat, string>;
  readyAt: string;
  readUnits: number;
}

/** Reports, each listed under every scope it belongs to, so a list is one read of the caller's scope. */
export interface ReportRepository {
  /** Undefined when absent. Strongly consistent. */
  get(id: string): Promise<ReportRecord | undefined>;

  /**
   * Creates the report unless one with its id exists (`created: false`, the stored report answered);
   * either way its listings are (re)written, so a retry repairs a crash between the writes.
   */
  create(record: ReportRecord): Promise<{ report: ReportRecord; created: boolean }>;

  /** Records the computed report; idempotent (the same report id always gets the same files). Fails for an unknown id. */
  markReady(id: string, result: ReportResult): Promise<void>;

  /** One page of a scope's reports, newest first. */
  listFor(scope: string, request: PageRequest): Promise<Page<ReportRecord>>;
}
