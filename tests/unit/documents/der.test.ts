import { describe, expect, it } from 'vitest';
import {
  children,
  integer,
  nullValue,
  octetString,
  oid,
  readDer,
  readOid,
  readTime,
  sequence,
  time,
  tlv,
} from '../../../shared/documents/signing/der.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase().match(/../g)?.join(' ');
const bytes = (spaced: string) => new Uint8Array(Buffer.from(spaced.replace(/ /g, ''), 'hex'));

// Every expected encoding below is worked by hand from X.690 (8.1.3 lengths, 8.3 INTEGER, 8.19 OID).
describe('DER encoding', () => {
  it('INTEGER: minimal two’s complement, a leading 00 when the high bit is set', () => {
    expect(hex(integer(0))).toBe('02 01 00');
    expect(hex(integer(1))).toBe('02 01 01');
    expect(hex(integer(127))).toBe('02 01 7F');
    expect(hex(integer(128))).toBe('02 02 00 80');
    expect(hex(integer(256))).toBe('02 02 01 00');
    // Unsigned bytes (a serial number): leading zeros dropped, one added back for the sign.
    expect(hex(integer(bytes('00 00 FF 01')))).toBe('02 03 00 FF 01');
  });

  it('OID: 40·first + second, then base-128 with the continuation bit', () => {
    expect(hex(oid('1.2.840.113549.1.7.2'))).toBe('06 09 2A 86 48 86 F7 0D 01 07 02');
    expect(hex(oid('2.16.840.1.101.3.4.2.1'))).toBe('06 09 60 86 48 01 65 03 04 02 01');
    expect(hex(oid('2.5.4.3'))).toBe('06 03 55 04 03');
  });

  it('lengths: short form below 128, long form (0x81 n, 0x82 n n) from 128', () => {
    expect(hex(octetString(new Uint8Array(127)).subarray(0, 2))).toBe('04 7F');
    expect(hex(octetString(new Uint8Array(128)).subarray(0, 3))).toBe('04 81 80');
    expect(hex(octetString(new Uint8Array(255)).subarray(0, 3))).toBe('04 81 FF');
    expect(hex(octetString(new Uint8Array(256)).subarray(0, 4))).toBe('04 82 01 00');
    expect(hex(octetString(new Uint8Array(16_384)).subarray(0, 4))).toBe('04 82 40 00');
  });

  it('SEQUENCE of an OID and NULL (an AlgorithmIdentifier), NULL as 05 00', () => {
    expect(hex(sequence(oid('2.5.4.3'), nullValue()))).toBe('30 07 06 03 55 04 03 05 00');
  });

  it('times: UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5)', () => {
    // "260302080000Z" in ASCII.
    expect(hex(time(new Date('2026-03-02T08:00:00Z')))).toBe('17 0D 32 36 30 33 30 32 30 38 30 30 30 30 5A');
    expect(hex(time(new Date('2050-01-01T00:00:00Z')).subarray(0, 6))).toBe('18 0F 32 30 35 30');
  });
});

describe('DER decoding', () => {
  it('reads one value with its raw bytes, and not what follows it (a placeholder’s zero padding)', () => {
    const padded = bytes('30 06 02 01 01 02 01 00 00 00 00');
    const value = readDer(padded);
    expect(value.tag).toBe(0x30);
    expect(hex(value.raw)).toBe('30 06 02 01 01 02 01 00');
    // The last INTEGER is 0: its 00 is content, not padding.
    expect(children(value).map((c) => hex(c.raw))).toEqual(['02 01 01', '02 01 00']);
  });

  it('reads a long-form length', () => {
    const long = tlv(0x04, new Uint8Array(300).fill(7));
    expect(hex(long.subarray(0, 4))).toBe('04 82 01 2C');
    expect(readDer(long).contents.length).toBe(300);
  });

  it('rejects a length running past the end', () => {
    expect(() => readDer(bytes('04 05 01 02'))).toThrow(/past the end/);
    expect(() => readDer(bytes('04 82 01'))).toThrow(/truncated/);
  });

  it('reads OIDs and times back', () => {
    expect(readOid(readDer(bytes('06 09 2A 86 48 86 F7 0D 01 07 02')))).toBe('1.2.840.113549.1.7.2');
    expect(readOid(readDer(bytes('06 03 55 04 0A')))).toBe('2.5.4.10');
    expect(readTime(readDer(time(new Date('2026-03-02T08:00:00Z')))).toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(readTime(readDer(time(new Date('2051-07-09T10:11:12Z')))).toISOString()).toBe('2051-07-09T10:11:12.000Z');
    // UTCTime 99 is 1999, 49 is 2049.
    expect(readTime(readDer(tlv(0x17, Buffer.from('991231235959Z')))).getUTCFullYear()).toBe(1999);
  });
});
