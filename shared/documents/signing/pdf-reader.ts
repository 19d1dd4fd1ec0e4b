/**
 * The little of a PDF (ISO 32000-1, 7.2–7.5) signing and verification read: the last trailer, the
 * cross-reference tables back through `/Prev`, and an indirect object's value, each value kept with
 * its source text so a dictionary is rewritten with only the entries that change. Streams' contents,
 * object streams and cross-reference streams are not read: the PDFs signed here (shared/documents/
 * pdf-writer.ts output, signed once already or not) have classic tables.
 */

export type PdfObject =
  | { kind: 'dict'; entries: [key: string, value: PdfObject][]; source: string }
  | { kind: 'array'; items: PdfObject[]; source: string }
  | { kind: 'ref'; objectNumber: number; generation: number; source: string }
  | { kind: 'name'; name: string; source: string }
  | { kind: 'string'; bytes: Buffer; source: string }
  | { kind: 'number'; value: number; source: string }
  | { kind: 'other'; source: string };

export type PdfDict = Extract<PdfObject, { kind: 'dict' }>;
export type PdfArray = Extract<PdfObject, { kind: 'array' }>;
export type PdfRefObject = Extract<PdfObject, { kind: 'ref' }>;

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const delimiters = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isRegular = (code: number | undefined) => code !== undefined && !whitespace.has(code) && !delimiters.has(code);
const fail = (what: string): never => {
  throw new Error(`PDF: ${what}`);
};

/** Reads PDF values from a file's text (latin1: one character per byte, offsets are byte offsets). */
export class PdfParser {
  constructor(readonly text: string) {}

  skipSpace(at: number): number {
    for (;;) {
      const code = this.text.charCodeAt(at);
      if (whitespace.has(code)) at++;
      else if (code === 0x25 /* % */) {
        while (at < this.text.length && !/[\r\n]/.test(this.text[at] as string)) at++;
      } else return at;
    }
  }

  /** A run of regular characters (a keyword or a number) from `at`. */
  word(at: number): string {
    let end = at;
    while (isRegular(this.text.charCodeAt(end))) end++;
    return this.text.slice(at, end);
  }

  /** The value starting at or after `at`, and where it ends. */
  value(from: number): { value: PdfObject; end: number } {
    const at = this.skipSpace(from);
    const text = this.text;
    const c = text[at];
    if (c === undefined) return fail('unexpected end of file');
    if (text.startsWith('<<', at)) {
      const entries: [string, PdfObject][] = [];
      let pos = this.skipSpace(at + 2);
      while (!text.startsWith('>>', pos)) {
        const key = this.value(pos);
        if (key.value.kind !== 'name') return fail(`dictionary key expected at ${pos}`);
        const entry = this.value(key.end);
        entries.push([key.value.name, entry.value]);
        pos = this.skipSpace(entry.end);
      }
      return { value: { kind: 'dict', entries, source: text.slice(at, pos + 2) }, end: pos + 2 };
    }
    if (c === '[') {
      const items: PdfObject[] = [];
      let pos = this.skipSpace(at + 1);
      while (text[pos] !== ']') {
        const item = this.value(pos);
        items.push(item.value);
        pos = this.skipSpace(item.end);
      }
      return { value: { kind: 'array', items, source: text.slice(at, pos + 1) }, end: pos + 1 };
    }
    if (c === '/') {
      const raw = this.word(at + 1);
      const name = raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      return { value: { kind: 'name', name, source: `/${raw}` }, end: at + 1 + raw.length };
    }
    if (c === '(') return this.literalString(at);
    if (c === '<') {
      const end = text.indexOf('>', at);
      if (end < 0) return fail('unterminated string');
      const digits = text.slice(at + 1, end).replace(/\s+/g, '');
      const bytes = Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex');
      return { value: { kind: 'string', bytes, source: text.slice(at, end + 1) }, end: end + 1 };
    }
    const word = this.word(at);
    if (word === '') return fail(`unexpected '${c}' at ${at}`);
    const end = at + word.length;
    if (/^\d+$/.test(word)) {
      // `n g R` is a reference: two integers then R.
      const genAt = this.skipSpace(end);
      const gen = this.word(genAt);
      if (/^\d+$/.test(gen)) {
        const rAt = this.skipSpace(genAt + gen.length);
        if (this.word(rAt) === 'R') {
          const source = text.slice(at, rAt + 1);
          return { value: { kind: 'ref', objectNumber: Number(word), generation: Number(gen), source }, end: rAt + 1 };
        }
      }
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word))
      return { value: { kind: 'number', value: Number(word), source: word }, end };
    return { value: { kind: 'other', source: word }, end };
  }

  private literalString(at: number): { value: PdfObject; end: number } {
    const text = this.text;
    const out: number[] = [];
    let depth = 0;
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    for (let pos = at + 1; pos < text.length; pos++) {
      const c = text[pos] as string;
      if (c === '\\') {
        const next = text[++pos] as string;
        if (next in escapes) out.push(escapes[next] as number);
        else if (/[0-7]/.test(next)) {
          const octal = /^[0-7]{1,3}/.exec(text.slice(pos, pos + 3))?.[0] as string;
          out.push(parseInt(octal, 8) & 0xff);
          pos += octal.length - 1;
        } else if (next === '\r') {
          if (text[pos + 1] === '\n') pos++;
        } else if (next !== '\n') out.push(next.charCodeAt(0));
        continue;
      }
      if (c === '(') depth++;
      if (c === ')') {
        if (depth === 0) {
          const source = text.slice(at, pos + 1);
          return { value: { kind: 'string', bytes: Buffer.from(out), source }, end: pos + 1 };
        }
        depth--;
      }
      out.push(c.charCodeAt(0));
    }
    return fail('unterminated string');
  }
}

