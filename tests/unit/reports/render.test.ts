import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countNames } from '../../../shared/domain/indicators/counts.ts';
import type { DossierFact } from '../../../shared/domain/indicators/fact.ts';
import { buildReport } from '../../../shared/domain/indicators/report.ts';
import { countLabels } from '../../../shared/reports/labels.ts';
import {
  breakdownTables,
  renderReportCsv,
  renderReportJson,
  renderReportXlsx,
  summarySheet,
} from '../../../shared/reports/render.ts';

const agencies = [
  { id: '24.UBND', name: 'UBND tỉnh', level: 'province' as const },
  { id: '24.SXD', name: 'Sở Xây dựng', level: 'department' as const, parentId: '24.UBND' },
  { id: '24.07210', name: 'UBND xã "Hợp Thịnh", Hiệp Hòa', level: 'commune' as const, parentId: '24.UBND' },
];

const fact = (code: string, o: Partial<DossierFact>): DossierFact => ({
  code,
  version: 1,
  competentAgencyId: '24.07210',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  serviceLevel: 'fully-online',
  channel: 'online',
  status: 'processing',
  submittedAt: '2026-03-02T02:00:00.000Z',
  dueAt: '2026-03-10T10:00:00.000Z',
  supplementRequests: [],
  feeBearing: false,
  paidOnline: false,
  digitised: false,
  electronicResult: false,
  ...o,
});

const report = buildReport({
  period: { kind: 'month', year: 2026, index: 3 },
  rootId: '24.UBND',
  agencies,
  facts: [
    fact('A', { status: 'decided', decidedAt: '2026-03-05T03:00:00.000Z', processingWorkingHours: 16, rating: 5 }),
    fact('B', { channel: 'counter', status: 'decided', decidedAt: '2026-03-12T03:00:00.000Z', feeBearing: true }),
    fact('C', {
      competentAgencyId: '24.SXD',
      procedureCode: '1.009972',
      procedureName: 'Cấp giấy phép xây dựng',
      field: 'Xây dựng',
      serviceLevel: 'partly-online',
      feeBearing: true,
      paidOnline: true,
      dueAt: '2026-04-20T10:00:00.000Z',
    }),
    fact('D', { submittedAt: '2026-02-20T02:00:00.000Z', status: 'withdrawn', endedAt: '2026-03-03T02:00:00.000Z' }),
  ],
});

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rowsOf = (name: string) => {
    const rows: unknown[][] = [];
    workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  return { names: workbook.worksheets.map((w) => w.name), rowsOf, workbook };
}

