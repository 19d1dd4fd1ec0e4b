/**
 * Writes the platform's PDFs: pages of text in an embedded font, lines, rectangles, the information
 * dictionary; each content stream Flate-compressed, a classic cross-reference table, no object streams.
 * What the documents need of pdf-lib (224 KB of every rendering function's bundle, and its set-up at
 * each cold start) in a few hundred lines. Signing reads and extends its output by an incremental update
 * of its own (shared/documents/signing/signature-update.ts).
 */
import { deflateSync } from 'node:zlib';

/** An indirect reference: `n 0 R`. */
export class PdfRef {
  constructor(readonly objectNumber: number) {}
}

/** A name in a dictionary key or value position is written from a JS string; this forces one elsewhere. */
export class PdfName {
  constructor(readonly name: string) {}
}

/** A string written as it is given: `<…>` hex or `(…)` literal, already encoded. */
export class PdfRaw {
  constructor(readonly source: string) {}
}

export type PdfValue =
  number | boolean | string | PdfRef | PdfName | PdfRaw | readonly PdfValue[] | { readonly [key: string]: PdfValue };

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

/** A text string (the information dictionary): UTF-16BE with its byte order mark, in hex. */
export function textString(text: string): PdfRaw {
  const units = Buffer.from(text, 'utf16le').swap16();
  return new PdfRaw(`<FEFF${hex(units)}>`);
}

/** An ASCII literal string. */
export const literal = (text: string): PdfRaw => new PdfRaw(`(${text.replace(/[()\\]/g, (c) => `\\${c}`)})`);

/** A hex string of the given bytes. */
export const hexString = (bytes: Uint8Array): PdfRaw => new PdfRaw(`<${hex(bytes)}>`);

/** A number as PDF writes it: no exponent, at most four decimals. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a PDF number: ${value}`);
  const fixed = value.toFixed(4).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

const nameOf = (name: string) =>
  `/${name.replace(/[^!-~]|[#%()/<>[\]{}]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;

function write(value: PdfValue): string {
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return nameOf(value);
  if (value instanceof PdfRef) return `${value.objectNumber} 0 R`;
  if (value instanceof PdfName) return nameOf(value.name);
  if (value instanceof PdfRaw) return value.source;
  if (Array.isArray(value)) return `[${value.map((item: PdfValue) => write(item)).join(' ')}]`;
  const entries = Object.entries(value as Record<string, PdfValue>).map(([k, v]) => `${nameOf(k)} ${write(v)}`);
  return `<<${entries.join(' ')}>>`;
}

export interface Color {
  r: number;
  g: number;
  b: number;
}

export const rgb = (r: number, g: number, b: number): Color => ({ r, g, b });

const fill = (c: Color) => `${num(c.r)} ${num(c.g)} ${num(c.b)} rg`;
const stroke = (c: Color) => `${num(c.r)} ${num(c.g)} ${num(c.b)} RG`;

/** One page: its content operators and the fonts its resources name. */
export class PdfPage {
  private readonly operators: string[] = [];
  private readonly fonts = new Map<PdfRef, string>();

  constructor(
    readonly ref: PdfRef,
    readonly width: number,
    readonly height: number,
  ) {}

  /** The resource name of `font` on this page. */
  fontName(font: PdfRef): string {
    let name = this.fonts.get(font);
    if (!name) {
      name = `F${this.fonts.size + 1}`;
      this.fonts.set(font, name);
    }
    return name;
  }

  /** One line of text at (x, y) in `font` (a resource of this page, see {@link fontName}); `glyphs` is encoded. */
  showText(font: PdfRef, size: number, x: number, y: number, glyphs: PdfRaw): void {
    this.operators.push(
      `BT 0 g ${nameOf(this.fontName(font))} ${num(size)} Tf ${num(x)} ${num(y)} Td ${glyphs.source} Tj ET`,
    );
  }

  drawRectangle(o: {
    x: number;
    y: number;
    width: number;
    height: number;
    color?: Color;
    borderColor?: Color;
    borderWidth?: number;
  }): void {
    const path = `${num(o.x)} ${num(o.y)} ${num(o.width)} ${num(o.height)} re`;
    const ops = ['q'];
    if (o.color) ops.push(fill(o.color));
    if (o.borderColor) ops.push(stroke(o.borderColor), `${num(o.borderWidth ?? 1)} w`);
    ops.push(path, o.color && o.borderColor ? 'B' : o.color ? 'f' : 'S', 'Q');
    this.operators.push(ops.join(' '));
  }

