/** What the reports pages share: the API's report shapes and how a period and a status read. */
import type { Period } from '../../../domain/indicators/period.ts';
import { parsePeriodId } from '../../../domain/indicators/period.ts';
import type { ReportRow } from '../../../domain/indicators/report.ts';

export type ReportStatus = 'pending' | 'ready';

/** An item of `GET /v1/reports`. */
export interface ReportListItem {
  id: string;
  agency: { id: string; name: string };
  period: { id: string; kind: Period['kind'] };
  origin: 'request' | 'schedule';
  status: ReportStatus;
  requestedAt: string;
  readyAt?: string;
}

/** `GET /v1/reports/{id}`: once ready, the totals and links valid `downloadsExpireInSeconds`. */
export interface ReportView extends Omit<ReportListItem, 'period'> {
  period: { id: string } & Period;
  summary?: ReportRow;
  /** The agencies right under the report's (reports made before the platform kept them have none). */
  children?: { agencyId: string; name: string; counts: ReportRow['counts'] }[];
  downloads?: Partial<Record<'json' | 'csv' | 'xlsx', string>>;
  downloadsExpireInSeconds?: number;
}

/** "Tháng 03/2026", "Quý 1/2026", "Năm 2026"; the id itself when it is not one of those. */
export function periodText(periodId: string): string {
  const period = parsePeriodId(periodId);
  if (!period) return periodId;
  if (period.kind === 'year') return `Năm ${period.year}`;
  if (period.kind === 'quarter') return `Quý ${period.index}/${period.year}`;
  return `Tháng ${String(period.index).padStart(2, '0')}/${period.year}`;
}

export const statusText: Record<ReportStatus, string> = {
  pending: 'Đang tính toán',
  ready: 'Đã xong',
};

export const originText: Record<ReportListItem['origin'], string> = {
  request: 'Theo yêu cầu',
  schedule: 'Tự động cuối kỳ',
};
