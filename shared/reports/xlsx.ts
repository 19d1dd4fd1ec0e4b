/**
 * A minimal XLSX (Office Open XML SpreadsheetML) writer: worksheets of strings and numbers, a bold
 * style, a frozen header row, shared strings. Written here rather than with a spreadsheet library
 * because one (exceljs) alone would double the `report` function's bundle past the platform's limit,
 * and because it makes the file deterministic: no creation date, fixed zip entry times, so the same
 * rows give the same bytes. Readers (Excel, LibreOffice, exceljs) open it; the tests read it with exceljs.
 */
import { deflateRawSync } from 'node:zlib';

export type XlsxCell = string | number | null;

export interface XlsxRow {
  cells: readonly XlsxCell[];
  bold?: boolean;
}

export interface XlsxSheet {
  name: string;
  rows: readonly XlsxRow[];
  /** Column widths in characters, from the first column. */
  widths?: readonly number[];
  /** Keep the first row in view. */
  freezeHeader?: boolean;
}

const controlCharacters = new RegExp(
  `[${[...Array(32).keys()]
    .filter((c) => c !== 9 && c !== 10 && c !== 13)
    .map((c) => `\\u${c.toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'g',
);

const escapeXml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // Characters XML 1.0 does not allow (tab, line feed and carriage return are allowed).
    .replace(controlCharacters, '');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';

function sheetXml(sheet: XlsxSheet, stringIndex: (s: string) => number): string {
  const parts: string[] = [`${xmlHeader}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">`];
  if (sheet.freezeHeader)
    parts.push(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    );
  if (sheet.widths?.length)
    parts.push(
      `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`,
    );
  parts.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    const cells = row.cells.flatMap((cell, c) => {
      if (cell === null || cell === '') return [];
      const ref = `${columnName(c)}${r + 1}`;
      const style = row.bold ? ' s="1"' : '';
      if (typeof cell === 'number') return Number.isFinite(cell) ? [`<c r="${ref}"${style}><v>${cell}</v></c>`] : [];
      return [`<c r="${ref}"${style} t="s"><v>${stringIndex(cell)}</v></c>`];
    });
    parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

const stylesXml =
  `${xmlHeader}<styleSheet xmlns="${mainNs}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The workbook's bytes: the same sheets always give the same bytes. */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const stringIndex = (s: string) => {
    let i = indexOf.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      indexOf.set(s, i);
    }
    return i;
  };
  const worksheets = sheets.map((sheet) => sheetXml(sheet, stringIndex));
  const sheetNames = sheets.map((s) => escapeXml(s.name.slice(0, 31)));

  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        worksheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${xmlHeader}<Relationships xmlns="${pkgRelNs}"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${xmlHeader}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets>` +
        sheetNames.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${xmlHeader}<Relationships xmlns="${pkgRelNs}">` +
        worksheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${worksheets.length + 1}" Type="${relNs}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${worksheets.length + 2}" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ],
    ['xl/styles.xml', stylesXml],
    ...worksheets.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
    [
      'xl/sharedStrings.xml',
      `${xmlHeader}<sst xmlns="${mainNs}" count="${strings.length}" uniqueCount="${strings.length}">` +
        strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('') +
        '</sst>',
    ],
  ];
  return zip(files.map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
}

// --- A deterministic zip (deflate, every entry dated 1980-01-01 00:00) -------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const dosDate = (1 << 5) | 1; // 1980-01-01
const dosTime = 0;

function zip(entries: { name: string; data: Buffer }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 6 });
    const crc = crc32(entry.data);
    // The local header and the central directory's entry describe the file with the same 26 bytes.
    const describe = (record: Buffer, at: number) => {
      record.writeUInt16LE(20, at); // version needed
      record.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      record.writeUInt16LE(8, at + 4); // deflate
      record.writeUInt16LE(dosTime, at + 6);
      record.writeUInt16LE(dosDate, at + 8);
      record.writeUInt32LE(crc, at + 10);
      record.writeUInt32LE(compressed.length, at + 14);
      record.writeUInt32LE(entry.data.length, at + 18);
      record.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    describe(local, 4);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    describe(central, 6);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}
