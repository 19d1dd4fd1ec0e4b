/**
 * Form 07, the register of dossiers (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 07, "Sổ theo dõi hồ
 * sơ"), over a period: a landscape PDF table and an XLSX workbook with the same columns. Pure: the same
 * lines give the same bytes (no clock, no I/O).
 */
import { type PdfWriter, rgb } from './pdf-writer.ts';
import type { RegisterLine } from '../domain/dossier/register.ts';
import { formatVnDate, vnParts } from '../domain/time.ts';
import { writeXlsx, type XlsxCell } from '../reports/xlsx.ts';
import { formTitles, printedInstant } from './forms.ts';
import { A4, newPdf, PdfCanvas, wrapWords } from './pdf-layout.ts';
import type { EmbeddedFont } from './truetype.ts';

export interface RegisterInput {
  agencyName: string;
  /** The period, local dates `yyyy-mm-dd`, both included. */
  from: string;
  to: string;
  lines: readonly RegisterLine[];
  /** When it was drawn up: printed, and the PDF's dates. */
  issuedAt: Date;
}

/** The columns of mẫu số 07, in order, with their width on the landscape page (points). */
const columns: readonly { title: string; width: number; cell: (l: RegisterLine) => string }[] = [
  { title: 'STT', width: 26, cell: (l) => String(l.index) },
  { title: 'Mã hồ sơ', width: 102, cell: (l) => l.code },
  { title: 'Tên thủ tục hành chính', width: 118, cell: (l) => l.procedure },
  { title: 'Số lượng hồ sơ (bộ)', width: 34, cell: (l) => String(l.sets).padStart(2, '0') },
  {
    title: 'Tên cá nhân, tổ chức; địa chỉ, số điện thoại',
    width: 110,
    cell: (l) => [l.applicant, l.address, l.phone].filter(Boolean).join('; '),
  },
  { title: 'Cơ quan chủ trì giải quyết', width: 78, cell: (l) => l.agency },
  { title: 'Nhận hồ sơ', width: 58, cell: (l) => short(l.receivedAt ?? l.submittedAt) },
  { title: 'Hẹn trả kết quả', width: 58, cell: (l) => short(l.dueAt) },
  { title: 'Có kết quả', width: 58, cell: (l) => short(l.decidedAt) },
  { title: 'Trả kết quả', width: 58, cell: (l) => short(l.returnedAt) },
  { title: 'Tình trạng, ghi chú', width: 68, cell: (l) => [l.status, l.note].filter(Boolean).join('; ') },
];

const two = (n: number) => String(n).padStart(2, '0');

/** `14:05 09/03/2026`, Hà Nội time. */
function short(iso: string | undefined): string {
  if (!iso) return '';
  const instant = new Date(iso);
  const { hour, minute } = vnParts(instant);
  return `${two(hour)}:${two(minute)} ${formatVnDate(instant)}`;
}

const vnDay = (date: string) => date.split('-').reverse().join('/');

const period = (input: RegisterInput) => `Từ ngày ${vnDay(input.from)} đến ngày ${vnDay(input.to)}`;

/** The file name people get: `so-theo-doi-ho-so_<agency>_<from>_<to>.<ext>`. */
export const registerFileName = (agencyId: string, from: string, to: string, ext: 'pdf' | 'xlsx') =>
  `so-theo-doi-ho-so_${agencyId}_${from}_${to}.${ext}`;

export function renderRegisterXlsx(input: RegisterInput): Uint8Array {
  const rows: { cells: XlsxCell[]; bold?: boolean }[] = [
    { cells: [formTitles['07']], bold: true },
    { cells: [input.agencyName] },
    { cells: [period(input)] },
    { cells: [] },
    { cells: columns.map((c) => c.title), bold: true },
    ...input.lines.map((line) => ({
      cells: columns.map((c, i): XlsxCell => (i === 0 || i === 3 ? Number(c.cell(line)) : c.cell(line))),
    })),
  ];
  return writeXlsx([{ name: 'Sổ theo dõi hồ sơ', rows, widths: columns.map((c) => Math.round(c.width / 4.5) + 4) }]);
}

/** A4 lying down. */
const landscape = { width: A4.height, height: A4.width, margin: 36 };
const size = 7.5;
const leading = 9;

export async function renderRegisterPdf(input: RegisterInput): Promise<Uint8Array> {
  const { pdf, regular, bold } = await newPdf({
    title: `${formTitles['07']} – ${input.agencyName} – ${period(input)}`,
    subject: `Mẫu số 07 – ${period(input)}`,
    author: input.agencyName,
    at: input.issuedAt,
  });

  const table = new Table(pdf, regular, bold);
  table.heading(input.agencyName, formTitles['07'], period(input));
  table.row(
    columns.map((c) => c.title),
    bold,
  );
  if (input.lines.length === 0) table.note('Không có hồ sơ nào trong kỳ.');
  for (const line of input.lines)
    table.row(
      columns.map((c) => c.cell(line)),
      regular,
    );
  table.note(`Tổng số: ${input.lines.length} hồ sơ. Lập lúc ${printedInstant(input.issuedAt)}.`);
  return pdf.save();
}

/** Rows of wrapped cells on landscape A4 pages, the column titles repeated at the top of each page. */
class Table extends PdfCanvas {
  private header: string[] | undefined;

  constructor(pdf: PdfWriter, regular: EmbeddedFont, bold: EmbeddedFont) {
    super(pdf, regular, bold, landscape);
  }

  heading(agencyName: string, title: string, subtitle: string) {
    this.text(agencyName.toUpperCase(), landscape.margin, this.y, this.bold, 9);
    this.mottoAtRight(landscape.width - landscape.margin, this.y);
    this.y -= 40;
    this.centeredLine(title, this.y, this.bold, 13);
    this.y -= 18;
    this.centeredLine(subtitle, this.y, this.regular, 10);
    this.y -= 22;
  }

  row(cells: string[], font: EmbeddedFont) {
    if (font === this.bold && !this.header) this.header = cells;
    // A word longer than its column is cut: the cells stay within their borders.
    const wrapped = cells.map((cell, i) =>
      wrapWords(cell, font, size, (columns[i]?.width ?? 40) - 4, { cutLongWords: true }),
    );
    const height = Math.max(...wrapped.map((lines) => lines.length)) * leading + 4;
    if (this.ensure(height) && this.header && cells !== this.header) this.row(this.header, this.bold);
    let x = landscape.margin;
    wrapped.forEach((lines, i) => {
      const width = columns[i]?.width ?? 40;
      this.page.drawRectangle({
        x,
        y: this.y - height,
        width,
        height,
        borderColor: rgb(0, 0, 0),
        borderWidth: 0.5,
      });
      lines.forEach((line, j) => this.text(line, x + 2, this.y - 2 - j * leading, font, size));
      x += width;
    });
    this.y -= height;
  }

  note(text: string) {
    this.y -= 6;
    this.ensure(12);
    this.text(text, landscape.margin, this.y, this.regular, 9);
    this.y -= 14;
  }
}
