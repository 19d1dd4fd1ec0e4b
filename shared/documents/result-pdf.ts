/**
 * The result document as a PDF, in the layout of an administrative document (Nghị định
 * 30/2020/NĐ-CP, phụ lục I): issuing agency top left, national motto top right, number and
 * symbol under the agency, place and date under the motto, the type and summary centred, the
 * content, the signer's block on the right and the recipients on the left. Pure: the same input
 * gives the same bytes. Signed afterwards (PAdES), by the leader and then by the agency.
 */
import { type PdfWriter, rgb } from './pdf-writer.ts';
import type { ResultDocument } from '../domain/dossier/result-document.ts';
import { lookupUrl } from '../portal/paths.ts';
import { A4, nationalMotto as motto, newPdf, PdfCanvas } from './pdf-layout.ts';
import type { EmbeddedFont } from './truetype.ts';

export interface ResultPdfInput {
  document: ResultDocument;
  dossierCode: string;
  /** The deployment's public address: the QR code opens its look-up page with the dossier code. */
  publicUrl: string;
  /** The decision time: the PDF's dates (no clock read here). */
  issuedAt: Date;
}

const margin = 56;
const column = (A4.width - 2 * margin) / 2;

export async function renderResultPdf(input: ResultPdfInput): Promise<Uint8Array> {
  const { document: doc, dossierCode } = input;
  const { pdf, regular, bold } = await newPdf({
    title: `${doc.title}${doc.summary ? ` – ${doc.summary}` : ''} – ${dossierCode}`,
    subject: doc.number,
    author: doc.issuer.at(-1) ?? '',
    keywords: [dossierCode],
    at: input.issuedAt,
  });

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
  page.qr(link, margin, page.y, 68);
  page.text('Tra cứu hồ sơ và kiểm tra chữ ký số:', margin + 80, page.y - 20, regular, 8.5);
  for (const [i, part] of page.wrap(link, regular, 8.5, A4.width - 2 * margin - 80).entries()) {
    page.text(part, margin + 80, page.y - 32 - i * 11, regular, 8.5);
  }
  return pdf.save();
}

/** Places text on A4 pages top to bottom, wrapping words and adding pages as needed. */
class Layout extends PdfCanvas {
  constructor(pdf: PdfWriter, regular: EmbeddedFont, bold: EmbeddedFont) {
    super(pdf, regular, bold, { ...A4, margin });
  }

  centeredIn(text: string, x: number, width: number, y: number, font: EmbeddedFont, size: number) {
    this.text(text, x + (width - font.widthOfTextAtSize(text, size)) / 2, y, font, size);
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
}
