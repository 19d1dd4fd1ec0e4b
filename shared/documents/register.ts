/**
 * Form 07, the register of dossiers (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 07, "Sổ theo dõi hồ
 * sơ"), over a period: a landscape PDF table and an XLSX workbook with the same columns. Pure: the same
 * lines give the same bytes (no clock, no I/O).
 */
import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  type PDFName,
  type PDFPage,
  rgb,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import type { RegisterLine } from '../domain/dossier/register.ts';
import { formatVnDate, vnParts } from '../domain/time.ts';
import { writeXlsx, type XlsxCell } from '../reports/xlsx.ts';
import { formTitles } from './forms.ts';
import { dejaVuSansBold, dejaVuSansRegular } from './fonts/dejavu-sans-vi.ts';
import { type EmbeddedFont, embedTrueType } from './truetype.ts';

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

const fontBytes = {
  regular: Buffer.from(dejaVuSansRegular, 'base64'),
  bold: Buffer.from(dejaVuSansBold, 'base64'),
};
const page = { width: 841.89, height: 595.28, margin: 36 };
const size = 7.5;
const leading = 9;

export async function renderRegisterPdf(input: RegisterInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = embedTrueType(pdf, fontBytes.regular, 'DejaVuSans');
  const bold = embedTrueType(pdf, fontBytes.bold, 'DejaVuSans-Bold');
  pdf.setTitle(`${formTitles['07']} – ${input.agencyName} – ${period(input)}`);
  pdf.setSubject(`Mẫu số 07 – ${period(input)}`);
  pdf.setAuthor(input.agencyName);
  pdf.setCreator('egov-one-stop');
  pdf.setProducer('egov-one-stop');
  pdf.setCreationDate(input.issuedAt);
  pdf.setModificationDate(input.issuedAt);

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
  const { hour, minute } = vnParts(input.issuedAt);
  table.note(
    `Tổng số: ${input.lines.length} hồ sơ. Lập lúc ${two(hour)} giờ ${two(minute)}, ngày ${formatVnDate(input.issuedAt)}.`,
  );
  return pdf.save({ useObjectStreams: false });
}

/** Rows of wrapped cells on landscape A4 pages, the column titles repeated at the top of each page. */
class Table {
  private page!: PDFPage;
  private names = new Map<EmbeddedFont, PDFName>();
  private y = 0;
  private header: string[] | undefined;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: EmbeddedFont,
    private readonly bold: EmbeddedFont,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.pdf.addPage([page.width, page.height]);
    this.names = new Map([
      [this.regular, this.page.node.newFontDictionary('F', this.regular.ref)],
      [this.bold, this.page.node.newFontDictionary('F', this.bold.ref)],
    ]);
    this.y = page.height - page.margin;
  }

  heading(agencyName: string, title: string, subtitle: string) {
    const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    const right = page.width - page.margin;
    this.text(agencyName.toUpperCase(), page.margin, this.y, this.bold, 9);
    this.text(nation, right - this.bold.widthOfTextAtSize(nation, 9), this.y, this.bold, 9);
    const mottoX = right - this.bold.widthOfTextAtSize(nation, 9) / 2 - this.bold.widthOfTextAtSize(motto, 9) / 2;
    this.text(motto, mottoX, this.y - 12, this.bold, 9);
    this.y -= 40;
    this.text(title, (page.width - this.bold.widthOfTextAtSize(title, 13)) / 2, this.y, this.bold, 13);
    this.y -= 18;
    this.text(subtitle, (page.width - this.regular.widthOfTextAtSize(subtitle, 10)) / 2, this.y, this.regular, 10);
    this.y -= 22;
  }

  row(cells: string[], font: EmbeddedFont) {
    if (font === this.bold && !this.header) this.header = cells;
    const wrapped = cells.map((cell, i) => wrap(cell, font, size, (columns[i]?.width ?? 40) - 4));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * leading + 4;
    if (this.y - height < page.margin) {
      this.newPage();
      if (this.header && cells !== this.header) this.row(this.header, this.bold);
    }
    let x = page.margin;
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
    if (this.y - 12 < page.margin) this.newPage();
    this.text(text, page.margin, this.y, this.regular, 9);
    this.y -= 14;
  }

  private text(text: string, x: number, y: number, font: EmbeddedFont, fontSize: number) {
    const name = this.names.get(font);
    if (!name) throw new Error('Font not registered on the page');
    this.page.pushOperators(
      beginText(),
      setFillingGrayscaleColor(0),
      setFontAndSize(name, fontSize),
      moveText(x, y - fontSize),
      showText(font.encode(text)),
      endText(),
    );
  }
}

/** Words to lines within `width`; a word longer than the column is cut. */
function wrap(text: string, font: EmbeddedFont, fontSize: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, fontSize) <= width) current = candidate;
    else {
      if (current) lines.push(current);
      let rest = word;
      while (font.widthOfTextAtSize(rest, fontSize) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), fontSize) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current = rest;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [''];
}
