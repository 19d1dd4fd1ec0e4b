/** What the reports pages share: the API's report shapes and how a period and a status read. */
import { parsePeriodId } from '../../../domain/indicators/period.ts';
import type { ReportListItem } from '../../../use-cases/reports.ts';

/**
 * An item of `GET /v1/reports`, and `GET /v1/reports/{id}`: once ready, the totals and links valid
 * `downloadsExpireInSeconds` (reports made before the platform kept the agencies right under theirs have no `children`).
 */
export type { ReportListItem, ReportView } from '../../../use-cases/reports.ts';

export type ReportStatus = ReportListItem['status'];

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
