/**
 * The incremental update (ISO 32000-1, 7.5.6) that adds a signature to a PDF: the bytes given stay as
 * they are; a new revision appends the signature dictionary with its /ByteRange and /Contents
 * placeholders, its field and widget (12.7.4.5), the catalog with the field in /AcroForm /Fields and
 * /SigFlags 3, the first page with the widget in /Annots, a cross-reference section for them and a
 * trailer chained to the previous one by /Prev.
 */
import { literal, textString } from '../pdf-writer.ts';
import {
  entry,
  type PdfArray,
  type PdfDict,
  PdfFile,
  type PdfObject,
  type PdfRefObject,
  textOf,
} from './pdf-reader.ts';

export interface SignatureDetails {
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
  /** Bytes reserved for the CMS: /Contents holds twice as many hex digits. */
  contentsLength: number;
}

/** The file with its placeholders, the byte range set, and where the hex of the CMS goes. */
export interface PreparedSignature {
  pdf: Uint8Array;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit inside /Contents' `<…>`. */
  contentsAt: number;
}

/** `D:YYYYMMDDHHmmSSZ` (7.9.4), in UTC. */
const pdfDate = (at: Date) => `(D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
const refOf = (objectNumber: number, generation = 0) => `${objectNumber} ${generation} R`;
const nameSource = (name: string) =>
  `/${name.replace(/[^!-~]|[#%()/<>[\]{}]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;

/** A dictionary's source with each of `values` set (replaced where present, added at the end otherwise). */
function withEntries(dict: PdfDict, values: Record<string, string>): string {
  const entries = dict.entries.map(([k, v]) => `${nameSource(k)} ${values[k] ?? v.source}`);
  for (const [key, value] of Object.entries(values)) {
    if (!dict.entries.some(([k]) => k === key)) entries.push(`${nameSource(key)} ${value}`);
  }
  return `<<${entries.join(' ')}>>`;
}

/** An array's source with `item` appended. */
const withItem = (array: PdfArray, item: string) => `[${[...array.items.map((i) => i.source), item].join(' ')}]`;

const byteRangeWidth = 10;
/** Filled in once the offsets are known, padded with spaces to the same length. */
const byteRangePlaceholder = `[0 ${Array.from({ length: 3 }, () => '0'.repeat(byteRangeWidth)).join(' ')}]`;

/**
 * The PDF with one more signature field, its /Contents a run of zeros of `contentsLength` bytes and its
 * /ByteRange covering everything else: the caller signs those ranges and writes the CMS over the zeros.
 */
export function prepareSignature(original: Uint8Array, details: SignatureDetails): PreparedSignature {
  const file = new PdfFile(original);
  const rootRef = entry(file.trailer, 'Root');
  if (rootRef?.kind !== 'ref') throw new Error('PDF: the trailer has no /Root');
  const catalog = file.object(rootRef);
  if (catalog.kind !== 'dict') throw new Error('PDF: the catalog is not a dictionary');
  const pageRef = firstPage(file, entry(catalog, 'Pages'));
  const page = file.object(pageRef);
  if (page.kind !== 'dict') throw new Error('PDF: the page is not a dictionary');

  const signatureNumber = file.size;
  const widgetNumber = signatureNumber + 1;
  const widget = refOf(widgetNumber);
  /** Rewritten objects by number: their new source. */
  const rewritten = new Map<number, string>();
  const rewrite = (ref: PdfRefObject, source: string) => rewritten.set(ref.objectNumber, source);

  // The catalog's /AcroForm (direct or not) gets the field, its /Fields (direct or not) the widget.
  const acroFormValue = entry(catalog, 'AcroForm');
  const acroForm = file.resolve(acroFormValue);
  let fieldName: string;
  let catalogSource = catalog.source;
  if (acroForm?.kind !== 'dict') {
    fieldName = 'Signature1';
    catalogSource = withEntries(catalog, { AcroForm: `<</Fields [${widget}] /SigFlags 3>>` });
  } else {
    const fieldsValue = entry(acroForm, 'Fields');
    const fields = file.resolve(fieldsValue);
    const existing = fields?.kind === 'array' ? fields.items.map((f) => file.resolve(f)) : [];
    fieldName = uniqueFieldName(existing);
    let formSource: string;
    if (fieldsValue?.kind === 'ref' && fields?.kind === 'array') {
      rewrite(fieldsValue, withItem(fields, widget));
      formSource = withEntries(acroForm, { SigFlags: '3' });
    } else {
      const items = fields?.kind === 'array' ? withItem(fields, widget) : `[${widget}]`;
      formSource = withEntries(acroForm, { Fields: items, SigFlags: '3' });
    }
    if (acroFormValue?.kind === 'ref') rewrite(acroFormValue, formSource);
    else catalogSource = withEntries(catalog, { AcroForm: formSource });
  }
  if (catalogSource !== catalog.source) rewrite(rootRef, catalogSource);

  const annotsValue = entry(page, 'Annots');
  const annots = file.resolve(annotsValue);
  if (annotsValue?.kind === 'ref' && annots?.kind === 'array') rewrite(annotsValue, withItem(annots, widget));
  else
    rewrite(
      pageRef,
      withEntries(page, { Annots: annots?.kind === 'array' ? withItem(annots, widget) : `[${widget}]` }),
    );

  const contentsPlaceholder = `<${'0'.repeat(details.contentsLength * 2)}>`;
  const signatureSource = `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ${byteRangePlaceholder} /Contents ${contentsPlaceholder} /M ${pdfDate(details.signingTime)} /Reason ${textString(details.reason).source} /Location ${textString(details.location).source} /Name ${textString(details.name).source}>>`;
  const widgetSource = `<</Type /Annot /Subtype /Widget /FT /Sig /T ${literal(fieldName).source} /V ${refOf(signatureNumber)} /P ${pageRef.source} /Rect [0 0 0 0] /F 132>>`;

  const objects = new Map<number, string>([
    ...rewritten,
    [signatureNumber, signatureSource],
    [widgetNumber, widgetSource],
  ]);
  const text = file.text;
  const parts: string[] = [text.endsWith('\n') ? '' : '\n'];
  let offset = original.length + (parts[0] as string).length;
  const offsets = new Map<number, number>();
  for (const [objectNumber, source] of [...objects].sort(([a], [b]) => a - b)) {
    const chunk = `${objectNumber} ${file.generation(objectNumber)} obj\n${source}\nendobj\n`;
    offsets.set(objectNumber, offset);
    parts.push(chunk);
    offset += chunk.length;
  }
  const xrefAt = offset;
  const trailer = [
    `/Size ${widgetNumber + 1}`,
    `/Root ${rootRef.source}`,
    ...['Info', 'ID'].flatMap((key) => {
      const value = entry(file.trailer, key);
      return value ? [`/${key} ${value.source}`] : [];
    }),
    `/Prev ${file.startxref}`,
  ];
  parts.push(
    `xref\n${xrefSubsections(offsets, (n) => file.generation(n))}trailer\n<<${trailer.join(' ')}>>\nstartxref\n${xrefAt}\n%%EOF\n`,
  );
  const appended = Buffer.from(parts.join(''), 'latin1');
  const pdf = new Uint8Array(Buffer.concat([original, appended]));

  const signatureAt = original.length + appended.indexOf(`${signatureNumber} 0 obj\n<</Type /Sig`, 0, 'latin1');
  const contentsStart = indexIn(pdf, `/Contents <`, signatureAt) + '/Contents '.length;
  const contentsEnd = contentsStart + contentsPlaceholder.length;
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, pdf.length - contentsEnd];
  const rangeAt = indexIn(pdf, byteRangePlaceholder, signatureAt);
  const filled = `[${byteRange.join(' ')}]`.padEnd(byteRangePlaceholder.length, ' ');
  if (filled.length !== byteRangePlaceholder.length) throw new Error('PDF: byte range too large');
  pdf.set(Buffer.from(filled, 'latin1'), rangeAt);
  return { pdf, byteRange, contentsAt: contentsStart + 1 };
}

const indexIn = (pdf: Uint8Array, needle: string, from: number) => {
  const at = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).indexOf(needle, from, 'latin1');
  if (at < 0) throw new Error(`PDF: ${needle} not written`);
  return at;
};

/** The first page: down the page tree's first kids (7.7.3). */
function firstPage(file: PdfFile, node: PdfObject | undefined, depth = 0): PdfRefObject {
  if (node?.kind !== 'ref' || depth > 32) throw new Error('PDF: no page');
  const value = file.object(node);
  if (value.kind !== 'dict') throw new Error('PDF: malformed page tree');
  const type = entry(value, 'Type');
  if (type?.kind === 'name' && type.name === 'Page') return node;
  const kids = file.resolve(entry(value, 'Kids'));
  if (kids?.kind !== 'array') throw new Error('PDF: malformed page tree');
  return firstPage(file, kids.items[0], depth + 1);
}

/** `SignatureN`, N one more than the signature fields there are, and not a name already taken (12.7.3.2). */
function uniqueFieldName(fields: readonly (PdfObject | undefined)[]): string {
  const dicts = fields.filter((f): f is PdfDict => f?.kind === 'dict');
  const taken = new Set(dicts.map((f) => textOf(entry(f, 'T'))));
  let n = dicts.filter((f) => {
    const type = entry(f, 'FT');
    return type?.kind === 'name' && type.name === 'Sig';
  }).length;
  while (taken.has(`Signature${++n}`));
  return `Signature${n}`;
}

/** Cross-reference subsections (7.5.4) for the objects written, consecutive numbers sharing one. */
function xrefSubsections(offsets: ReadonlyMap<number, number>, generation: (n: number) => number): string {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] as number) + 1) j++;
    out += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const n = numbers[k] as number;
      out += `${String(offsets.get(n)).padStart(10, '0')} ${String(generation(n)).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  return out;
}
