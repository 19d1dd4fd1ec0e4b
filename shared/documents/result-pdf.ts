/**
 * The result document as a PDF, in the layout of an administrative document (Nghị định
 * 30/2020/NĐ-CP, phụ lục I): issuing agency top left, national motto top right, number and
 * symbol under the agency, place and date under the motto, the type and summary centred, the
 * content, the signer's block on the right and the recipients on the left. Pure: the same input
 * gives the same bytes. Signed afterwards (PAdES), by the leader and then by the agency.
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
// The encoder alone: the package's entry also loads its PNG, SVG and terminal renderers.
import { create as createQrCode } from 'qrcode/lib/core/qrcode.js';
import type { ResultDocument } from '../domain/dossier/result-document.ts';
import { lookupUrl } from '../portal/paths.ts';
import { dejaVuSansBold, dejaVuSansRegular } from './fonts/dejavu-sans-vi.ts';
import { type EmbeddedFont, embedTrueType } from './truetype.ts';

export interface ResultPdfInput {
  document: ResultDocument;
  dossierCode: string;
  /** The deployment's public address: the QR code opens its look-up page with the dossier code. */
  publicUrl: string;
  /** The decision time: the PDF's dates (no clock read here). */
  issuedAt: Date;
}

const fontBytes = {
  regular: Buffer.from(dejaVuSansRegular, 'base64'),
  bold: Buffer.from(dejaVuSansBold, 'base64'),
};
const A4 = { width: 595.28, height: 841.89 };
const margin = 56;
const column = (A4.width - 2 * margin) / 2;
const motto = { nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', words: 'Độc lập - Tự do - Hạnh phúc' };

export async function renderResultPdf(input: ResultPdfInput): Promise<Uint8Array> {
  const { document: doc, dossierCode } = input;
  const pdf = await PDFDocument.create();
  const regular = embedTrueType(pdf, fontBytes.regular, 'DejaVuSans');
  const bold = embedTrueType(pdf, fontBytes.bold, 'DejaVuSans-Bold');
  pdf.setTitle(`${doc.title}${doc.summary ? ` – ${doc.summary}` : ''} – ${dossierCode}`);
  pdf.setSubject(doc.number);
  pdf.setAuthor(doc.issuer.at(-1) ?? '');
  pdf.setKeywords([dossierCode]);
  pdf.setCreator('egov-one-stop');
  pdf.setProducer('egov-one-stop');
  pdf.setCreationDate(input.issuedAt);
  pdf.setModificationDate(input.issuedAt);

  const page = new Layout(pdf, regular, bold);
  const top = page.y;
  // Left: the issuing agency, a short rule, the number and symbol.
  let left = top;
  for (const [i, line] of doc.issuer.entries()) {
    for (const part of page.wrap(line, bold, 9.5, column - 10)) {
      page.centeredIn(part, margin, column, left, i === doc.issuer.length - 1 ? bold : regular, 9.5);
      left -= 13;
    }
  }
  // The last line's baseline sits 3.5 points above `left`; the rule clears the dots below (Ự, Ị).
  page.rule(margin + column / 2 - 30, margin + column / 2 + 30, left - 4);
  left -= 15;
  page.centeredIn(doc.number, margin, column, left, regular, 9.5);
  left -= 13;
  // Right: the national motto, a rule under it, place and date.
  let right = top;
  page.centeredIn(motto.nation, margin + column, column, right, bold, 9.5);
  right -= 13;
  page.centeredIn(motto.words, margin + column, column, right, bold, 10.5);
  const mottoWidth = bold.widthOfTextAtSize(motto.words, 10.5);
  page.rule(margin + column * 1.5 - mottoWidth / 2, margin + column * 1.5 + mottoWidth / 2, right - 13);
  right -= 24;
  page.centeredIn(doc.placeAndDate, margin + column, column, right, regular, 9.5);
  right -= 13;
  page.y = Math.min(left, right) - 18;

  page.centered(doc.title, bold, 14);
  if (doc.summary) page.centered(doc.summary, bold, 11);
  page.gap(12);
  for (const ground of doc.grounds) page.paragraph(ground, regular, 11);
  if (doc.grounds.length > 0) page.gap(4);
  for (const item of doc.content) {
    if (item === 'QUYẾT ĐỊNH:') page.centered(item, bold, 11);
    else if (typeof item === 'string') page.paragraph(item, regular, 11);
    else page.row(item[0], item[1], 11);
  }
  page.gap(18);

  // The signer's block on the right, the recipients on the left, side by side.
  page.ensure(120);
  const blockTop = page.y;
  let sign = blockTop;
  for (const line of page.wrap(doc.authority, bold, 10.5, column)) {
    page.centeredIn(line, margin + column, column, sign, bold, 10.5);
    sign -= 14;
  }
  page.centeredIn('(Đã ký số)', margin + column, column, sign - 18, regular, 10);
  page.centeredIn(doc.signerName, margin + column, column, sign - 54, bold, 11);
  let recipients = blockTop;
  page.text('Nơi nhận:', margin, recipients, bold, 9.5);
  recipients -= 13;
  for (const line of doc.recipients) {
    for (const part of page.wrap(`- ${line}`, regular, 9, column - 10)) {
      page.text(part, margin, recipients, regular, 9);
      recipients -= 12;
    }
  }
  page.y = Math.min(sign - 70, recipients) - 10;

  // The lookup: a QR code and its link, to check the dossier and the signatures.
  const link = lookupUrl(input.publicUrl, dossierCode);
  page.ensure(90);
  page.qr(link, margin, page.y);
  page.text('Tra cứu hồ sơ và kiểm tra chữ ký số:', margin + 80, page.y - 20, regular, 8.5);
  for (const [i, part] of page.wrap(link, regular, 8.5, A4.width - 2 * margin - 80).entries()) {
    page.text(part, margin + 80, page.y - 32 - i * 11, regular, 8.5);
  }
  return pdf.save({ useObjectStreams: false });
}

/** Places text on A4 pages top to bottom, wrapping words and adding pages as needed. */
class Layout {
  private page: PDFPage;
  y: number;
  private names = new Map<EmbeddedFont, PDFName>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: EmbeddedFont,
    private readonly bold: EmbeddedFont,
  ) {
    this.page = this.newPage();
    this.y = A4.height - margin;
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage([A4.width, A4.height]);
    this.names = new Map([
      [this.regular, page.node.newFontDictionary('F', this.regular.ref)],
      [this.bold, page.node.newFontDictionary('F', this.bold.ref)],
    ]);
    return page;
  }

  ensure(height: number) {
    if (this.y - height >= margin) return;
    this.page = this.newPage();
    this.y = A4.height - margin;
  }

  gap(points: number) {
    this.y -= points;
  }

  centeredIn(text: string, x: number, width: number, y: number, font: EmbeddedFont, size: number) {
    this.text(text, x + (width - font.widthOfTextAtSize(text, size)) / 2, y, font, size);
  }

  centered(text: string, font: EmbeddedFont, size: number) {
    for (const line of this.wrap(text, font, size, A4.width - 2 * margin)) {
      this.ensure(size + 6);
      this.centeredIn(line, margin, A4.width - 2 * margin, this.y, font, size);
      this.y -= size + 6;
    }
  }

  /** A paragraph with a first-line indent, as administrative documents are typed. */
  paragraph(text: string, font: EmbeddedFont, size: number) {
    const indent = 24;
    const width = A4.width - 2 * margin;
    const words = text.split(/\s+/).filter(Boolean);
    let first = true;
    let current = '';
    const flush = () => {
      this.ensure(size + 6);
      this.text(current, margin + (first ? indent : 0), this.y, font, size);
      this.y -= size + 6;
      first = false;
      current = '';
    };
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      const room = width - (first ? indent : 0);
      if (font.widthOfTextAtSize(candidate, size) <= room || !current) current = candidate;
      else {
        flush();
        current = word;
      }
    }
    if (current) flush();
    this.y -= 3;
  }

  row(label: string, value: string, size: number) {
    const labelWidth = 150;
    const lines = this.wrap(value || '—', this.regular, size, A4.width - 2 * margin - labelWidth - 24);
    this.ensure(size + 6);
    this.text(`${label}:`, margin + 24, this.y, this.regular, size);
    for (const line of lines) {
      this.ensure(size + 6);
      this.text(line, margin + 24 + labelWidth, this.y, this.bold, size);
      this.y -= size + 6;
    }
  }

  rule(x1: number, x2: number, y: number) {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.6, color: rgb(0, 0, 0) });
  }

  qr(link: string, x: number, y: number) {
    const code = createQrCode(link, { errorCorrectionLevel: 'M' });
    const size = code.modules.size;
    const box = 68;
    const cell = box / size;
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (code.modules.get(row, col)) {
          this.page.drawRectangle({
            x: x + col * cell,
            y: y - box + (size - 1 - row) * cell,
            width: cell,
            height: cell,
            color: rgb(0, 0, 0),
          });
        }
      }
    }
  }

  text(text: string, x: number, y: number, font: EmbeddedFont, size: number) {
    const name = this.names.get(font);
    if (!name) throw new Error('Font not registered on the page');
    this.page.pushOperators(
      beginText(),
      setFillingGrayscaleColor(0),
      setFontAndSize(name, size),
      moveText(x, y - size),
      showText(font.encode(text)),
      endText(),
    );
  }

  wrap(text: string, font: EmbeddedFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !current) current = candidate;
      else {
        lines.push(current);
        current = word;
      }
    }
    if (current) lines.push(current);
    return lines.length > 0 ? lines : [''];
  }
}