describe('report files', () => {
  it('the reference report holds what the test expects (so the checks below are not vacuous)', () => {
    expect(report.totals.counts).toMatchObject({
      received: 4,
      resolved: 2,
      inProgress: 1,
      withdrawn: 1,
      carriedOver: 1,
    });
    expect(report.byField.map((r) => r.field)).toEqual(['Hộ tịch', 'Xây dựng']);
  });

  it('JSON and CSV are byte-identical when the same report is rendered twice', () => {
    expect(renderReportJson(report)).toBe(renderReportJson(structuredClone(report)));
    expect(renderReportCsv(report)).toBe(renderReportCsv(structuredClone(report)));
    expect(JSON.parse(renderReportJson(report))).toEqual(report);
  });

  it('CSV: Vietnamese headers, BOM, CRLF, quoted cells, one line per total and breakdown row', () => {
    const csv = renderReportCsv(report);
    expect(csv.startsWith('\uFEFFPhần,Mã,Tên,Lĩnh vực,Kỳ trước chuyển qua,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 1 + report.byAgency.length + report.byField.length + report.byProcedure.length);
    expect(csv).toContain('"UBND xã ""Hợp Thịnh"", Hiệp Hòa"');
    // Split on the commas outside quotes (labels such as "Phản ánh, kiến nghị …" are quoted).
    const cells = (line: string | undefined) =>
      [...(line ?? '').matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .filter((m, i, all) => i < all.length - 1 || m[0] !== '')
        .map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replaceAll('""', '"'));
    const header = cells(lines[0]);
    const total = cells(lines[1]);
    expect(header).toHaveLength(total.length);
    expect(total[header.indexOf('Tổng số tiếp nhận')]).toBe('4');
    expect(total[header.indexOf('Tỷ lệ đúng hạn (%)')]).toBe('50');
    // The QĐ 766 score of the scope, last column (worked in the XLSX test below).
    expect(header.at(-1)).toBe('Điểm Bộ chỉ số QĐ 766 (thang 100)');
  });

  it('XLSX opens with exceljs: a summary and one sheet per breakdown, totals equal to the JSON', async () => {
    const bytes = renderReportXlsx(report);
    const { names, rowsOf, workbook } = await load(bytes);
    expect(names).toEqual([summarySheet, 'Theo cơ quan', 'Theo lĩnh vực', 'Theo thủ tục']);
    // Bold headers, frozen first row of the breakdowns.
    expect(workbook.getWorksheet('Theo lĩnh vực')?.getCell('A1').font?.bold).toBe(true);
    expect(workbook.getWorksheet('Theo lĩnh vực')?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const json = JSON.parse(renderReportJson(report)) as typeof report;
    const summary = rowsOf(summarySheet);
    for (const name of countNames) {
      const row = summary.find((r) => r[0] === countLabels[name]);
      expect(row?.[1], name).toBe(json.totals.counts[name]);
    }
    // QĐ 766 groups with the points and the counts behind each indicator. Progress (2.1, strict): A decided
    // by its appointment, B late, C open within its appointment → (1 + 1) / (2 + 1) = 66.67 %; 20 × 2/3 = 13.33.
    const progress = summary.find((r) => r[0] === 'Tiến độ, kết quả giải quyết' && String(r[3]).startsWith('2.1.'));
    expect(progress).toEqual([
      'Tiến độ, kết quả giải quyết',
      20,
      13.33,
      '2.1. Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn (theo hẹn ban đầu)',
      20,
      100,
      2,
      3,
      66.67,
      13.33,
    ]);
    // An indicator the platform cannot measure says why, with no points.
    const published = summary.find((r) => String(r[3]).startsWith('1.1.'));
    expect(published?.[9]).toBeUndefined();
    expect(published?.[10]).toMatch(/Cơ sở dữ liệu quốc gia về TTHC/);

    // The breakdown sheets add up to the same totals.
    const fields = rowsOf('Theo lĩnh vực');
    // Every column read back, past Z (the group scores are the last ones).
    const fieldHeaders = breakdownTables(report).find((t) => t.sheet === 'Theo lĩnh vực')?.headers;
    expect(fields[0]).toEqual(fieldHeaders);
    expect(fields[0]?.length).toBeGreaterThan(26);
    expect(fields[1]?.at(-1)).toBe(report.byField[0]?.indicators.index.score ?? undefined);
    const receivedCol = (fields[0] ?? []).indexOf('Tổng số tiếp nhận');
    const sum = fields.slice(1).reduce((s, r) => s + Number(r[receivedCol]), 0);
    expect(sum).toBe(json.totals.counts.received);
    const byAgency = rowsOf('Theo cơ quan');
    const root = byAgency.find((r) => r[0] === '24.UBND');
    expect(root?.[(byAgency[0] ?? []).indexOf('Tổng số tiếp nhận')]).toBe(json.totals.counts.received);
    expect(
      rowsOf('Theo thủ tục')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['1.001193', '1.009972']);
  });

  it('XLSX rendered twice is byte-identical', () => {
    expect(Buffer.from(renderReportXlsx(report)).equals(Buffer.from(renderReportXlsx(structuredClone(report))))).toBe(
      true,
    );
  });
});
