/**
 * The DER (ITU-T X.690) our CMS signatures and local certificates need: encode a tag-length-value,
 * read one value with the raw bytes it came from, OIDs, INTEGERs, times and X.500 names.
 *
 * Written by hand because node:crypto has no ASN.1 API (it parses and verifies X.509 certificates, it
 * does not build or read a CMS), and the general libraries (node-forge, asn1js with pkijs) would put
 * back into the signing functions' bundles the hundreds of kilobytes this replaces (docs/design.md §10).
 */

/** Universal tags, as their first byte (class and constructed bit included). */
export const tag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  teletexString: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** `[n]` context-specific, constructed (EXPLICIT, or IMPLICIT over a constructed type). */
export const contextTag = (n: number): number => 0xa0 | n;

// ---------------------------------------------------------------------------------------------------
// Encoding

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** One value: its tag byte, its length (short form below 128, long form from 128), its contents. */
export function tlv(tagByte: number, contents: Uint8Array): Uint8Array {
  return Uint8Array.from([tagByte, ...lengthBytes(contents.length), ...contents]);
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(tag.sequence, concat(items));
/** A SET as given: the caller passes its members in DER order where it matters. */
export const set = (...items: Uint8Array[]): Uint8Array => tlv(tag.set, concat(items));
export const context = (n: number, ...items: Uint8Array[]): Uint8Array => tlv(contextTag(n), concat(items));
export const octetString = (bytes: Uint8Array): Uint8Array => tlv(tag.octetString, bytes);
export const nullValue = (): Uint8Array => tlv(tag.null, new Uint8Array(0));
export const utf8String = (text: string): Uint8Array => tlv(tag.utf8String, Buffer.from(text, 'utf8'));
export const printableString = (text: string): Uint8Array => tlv(tag.printableString, Buffer.from(text, 'latin1'));
/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (bytes: Uint8Array): Uint8Array => tlv(tag.bitString, Uint8Array.from([0, ...bytes]));
export const boolean = (value: boolean): Uint8Array => tlv(0x01, Uint8Array.of(value ? 0xff : 0));

/** A non-negative INTEGER, from a number, a bigint or its unsigned big-endian bytes. */
export function integer(value: number | bigint | Uint8Array): Uint8Array {
  let bytes: number[];
  if (value instanceof Uint8Array) {
    bytes = [...value];
    while (bytes.length > 1 && bytes[0] === 0) bytes.shift();
  } else {
    let n = BigInt(value);
    if (n < 0n) throw new Error('Only non-negative INTEGERs are encoded');
    bytes = [];
    do {
      bytes.unshift(Number(n & 0xffn));
      n >>= 8n;
    } while (n > 0n);
  }
  if (bytes.length === 0) bytes = [0];
  // Two's complement: a first byte with its high bit set would read as negative.
  if ((bytes[0] as number) & 0x80) bytes.unshift(0);
  return tlv(tag.integer, Uint8Array.from(bytes));
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((arc) => {
    if (!/^\d+$/.test(arc)) throw new Error(`Not an OID: ${dotted}`);
    return BigInt(arc);
  });
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined) throw new Error(`Not an OID: ${dotted}`);
  const bytes: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const groups = [Number(arc & 0x7fn)];
    for (let n = arc >> 7n; n > 0n; n >>= 7n) groups.unshift(Number(n & 0x7fn) | 0x80);
    bytes.push(...groups);
  }
  return tlv(tag.oid, Uint8Array.from(bytes));
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A time as RFC 5280 4.1.2.5 and RFC 5652 11.3 ask: UTCTime (YYMMDDHHMMSSZ) from 1950 to 2049,
 * GeneralizedTime (YYYYMMDDHHMMSSZ) otherwise; whole seconds, UTC.
 */
export function time(at: Date): Uint8Array {
  const year = at.getUTCFullYear();
  const rest = `${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}Z`;
  return year >= 1950 && year < 2050
    ? tlv(tag.utcTime, Buffer.from(`${two(year % 100)}${rest}`, 'latin1'))
    : tlv(tag.generalizedTime, Buffer.from(`${String(year).padStart(4, '0')}${rest}`, 'latin1'));
}

// ---------------------------------------------------------------------------------------------------
// Decoding

/** One value read: its tag byte, its contents, and all its bytes as they were (tag and length too). */
export interface Der {
  tag: number;
  contents: Uint8Array;
  raw: Uint8Array;
}

/**
 * Reads the one value that starts at `offset`; what follows it (a placeholder's zero padding, the
 * next value) is not read. Definite lengths only, as DER has; a length past the end throws.
 */
