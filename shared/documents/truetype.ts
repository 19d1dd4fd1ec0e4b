/**
 * A TrueType font embedded in a PDF as a composite (Type0 / CIDFontType2, Identity-H) font, with a
 * ToUnicode map so text extracts back (pdftotext, screen readers, search). Reads only the tables it
 * needs (head, hhea, maxp, hmtx, cmap format 4): a few hundred lines of fontkit's job for a font that
 * is already cut down to the characters of Vietnamese forms, so functions stay small.
 */
import { literal, PdfRaw, type PdfRef, type PdfWriter } from './pdf-writer.ts';

interface Metrics {
  unitsPerEm: number;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  advances: number[];
  glyphOf: Map<number, number>;
}

function parse(font: Uint8Array): Metrics {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(font[at] ?? 0, font[at + 1] ?? 0, font[at + 2] ?? 0, font[at + 3] ?? 0);
    tables.set(tag, view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`The font has no ${tag} table`);
    return offset;
  };
  const head = table('head');
  const hhea = table('hhea');
  const unitsPerEm = view.getUint16(head + 18);
  const bbox: Metrics['bbox'] = [
    view.getInt16(head + 36),
    view.getInt16(head + 38),
    view.getInt16(head + 40),
    view.getInt16(head + 42),
  ];
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const numGlyphs = view.getUint16(table('maxp') + 4);
  const hmtx = table('hmtx');
  const advances: number[] = [];
  for (let g = 0; g < numGlyphs; g++) advances.push(view.getUint16(hmtx + Math.min(g, numberOfHMetrics - 1) * 4));

  const cmap = table('cmap');
  let subtable: number | undefined;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = cmap + view.getUint32(cmap + 8 + i * 8);
    if (view.getUint16(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) subtable = offset;
  }
  if (subtable === undefined) throw new Error('The font has no Unicode BMP cmap (format 4)');
  const segments = view.getUint16(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const glyphOf = new Map<number, number>();
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffset = view.getUint16(rangeOffsets + s * 2);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2;
        const raw = view.getUint16(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) glyphOf.set(code, glyph);
    }
  }
  return { unitsPerEm, bbox, ascent: view.getInt16(hhea + 4), descent: view.getInt16(hhea + 6), advances, glyphOf };
}

export interface EmbeddedFont {
  /** The font's resource, to register on a page. */
  ref: PdfRef;
  widthOfTextAtSize(text: string, size: number): number;
  /** The text as a hex string of glyph ids (Identity-H); characters the font lacks become `?`. */
  encode(text: string): PdfRaw;
  /** Whether every character of the text has a glyph. */
  covers(text: string): boolean;
}

export function embedTrueType(pdf: PdfWriter, bytes: Uint8Array, name: string): EmbeddedFont {
  const metrics = parse(bytes);
  const scale = 1000 / metrics.unitsPerEm;
  const glyphs = (text: string) =>
    [...text.normalize('NFC')].map((char) => {
      const code = char.codePointAt(0) ?? 0;
      return { code, glyph: metrics.glyphOf.get(code) ?? metrics.glyphOf.get(0x3f) ?? 0 };
    });
  const fontFile = pdf.flateStream(bytes, { Length1: bytes.length });
  const descriptor = pdf.register({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: 32,
    FontBBox: metrics.bbox.map((v) => Math.round(v * scale)),
    ItalicAngle: 0,
    Ascent: Math.round(metrics.ascent * scale),
    Descent: Math.round(metrics.descent * scale),
    CapHeight: Math.round(metrics.ascent * scale),
    StemV: 80,
    FontFile2: fontFile,
  });
  const used = [...metrics.glyphOf.entries()];
  const widths = metrics.advances.map((w) => Math.round(w * scale));
  const cidFont = pdf.register({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: {
      Registry: literal('Adobe'),
      Ordering: literal('Identity'),
      Supplement: 0,
    },
    FontDescriptor: descriptor,
    CIDToGIDMap: 'Identity',
    DW: 1000,
    W: [0, widths],
  });
  const hex = (n: number, digits = 4) => n.toString(16).toUpperCase().padStart(digits, '0');
  // The subset covers the Basic Multilingual Plane only: one UTF-16 unit per character.
  const lines = used.map(([code, glyph]) => `<${hex(glyph)}> <${hex(code)}>`);
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 100) {
    const chunk = lines.slice(i, i + 100);
    chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const toUnicode = pdf.flateStream(cmap);
  const ref = pdf.register({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [cidFont],
    ToUnicode: toUnicode,
  });
  return {
    ref,
    widthOfTextAtSize: (text, size) =>
      (glyphs(text).reduce((sum, { glyph }) => sum + (widths[glyph] ?? 1000), 0) * size) / 1000,
    encode: (text) =>
      new PdfRaw(
        `<${glyphs(text)
          .map(({ glyph }) => hex(glyph))
          .join('')}>`,
      ),
    covers: (text) => [...text.normalize('NFC')].every((char) => metrics.glyphOf.has(char.codePointAt(0) ?? 0)),
  };
}