/** The value of `key` in a dictionary, `undefined` when absent. */
export const entry = (dict: PdfDict, key: string): PdfObject | undefined => dict.entries.find(([k]) => k === key)?.[1];

/**
 * A text string's text (ISO 32000-1, 7.9.2.2): UTF-16BE after its byte order mark, otherwise
 * PDFDocEncoding, read as Latin-1 (they differ only in characters no dossier code has).
 */
export function textOf(value: PdfObject | undefined): string | undefined {
  if (value?.kind !== 'string') return undefined;
  const { bytes } = value;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/** Where an object is: its byte offset and generation, from the newest cross-reference section that lists it. */
interface XrefEntry {
  offset: number;
  generation: number;
}

/** A PDF as its last revision sees it: the trailer, where the last xref is, and its objects. */
export class PdfFile {
  readonly text: string;
  readonly parser: PdfParser;
  /** The last trailer dictionary. */
  readonly trailer: PdfDict;
  /** The offset of the last cross-reference section (the next update's `/Prev`). */
  readonly startxref: number;
  private readonly xref = new Map<number, XrefEntry>();

  constructor(bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    this.parser = new PdfParser(this.text);
    const last = [...this.text.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1];
    if (last === undefined) throw new Error('PDF: no startxref');
    this.startxref = Number(last);
    if (!this.text.startsWith('xref', this.startxref)) {
      // An xref stream would need an xref stream in the update too; every PDF signed here has a table.
      throw new Error('Only PDFs with a cross-reference table can be signed incrementally');
    }
    const seen = new Set<number>();
    let trailer: PdfDict | undefined;
    for (let at: number | undefined = this.startxref; at !== undefined && !seen.has(at);) {
      seen.add(at);
      const section = this.readXrefSection(at);
      trailer ??= section.trailer;
      const prev = entry(section.trailer, 'Prev');
      at = prev?.kind === 'number' ? prev.value : undefined;
    }
    this.trailer = trailer as PdfDict;
  }

  /** One `xref` table and its trailer; entries not yet known (from a newer section) are kept. */
  private readXrefSection(at: number): { trailer: PdfDict } {
    const p = this.parser;
    if (!this.text.startsWith('xref', at)) fail('cross-reference table expected');
    let pos = p.skipSpace(at + 4);
    while (!this.text.startsWith('trailer', pos)) {
      const start = Number(p.word(pos));
      pos = p.skipSpace(pos + p.word(pos).length);
      const count = Number(p.word(pos));
      pos = p.skipSpace(pos + p.word(pos).length);
      if (!Number.isInteger(start) || !Number.isInteger(count)) fail('malformed cross-reference table');
      for (let i = 0; i < count; i++) {
        const fields: string[] = [];
        for (let f = 0; f < 3; f++) {
          const word = p.word(pos);
          fields.push(word);
          pos = p.skipSpace(pos + word.length);
        }
        const [offset, generation, type] = fields;
        if (type === 'n' && !this.xref.has(start + i)) {
          this.xref.set(start + i, { offset: Number(offset), generation: Number(generation) });
        }
        if (type !== 'n' && type !== 'f') fail('malformed cross-reference table');
      }
    }
    const trailer = p.value(pos + 'trailer'.length).value;
    if (trailer.kind !== 'dict') return fail('trailer dictionary expected');
    return { trailer };
  }

  /** The number after the largest object number in use: the last trailer's `/Size` (required, 7.5.5). */
  get size(): number {
    const size = entry(this.trailer, 'Size');
    return size?.kind === 'number' ? size.value : fail('the trailer has no /Size');
  }

  /** The indirect object `ref` points to, with its generation. */
  object(ref: PdfRefObject): PdfObject {
    const known = this.xref.get(ref.objectNumber);
    if (!known) return fail(`object ${ref.objectNumber} is not in the cross-reference table`);
    const header = new RegExp(`^${ref.objectNumber}\\s+${known.generation}\\s+obj`).exec(
      this.text.slice(known.offset, known.offset + 32),
    );
    if (!header) return fail(`object ${ref.objectNumber} is not where the table says`);
    return this.parser.value(known.offset + header[0].length).value;
  }

  generation(objectNumber: number): number {
    return this.xref.get(objectNumber)?.generation ?? 0;
  }

  /** `value`, or the object it refers to. */
  resolve(value: PdfObject | undefined): PdfObject | undefined {
    return value?.kind === 'ref' ? this.object(value) : value;
  }

  /** The document information dictionary, when the trailer has one. */
  info(): PdfDict | undefined {
    const info = this.resolve(entry(this.trailer, 'Info'));
    return info?.kind === 'dict' ? info : undefined;
  }
}
