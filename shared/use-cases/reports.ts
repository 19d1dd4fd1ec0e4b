/**
 * Reports (issue 6): requested through the API or by the schedule, computed by the `report` worker,
 * listed and read back with short-lived download links.
 *
 * Delivery: the report item is written first (conditional on its id), then the `ReportRequested`
 * message is sent, before the 202. No outbox: the sweeper relays dossier outboxes only, and the report
 * item is itself the record of the request. A send that fails fails the request (5xx, nothing cached
 * by the Idempotency-Key layer), and its retry, or the schedule's rerun, finds the report still
 * `pending` and sends again; the worker is idempotent on the report id (a `ready` report is left as is).
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { AgencyRepository } from './ports/agency-repository.ts';
import { type Caller, hasRole } from '../domain/caller.ts';
import { type Period, periodBounds, periodId, periodsClosedAt } from '../domain/indicators/period.ts';
import type { IndicatorReport, ReportFormat } from '../domain/indicators/report.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { renderReportCsv, renderReportJson, renderReportXlsx, reportContentTypes } from '../reports/render.ts';
import { PageQuery } from './pagination.ts';
import type { ReportRecord, ReportRepository } from './ports/report-repository.ts';
import type { SendReportRequest } from './ports/send-report-request.ts';

const agencyId = z.string().check(z.regex(/^[A-Za-z0-9.]{2,40}$/, 'Mã cơ quan không hợp lệ'));

export const RequestReportBody = z
  .strictObject({
    /** The scope: this agency and everything under it. A leader's own agency when absent. */
    agencyId: z.optional(agencyId),
    periodKind: z.enum(['month', 'quarter', 'year'], { message: 'periodKind phải là month, quarter hoặc year' }),
    year: z.number({ message: 'year phải là số' }).check(z.int(), z.minimum(2000), z.maximum(2100)),
    /** Month 1–12 or quarter 1–4; absent for a year. */
    index: z.optional(z.number({ message: 'index phải là số' }).check(z.int(), z.minimum(1), z.maximum(12))),
  })
  .check(
    z.superRefine((body, ctx) => {
      const max = body.periodKind === 'month' ? 12 : body.periodKind === 'quarter' ? 4 : 0;
      if (max === 0 && body.index !== undefined)
        ctx.addIssue({ code: 'custom', path: ['index'], message: 'Báo cáo năm không có index' });
      if (max > 0 && (body.index === undefined || body.index > max))
        ctx.addIssue({ code: 'custom', path: ['index'], message: `index phải từ 1 đến ${max}` });
    }),
  );

export const ReportIdParams = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/, 'Mã báo cáo không hợp lệ')),
});

export const ReportsQuery = PageQuery;

/** The scope every report in the province is listed under (admins and auditors read it). */
export const allReportsScope = 'ALL';

/** Download links live this long (seconds). */
export const reportLinkSeconds = 300;

const provinceWide = (caller: Caller) => hasRole(caller, 'admin', 'auditor');

const notFound = () => new RuleViolation('not-found', 'report-not-found', 'Không tìm thấy báo cáo.');

/** Scheduled reports have a deterministic id per scope and period: a rerun finds the same report. */
export const scheduledReportId = (agencyId: string, period: Period) => `auto-${agencyId}-${periodId(period)}`;

export interface RequestReportDeps {
  reports: Pick<ReportRepository, 'create'>;
  agencies: Pick<AgencyRepository, 'lineage'>;
  send: SendReportRequest;
  now: () => Date;
  newId?: () => string;
}

/** Creates the report (or finds it) and sends its request unless it is already done. */
async function createAndSend(
  deps: RequestReportDeps,
  input: { id: string; agencyId: string; period: Period; origin: ReportRecord['origin']; requestedBy: string },
): Promise<ReportRecord> {
  const lineage = await deps.agencies.lineage(input.agencyId);
  const agency = lineage[0];
  if (!agency) throw new RuleViolation('not-found', 'unknown-agency', `Không tìm thấy cơ quan ${input.agencyId}.`);
  const requestedAt = deps.now().toISOString();
  const { report } = await deps.reports.create({
    id: input.id,
    agencyId: agency.id,
    agencyName: agency.name,
    period: input.period,
    periodId: periodId(input.period),
    origin: input.origin,
    requestedBy: input.requestedBy,
    requestedAt,
    scopes: [...lineage.map((a) => a.id), allReportsScope],
    status: 'pending',
  });
  if (report.status === 'pending') await deps.send(report, requestedAt);
  return report;
}

/** POST /v1/reports: a leader for their own agency or one under it (404 otherwise), admins and auditors for any. */
export function requestReport(deps: RequestReportDeps) {
  const newId = deps.newId ?? (() => randomUUID());
  return async (caller: Caller, body: z.output<typeof RequestReportBody>) => {
    const target = body.agencyId ?? caller.agencyId;
    if (!target) throw new RuleViolation('invalid', 'agency-required', 'Hãy chọn cơ quan (agencyId) của báo cáo.');
    if (!provinceWide(caller)) {
      const lineage = await deps.agencies.lineage(target);
      if (!caller.agencyId || !lineage.some((a) => a.id === caller.agencyId))
        throw new RuleViolation('not-found', 'unknown-agency', `Không tìm thấy cơ quan ${target}.`);
    }
    const period: Period = {
      kind: body.periodKind,
      year: body.year,
      ...(body.periodKind === 'year' ? {} : { index: body.index ?? 1 }),
    };
    if (periodBounds(period).start.getTime() > deps.now().getTime())
      throw new RuleViolation('invalid', 'future-period', 'Kỳ báo cáo chưa bắt đầu.');
    const report = await createAndSend(deps, {
      id: newId(),
      agencyId: target,
      period,
      origin: 'request',
      requestedBy: caller.sub,
    });
    return { id: report.id, status: report.status };
  };
}

