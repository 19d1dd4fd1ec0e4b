/**
 * What every PDF of the platform is made of (forms, the register, the result document): a document
 * with the embedded Vietnamese font and its information dictionary, pages that place text in that
 * font, words wrapped to a width, the national motto and the QR code to the look-up page. Each
 * document keeps its own layout. No clock; its only I/O is reading the font files once per process.
 */
import { type PdfPage, PdfWriter, rgb } from './pdf-writer.ts';
// The encoder alone: the package's entry also loads its PNG, SVG and terminal renderers.
import { create as createQrCode } from 'qrcode/lib/core/qrcode.js';
import { formFonts } from './fonts/form-font.ts';
import { type EmbeddedFont, embedTrueType } from './truetype.ts';

/** A4 upright, in points. */
export const A4 = { width: 595.28, height: 841.89 };

/** The national motto (quốc hiệu và tiêu ngữ, Nghị định 30/2020/NĐ-CP, phụ lục I) heading every document. */
export const nationalMotto = { nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', words: 'Độc lập - Tự do - Hạnh phúc' };

export interface PdfInfo {
  title: string;
  subject: string;
  author: string;
  keywords?: string[];
  /** The document's creation and modification date (no clock read here). */
  at: Date;
}

export interface PdfWithFonts {
  pdf: PdfWriter;
  regular: EmbeddedFont;
  bold: EmbeddedFont;
}

/** A new PDF with the regular and bold fonts embedded and its information dictionary filled in. */
export async function newPdf(info: PdfInfo): Promise<PdfWithFonts> {
  const pdf = new PdfWriter();
  const fonts = formFonts();
  const regular = embedTrueType(pdf, fonts.regular, 'DejaVuSans');
  const bold = embedTrueType(pdf, fonts.bold, 'DejaVuSans-Bold');
  pdf.info = {
    Title: info.title,
    Subject: info.subject,
    Author: info.author,
    ...(info.keywords ? { Keywords: info.keywords.join(' ') } : {}),
    Creator: 'egov-one-stop',
    Producer: 'egov-one-stop',
    CreationDate: info.at,
    ModDate: info.at,
  };
  return { pdf, regular, bold };
}

/**
 * Words to lines within `width`. A word wider than the width stands alone on its line, or, with
 * `cutLongWords` (narrow table columns), is cut across lines.
 */
export function wrapWords(
  text: string,
  font: EmbeddedFont,
  size: number,
  width: number,
  { cutLongWords = false } = {},
): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) current = candidate;
    else {
      if (current) lines.push(current);
      let rest = word;
      while (cutLongWords && font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current = rest;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [''];
}

export interface PageFormat {
  width: number;
  height: number;
  margin: number;
}

/** Pages of one format with both fonts on each; `y` is where the next line's top goes, from the page's foot. */
export class PdfCanvas {
  protected page!: PdfPage;
  y = 0;

  constructor(
    protected readonly pdf: PdfWriter,
    readonly regular: EmbeddedFont,
    readonly bold: EmbeddedFont,
    protected readonly format: PageFormat,
  ) {
    this.newPage();
  }

  protected newPage() {
    this.page = this.pdf.addPage(this.format.width, this.format.height);
    this.page.fontName(this.regular.ref);
    this.page.fontName(this.bold.ref);
    this.y = this.format.height - this.format.margin;
  }

  /** Goes on to a new page unless `height` points still fit above the bottom margin; true when it did. */
  ensure(height: number): boolean {
    if (this.y - height >= this.format.margin) return false;
    this.newPage();
    return true;
  }

  gap(points: number) {
    this.y -= points;
  }

  /** One line of text, its top at `y`. */
  text(text: string, x: number, y: number, font: EmbeddedFont, size: number) {
    this.page.showText(font.ref, size, x, y - size, font.encode(text));
  }

  wrap(text: string, font: EmbeddedFont, size: number, width: number): string[] {
    return wrapWords(text, font, size, width);
  }

  /** Text centred between the margins, wrapped, each line on the flow. */
  centered(text: string, font: EmbeddedFont, size: number) {
    for (const line of this.wrap(text, font, size, this.format.width - 2 * this.format.margin)) {
      this.ensure(size + 6);
      this.centeredLine(line, this.y, font, size);
      this.y -= size + 6;
    }
  }

  /** One line centred on the page, its top at `y`. */
  centeredLine(text: string, y: number, font: EmbeddedFont, size: number) {
    this.text(text, (this.format.width - font.widthOfTextAtSize(text, size)) / 2, y, font, size);
  }

  /** The national motto flush right at `right`, its words centred under it (forms and the register). */
  mottoAtRight(right: number, top: number) {
    const { nation, words } = nationalMotto;
    this.text(nation, right - this.bold.widthOfTextAtSize(nation, 9), top, this.bold, 9);
    const wordsX = right - this.bold.widthOfTextAtSize(nation, 9) / 2 - this.bold.widthOfTextAtSize(words, 9) / 2;
    this.text(words, wordsX, top - 12, this.bold, 9);
  }

  /** A QR code of `link` in a `box`-point square, its top left corner at (`x`, `top`). */
  qr(link: string, x: number, top: number, box: number) {
    const code = createQrCode(link, { errorCorrectionLevel: 'M' });
    const size = code.modules.size;
    const cell = box / size;
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        if (code.modules.get(row, col)) {
          this.page.drawRectangle({
            x: x + col * cell,
            y: top - box + (size - 1 - row) * cell,
            width: cell,
            height: cell,
            color: rgb(0, 0, 0),
          });
        }
      }
    }
  }
}
