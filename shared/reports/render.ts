/**
 * A computed report (shared/domain/indicators/report.ts) as files: JSON for machines, CSV and XLSX
 * with Vietnamese headers for people. Pure rendering, no clock and no I/O: the same report gives the
 * same bytes in every format (the XLSX writer, ./xlsx.ts, records no date).
 */
import { countNames } from '../domain/indicators/counts.ts';
import { indicatorGroupInfo, indicatorGroups, type Ratio } from '../domain/indicators/formulas.ts';
import type { IndicatorReport, ReportFormat, ReportRow } from '../domain/indicators/report.ts';
import { averageDaysLabel, countLabels, indexLabel, periodKindLabels, ratioLabels, ratioNames } from './labels.ts';
import { writeXlsx, type XlsxRow } from './xlsx.ts';

export const reportContentTypes: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Cell = string | number | null;

/** A ratio as a percentage with 2 decimals; null when its denominator is zero. */
export const percent = (r: Ratio): number | null => (r.value === null ? null : Math.round(r.value * 10_000) / 100);

const metricHeaders = [
  ...countNames.map((n) => countLabels[n]),
  ...ratioNames.map((n) => ratioLabels[n]),
  averageDaysLabel,
  ...indicatorGroups.map((g) => `Điểm nhóm: ${indicatorGroupInfo[g].vi} (tối đa ${indicatorGroupInfo[g].weight})`),
  indexLabel,
];

function metricCells(row: ReportRow): Cell[] {
  const groupScores = new Map(row.indicators.groups.map((g) => [g.group, g.score]));
  return [
    ...countNames.map((n) => row.counts[n]),
    ...ratioNames.map((n) => percent(row.indicators[n])),
    row.indicators.averageProcessingWorkingDays,
    ...indicatorGroups.map((g) => groupScores.get(g) ?? null),
    row.indicators.index.score,
  ];
}

interface Table {
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

/** The three breakdowns, as tables with Vietnamese headers. */
export function breakdownTables(report: IndicatorReport): Table[] {
  return [
    {
      sheet: 'Theo cơ quan',
      headers: ['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Cơ quan cấp trên', ...metricHeaders],
      rows: report.byAgency.map((r) => [r.agencyId, r.name, r.level, r.parentId ?? '', ...metricCells(r)]),
    },
    {
      sheet: 'Theo lĩnh vực',
      headers: ['Lĩnh vực', ...metricHeaders],
      rows: report.byField.map((r) => [r.field, ...metricCells(r)]),
    },
    {
      sheet: 'Theo thủ tục',
      headers: ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', ...metricHeaders],
      rows: report.byProcedure.map((r) => [r.procedureCode, r.procedureName, r.field, ...metricCells(r)]),
    },
  ];
}

/** JSON: the report itself, compact (a province has a hundred agencies), with a final newline. */
export function renderReportJson(report: IndicatorReport): string {
  return `${JSON.stringify(report)}\n`;
}

const csvCell = (cell: Cell): string => {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * CSV (RFC 4180, CRLF, UTF-8 with a BOM so Excel reads the diacritics): one table, the first
 * column says which part a row belongs to: the total of the scope, then each breakdown.
 */
export function renderReportCsv(report: IndicatorReport): string {
  const lines: Cell[][] = [['Phần', 'Mã', 'Tên', 'Lĩnh vực', ...metricHeaders]];
  lines.push(['Tổng cộng', report.agency.id, report.agency.name, '', ...metricCells(report.totals)]);
  for (const r of report.byAgency) lines.push(['Theo cơ quan', r.agencyId, r.name, '', ...metricCells(r)]);
  for (const r of report.byField) lines.push(['Theo lĩnh vực', r.field, r.field, r.field, ...metricCells(r)]);
  for (const r of report.byProcedure)
    lines.push(['Theo thủ tục', r.procedureCode, r.procedureName, r.field, ...metricCells(r)]);
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const summarySheet = 'Tổng hợp';

/** XLSX: a summary sheet (period, scope, QĐ 766 group scores with their counts, every count), one sheet per breakdown. */
export function renderReportXlsx(report: IndicatorReport): Uint8Array {
  const rows: XlsxRow[] = [
    { cells: ['Báo cáo chỉ số chất lượng phục vụ (QĐ 766/QĐ-TTg)'], bold: true },
    { cells: ['Cơ quan', `${report.agency.name} (${report.agency.id})`] },
    { cells: ['Kỳ báo cáo', `${periodKindLabels[report.period.kind]} ${report.period.id}`] },
    { cells: ['Từ ngày', report.period.from] },
    { cells: ['Đến ngày', report.period.to] },
    ...(report.asOf ? [{ cells: ['Hồ sơ đang giải quyết đánh giá tại thời điểm', report.asOf] }] : []),
    { cells: [] },
    {
      cells: [
        indexLabel,
        report.totals.indicators.index.score,
        `trên ${report.totals.indicators.index.outOf} điểm có số liệu`,
      ],
      bold: true,
    },
    { cells: [] },
    {
      cells: [
        'Nhóm chỉ số',
        'Trọng số',
        'Điểm nhóm',
        'Chỉ số',
        'Điểm tối đa',
        'Ngưỡng đạt tối đa (%)',
        'Tử số',
        'Mẫu số',
        'Giá trị (%)',
        'Điểm đạt',
        'Ghi chú',
      ],
      bold: true,
    },
  ];
  // Score = weight × earned ÷ points of the measured indicators; each indicator: points × min(1, value ÷ threshold).
  for (const group of report.totals.indicators.groups) {
    for (const indicator of group.indicators) {
      const r = indicator.ratio;
      rows.push({
        cells: [
          group.vi,
          group.weight,
          group.score,
          `${indicator.id}. ${indicator.vi}`,
          indicator.points,
          Math.round(indicator.target * 100),
          r?.numerator ?? null,
          r?.denominator ?? null,
          r ? percent(r) : null,
          indicator.score,
          indicator.notMeasured ?? (r && r.denominator === 0 ? 'Mẫu số bằng 0: không tính điểm' : ''),
        ],
      });
    }
    rows.push({
      cells: [
        group.vi,
        group.weight,
        group.score,
        `Cộng: ${group.earnedPoints} trên ${group.assessedPoints} điểm đo được`,
      ],
    });
  }
  rows.push({ cells: [] }, { cells: ['Chỉ tiêu', 'Số lượng'], bold: true });
  for (const name of countNames) rows.push({ cells: [countLabels[name], report.totals.counts[name]] });
  rows.push({ cells: [averageDaysLabel, report.totals.indicators.averageProcessingWorkingDays] });

  return writeXlsx([
    { name: summarySheet, rows, widths: [44, 12, 12, 60, 12, 14, 10, 10, 12, 10, 50] },
    ...breakdownTables(report).map((table) => ({
      name: table.sheet,
      rows: [{ cells: table.headers, bold: true }, ...table.rows.map((cells) => ({ cells }))],
      freezeHeader: true,
    })),
  ]);
}