export interface ScheduleReportsDeps extends RequestReportDeps {
  roots: () => Promise<string[]>;
  closeMonth: (rootId: string, month: string) => Promise<{ carried: number }>;
}

/**
 * After a month (and a quarter, a year) closes: carries the open dossiers into the new month, then
 * requests each root agency's reports for the closed periods. Rerunnable: the close is conditional on
 * versions and the report ids are deterministic.
 */
export function scheduleClosedPeriodReports(deps: ScheduleReportsDeps) {
  return async (at: Date) => {
    const periods = periodsClosedAt(at);
    const requested: { id: string; status: string }[] = [];
    let carried = 0;
    for (const rootId of await deps.roots()) {
      for (const period of periods) {
        if (period.kind === 'month') carried += (await deps.closeMonth(rootId, periodId(period))).carried;
      }
      for (const period of periods) {
        const report = await createAndSend(deps, {
          id: scheduledReportId(rootId, period),
          agencyId: rootId,
          period,
          origin: 'schedule',
          requestedBy: 'system:schedule',
        });
        requested.push({ id: report.id, status: report.status });
      }
    }
    return { periods: periods.map(periodId), carried, requested };
  };
}

export interface ReportFiles {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  presignDownload(key: string, expiresInSeconds: number, filename?: string): Promise<string>;
}

export interface GenerateReportDeps {
  reports: Pick<ReportRepository, 'get' | 'markReady'>;
  compute: (rootId: string, period: Period) => Promise<{ report: IndicatorReport; readUnits: number }>;
  files: Pick<ReportFiles, 'put'>;
  now: () => Date;
}

export const reportFileName = (report: Pick<ReportRecord, 'agencyId' | 'periodId'>, format: ReportFormat) =>
  `bao-cao-${report.agencyId}-${report.periodId}.${format}`;

/** The worker: computes, writes `reports/<id>/…` (JSON, CSV, XLSX) and marks the report ready. Idempotent on the id. */
export function generateReport(deps: GenerateReportDeps) {
  return async (reportId: string): Promise<'generated' | 'already-ready' | 'unknown'> => {
    const record = await deps.reports.get(reportId);
    if (!record) return 'unknown';
    if (record.status === 'ready') return 'already-ready';
    const { report, readUnits } = await deps.compute(record.agencyId, record.period);
    const bodies: Record<ReportFormat, Uint8Array> = {
      json: new TextEncoder().encode(renderReportJson(report)),
      csv: new TextEncoder().encode(renderReportCsv(report)),
      xlsx: renderReportXlsx(report),
    };
    const files = {} as Record<ReportFormat, string>;
    for (const format of ['json', 'csv', 'xlsx'] as const) {
      files[format] = `reports/${record.id}/${reportFileName(record, format)}`;
      await deps.files.put(files[format], bodies[format], reportContentTypes[format]);
    }
    await deps.reports.markReady(record.id, {
      summary: report.totals,
      children: report.byAgency
        .filter((row) => row.parentId === record.agencyId)
        .map(({ agencyId, name, counts }) => ({ agencyId, name, counts })),
      files,
      readyAt: deps.now().toISOString(),
      readUnits,
    });
    return 'generated';
  };
}

/** What a reader sees of a report in a list. */
const listView = (r: ReportRecord) => ({
  id: r.id,
  agency: { id: r.agencyId, name: r.agencyName },
  period: { id: r.periodId, kind: r.period.kind },
  origin: r.origin,
  status: r.status,
  requestedAt: r.requestedAt,
  ...(r.readyAt ? { readyAt: r.readyAt } : {}),
});

/** An item of `GET /v1/reports`. */
export type ReportListItem = ReturnType<typeof listView>;

const scopeOf = (caller: Caller): string | undefined => (provinceWide(caller) ? allReportsScope : caller.agencyId);

/** GET /v1/reports: the caller's scope, newest first. */
export function listReports(reports: Pick<ReportRepository, 'listFor'>) {
  return async (caller: Caller, query: { limit: number; cursor?: string }) => {
    const scope = scopeOf(caller);
    if (!scope) return { items: [] };
    const page = await reports.listFor(scope, query);
    return { items: page.items.map(listView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  };
}

/** GET /v1/reports/{id}: the summary and, once ready, download links of a few minutes. 404 outside the caller's scope. */
export function getReport(deps: {
  reports: Pick<ReportRepository, 'get'>;
  files: Pick<ReportFiles, 'presignDownload'>;
}) {
  return async (caller: Caller, id: string) => {
    const report = await deps.reports.get(id);
    const scope = scopeOf(caller);
    if (!report || !scope || !report.scopes.includes(scope)) throw notFound();
    const downloads: Partial<Record<ReportFormat, string>> = {};
    if (report.status === 'ready' && report.files) {
      for (const format of ['json', 'csv', 'xlsx'] as const)
        downloads[format] = await deps.files.presignDownload(
          report.files[format],
          reportLinkSeconds,
          reportFileName(report, format),
        );
    }
    return {
      ...listView(report),
      period: { id: report.periodId, ...report.period },
      ...(report.summary ? { summary: report.summary } : {}),
      ...(report.children ? { children: report.children } : {}),
      ...(report.status === 'ready' ? { downloads, downloadsExpireInSeconds: reportLinkSeconds } : {}),
    };
  };
}

/** `GET /v1/reports/{id}`: once ready, the totals and links valid `downloadsExpireInSeconds`. */
export type ReportView = Awaited<ReturnType<ReturnType<typeof getReport>>>;