  drawLine(o: {
    start: { x: number; y: number };
    end: { x: number; y: number };
    thickness?: number;
    color?: Color;
  }): void {
    this.operators.push(
      `q ${stroke(o.color ?? rgb(0, 0, 0))} ${num(o.thickness ?? 1)} w ${num(o.start.x)} ${num(o.start.y)} m ${num(o.end.x)} ${num(o.end.y)} l S Q`,
    );
  }

  /** The content stream and the resources, for {@link PdfWriter.save}. */
  content(): { operators: string; fonts: Record<string, PdfRef> } {
    return {
      operators: this.operators.join('\n'),
      fonts: Object.fromEntries([...this.fonts].map(([ref, name]) => [name, ref])),
    };
  }
}

export interface PdfInfoFields {
  Title?: string;
  Subject?: string;
  Author?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

/** `D:YYYYMMDDHHmmSSZ`, in UTC. */
const pdfDate = (at: Date) => `D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** A PDF built object by object, written in one go by {@link save}. */
export class PdfWriter {
  private readonly bodies: (string | { dict: Record<string, PdfValue>; data: Uint8Array } | undefined)[] = [];
  private readonly pageTree: PdfRef;
  private readonly pages: PdfPage[] = [];
  info: PdfInfoFields = {};

  constructor() {
    this.pageTree = this.allocate();
  }

  /** A reference whose object is set later ({@link set}). */
  allocate(): PdfRef {
    this.bodies.push(undefined);
    return new PdfRef(this.bodies.length);
  }

  set(ref: PdfRef, value: PdfValue): void {
    this.bodies[ref.objectNumber - 1] = write(value);
  }

  register(value: PdfValue): PdfRef {
    const ref = this.allocate();
    this.set(ref, value);
    return ref;
  }

  /** A Flate-compressed stream; `/Length` and `/Filter` are added. */
  flateStream(data: Uint8Array | string, dict: Record<string, PdfValue> = {}): PdfRef {
    const ref = this.allocate();
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    this.bodies[ref.objectNumber - 1] = { dict: { ...dict, Filter: 'FlateDecode' }, data: deflateSync(bytes) };
    return ref;
  }

  addPage(width: number, height: number): PdfPage {
    const page = new PdfPage(this.allocate(), width, height);
    this.pages.push(page);
    return page;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  async save(): Promise<Uint8Array> {
    if (this.pages.length === 0) this.addPage(595.28, 841.89);
    for (const page of this.pages) {
      const { operators, fonts } = page.content();
      const contents = this.flateStream(operators);
      this.set(page.ref, {
        Type: 'Page',
        Parent: this.pageTree,
        MediaBox: [0, 0, page.width, page.height],
        Resources: { Font: fonts },
        Contents: contents,
      });
    }
    this.set(this.pageTree, { Type: 'Pages', Kids: this.pages.map((p) => p.ref), Count: this.pages.length });
    const catalog = this.register({ Type: 'Catalog', Pages: this.pageTree });
    const info: Record<string, PdfValue> = {};
    for (const [key, value] of Object.entries(this.info) as [keyof PdfInfoFields, string | Date | undefined][]) {
      if (value !== undefined) info[key] = value instanceof Date ? literal(pdfDate(value)) : textString(value);
    }
    const infoRef = this.register(info);

    const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
    let length = chunks[0]?.length ?? 0;
    const offsets: number[] = [];
    const push = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
    };
    this.bodies.forEach((body, i) => {
      if (body === undefined) throw new Error(`PDF object ${i + 1} was allocated and never set`);
      offsets.push(length);
      if (typeof body === 'string') push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
      else {
        push(Buffer.from(`${i + 1} 0 obj\n${write({ ...body.dict, Length: body.data.length })}\nstream\n`, 'latin1'));
        push(Buffer.from(body.data));
        push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
      }
    });
    const xref = length;
    const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    push(
      Buffer.from(
        `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${entries}trailer\n${write({ Size: offsets.length + 1, Root: catalog, Info: infoRef })}\nstartxref\n${xref}\n%%EOF\n`,
        'latin1',
      ),
    );
    return new Uint8Array(Buffer.concat(chunks));
  }
}
