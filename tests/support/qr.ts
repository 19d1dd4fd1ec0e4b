/**
 * Reads the QR code printed on a PDF as a phone would: the first page rasterised by poppler's
 * `pdftoppm` (grey, 150 dpi, then 300 dpi as a printer's page if that fails: at 150 dpi a module of a
 * longer URL, such as the local cloud's with its port, is about two pixels wide and ZXing sometimes
 * misreads one), then decoded by ZXing's QR reader (@zxing/library). Needs poppler (pdf.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { fileOf, poppler } from './pdf.ts';

/** A binary PGM (P5, 8-bit) as pdftoppm writes it: header, then one byte of grey per pixel. */
function readPgm(bytes: Buffer): { width: number; height: number; grey: Uint8ClampedArray } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('Not a binary PGM');
  const [whole, width, height, max] = header;
  if (Number(max) !== 255) throw new Error('Only 8-bit PGM is read');
  const w = Number(width);
  const h = Number(height);
  const start = (whole as string).length;
  return { width: w, height: h, grey: new Uint8ClampedArray(bytes.subarray(start, start + w * h)) };
}

export function pdfQrCode(pdf: Uint8Array): string {
  const file = fileOf(pdf, 'form.pdf');
  const page = join(dirname(file), 'page');
  const read = (dpi: number) => {
    poppler('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, page]);
    const { width, height, grey } = readPgm(readFileSync(`${page}.pgm`));
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height)));
    return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.TRY_HARDER, true]])).getText();
  };
  try {
    return read(150);
  } catch {
    return read(300);
  }
}