export function readDer(bytes: Uint8Array, offset = 0): Der {
  const tagByte = bytes[offset];
  if (tagByte === undefined) throw new Error('DER: no value');
  // High tag numbers (low five bits all set) are not used by anything read here.
  if ((tagByte & 0x1f) === 0x1f) throw new Error('DER: high tag numbers are not supported');
  let at = offset + 1;
  const first = bytes[at++];
  if (first === undefined) throw new Error('DER: truncated length');
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[at++];
      if (b === undefined) throw new Error('DER: truncated length');
      length = length * 256 + b;
    }
  }
  const end = at + length;
  if (end > bytes.length) throw new Error('DER: value runs past the end');
  return { tag: tagByte, contents: bytes.subarray(at, end), raw: bytes.subarray(offset, end) };
}

/** The values inside a constructed value, in order. */
export function children(value: Der): Der[] {
  if (!(value.tag & 0x20)) throw new Error('DER: not a constructed value');
  const items: Der[] = [];
  for (let at = 0; at < value.contents.length;) {
    const item = readDer(value.contents, at);
    items.push(item);
    at += item.raw.length;
  }
  return items;
}

/** The `index`th child, which must exist (and have `tagByte` when given). */
export function child(value: Der, index: number, tagByte?: number): Der {
  const item = children(value)[index];
  if (!item) throw new Error(`DER: no value at ${index}`);
  if (tagByte !== undefined && item.tag !== tagByte) throw new Error(`DER: unexpected tag at ${index}`);
  return item;
}

/** The dotted form of an OBJECT IDENTIFIER. */
export function readOid(value: Der): string {
  if (value.tag !== tag.oid) throw new Error('DER: not an OID');
  const arcs: bigint[] = [];
  let n = 0n;
  for (const b of value.contents) {
    n = (n << 7n) | BigInt(b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(n);
      n = 0n;
    }
  }
  const [first, ...rest] = arcs;
  if (first === undefined) throw new Error('DER: empty OID');
  const top = first < 80n ? first / 40n : 2n;
  return [top, first - top * 40n, ...rest].join('.');
}

/** A UTCTime or GeneralizedTime (with or without fractions, in UTC or with an offset). */
export function readTime(value: Der): Date {
  const text = Buffer.from(value.contents).toString('latin1');
  const match =
    value.tag === tag.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/.exec(text)
      : value.tag === tag.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(Z|[+-]\d{4})$/.exec(text)
        : null;
  if (!match) throw new Error('DER: not a time');
  const [, y, mo, d, h, mi, s, zone] = match as unknown as string[];
  let year = Number(y);
  if (value.tag === tag.utcTime) year += year >= 50 ? 1900 : 2000;
  const offset =
    zone === 'Z' ? 0 : (zone?.startsWith('-') ? -1 : 1) * (Number(zone?.slice(1, 3)) * 60 + Number(zone?.slice(3)));
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) - offset * 60_000);
}

/** The text of a directory string (UTF8String, PrintableString, IA5String, TeletexString, BMPString). */
export function readString(value: Der): string {
  const bytes = Buffer.from(value.contents);
  if (value.tag === tag.utf8String) return bytes.toString('utf8');
  if (value.tag === tag.bmpString) return Buffer.from(bytes).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

export const attributeOids = { commonName: '2.5.4.3', organization: '2.5.4.10' } as const;

/** The first value of the attribute `type` in an X.500 Name (a SEQUENCE of SETs of type and value), '' when absent. */
export function nameAttribute(name: Der, type: string): string {
  for (const rdn of children(name)) {
    for (const pair of children(rdn)) {
      const [id, value] = children(pair);
      if (id && value && readOid(id) === type) return readString(value);
    }
  }
  return '';
}

/** What a certificate's TBSCertificate says that X509Certificate does not give as bytes. */
export interface CertificateFields {
  /** The INTEGER, as encoded (tag and length included). */
  serial: Der;
  /** The issuer Name, as encoded. */
  issuer: Der;
  subject: Der;
}

/** Serial, issuer and subject, byte for byte as the certificate (DER) encodes them. */
export function certificateFields(der: Uint8Array): CertificateFields {
  const tbs = child(readDer(der), 0, tag.sequence);
  const parts = children(tbs);
  // version is [0] EXPLICIT, DEFAULT v1: absent in a v1 certificate.
  const at = parts[0]?.tag === contextTag(0) ? 1 : 0;
  const [serial, , issuer, , subject] = parts.slice(at);
  if (serial?.tag !== tag.integer || issuer?.tag !== tag.sequence || subject?.tag !== tag.sequence) {
    throw new Error('Malformed certificate');
  }
  return { serial, issuer, subject };
}

/** A PEM block's DER. */
export const pemToDer = (pem: string): Uint8Array =>
  new Uint8Array(Buffer.from(pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

/** A PEM block of DER. */
export const derToPem = (der: Uint8Array, label = 'CERTIFICATE'): string =>
  `-----BEGIN ${label}-----\n${(
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  ).join('\n')}\n-----END ${label}-----\n`;
