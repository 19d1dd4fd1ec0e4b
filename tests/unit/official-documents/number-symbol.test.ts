import { describe, expect, it } from 'vitest';
import {
  formatDocumentNumber,
  formatNumberSymbol,
  parseNumberSymbol,
} from '../../../shared/domain/official-documents/number-symbol.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';

const violation = (fn: () => unknown): RuleViolation => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
};

describe('number of a document (Phụ lục I, Phần I, Mục II, khoản 3 điểm a and c)', () => {
  it('numbers below 10 carry a leading 0: 1 → 01, 9 → 09; 10 and above as they are', () => {
    expect(formatDocumentNumber(1)).toBe('01');
    expect(formatDocumentNumber(9)).toBe('09');
    expect(formatDocumentNumber(10)).toBe('10');
    expect(formatDocumentNumber(125)).toBe('125');
    expect(formatDocumentNumber(1234)).toBe('1234');
  });

  it('a number is a positive whole number (điểm a: the order in the year, from 01)', () => {
    for (const bad of [0, -3, 2.5, Number.NaN]) {
      expect(violation(() => formatDocumentNumber(bad)).code).toBe('document-number-invalid');
    }
  });
});

describe('formatting a number and symbol (Phụ lục I, Phần I, Mục II, khoản 3 điểm b and c)', () => {
  it('a typed document: number / type abbreviation - issuer abbreviation', () => {
    expect(formatNumberSymbol({ number: 125, type: 'quyet-dinh', issuer: 'UBND' })).toBe('125/QĐ-UBND');
    expect(formatNumberSymbol({ number: 5, type: 'to-trinh', issuer: 'SNV' })).toBe('05/TTr-SNV');
    expect(formatNumberSymbol({ number: 12, type: 'ke-hoach', issuer: 'UBND' })).toBe('12/KH-UBND');
  });

  it('a công văn: number / issuer - drafting unit (no type abbreviation; Phụ lục III Mẫu 1.5)', () => {
    expect(formatNumberSymbol({ number: 45, type: 'cong-van', issuer: 'UBND', unit: 'VP' })).toBe('45/UBND-VP');
    expect(formatNumberSymbol({ number: 3, type: 'cong-van', issuer: 'TTg', unit: 'KTTH' })).toBe('03/TTg-KTTH');
  });

  it('a công văn without its drafting unit is refused', () => {
    const v = violation(() => formatNumberSymbol({ number: 45, type: 'cong-van', issuer: 'UBND' }));
    expect(v.code).toBe('cong-van-unit-required');
    expect(v.message).toContain('đơn vị soạn thảo');
  });

  it('a typed document does not take a drafting unit in its symbol', () => {
    const v = violation(() => formatNumberSymbol({ number: 1, type: 'thong-bao', issuer: 'UBND', unit: 'VP' }));
    expect(v.code).toBe('symbol-unit-not-allowed');
  });

  it('thư công has no abbreviation in Phụ lục III: no symbol is invented for it', () => {
    expect(violation(() => formatNumberSymbol({ number: 1, type: 'thu-cong', issuer: 'UBND' })).code).toBe(
      'document-type-has-no-symbol',
    );
  });

  it('abbreviations have no spaces, hyphens or slashes and start with a capital (điểm c)', () => {
    for (const issuer of ['UB ND', 'UB-ND', 'UB/ND', 'ubnd', '', 'A'.repeat(21)]) {
      expect(violation(() => formatNumberSymbol({ number: 1, type: 'quyet-dinh', issuer })).code).toBe(
        'symbol-abbreviation-invalid',
      );
    }
  });
});

describe('parsing a number and symbol', () => {
  it('reads a typed document: 125/QĐ-UBND', () => {
    expect(parseNumberSymbol('125/QĐ-UBND')).toEqual({ number: 125, type: 'quyet-dinh', issuer: 'UBND' });
    expect(parseNumberSymbol('07/QyĐ-SNV')).toEqual({ number: 7, type: 'quy-dinh', issuer: 'SNV' });
  });

  it('reads a công văn: 45/UBND-VP (the first group is no type abbreviation)', () => {
    expect(parseNumberSymbol('45/UBND-VP')).toEqual({ number: 45, type: 'cong-van', issuer: 'UBND', unit: 'VP' });
  });

  it('round-trips what it formats', () => {
    for (const text of ['01/TB-UBND', '09/GM-SYT', '10/BC-UBND', '2048/UBND-KT', '100/CĐ-UBND']) {
      expect(formatNumberSymbol(parseNumberSymbol(text))).toBe(text);
    }
  });

  it('a number below 10 without its leading 0 is refused (điểm c): 5/QĐ-UBND', () => {
    const v = violation(() => parseNumberSymbol('5/QĐ-UBND'));
    expect(v.code).toBe('document-number-leading-zero');
    expect(v.message).toContain('"05"');
  });

  it('only numbers below 10 take a 0, and there is no number 00', () => {
    for (const text of ['012/QĐ-UBND', '00/QĐ-UBND', '0125/QĐ-UBND', '005/QĐ-UBND']) {
      expect(violation(() => parseNumberSymbol(text)).code, text).toBe('number-symbol-malformed');
    }
  });

  it('refuses spaces, missing parts, wrong separators and non-Arabic numerals', () => {
    for (const text of [
      '125 / QĐ-UBND',
      '125/QĐ - UBND',
      '125/QĐ_UBND',
      '125-QĐ-UBND',
      '125/QĐ',
      '/QĐ-UBND',
      '125/',
      'CXXV/QĐ-UBND',
      '125/QĐ-UBND-VP',
      '125//QĐ-UBND',
      '125/qđ-ubnd',
    ]) {
      expect(violation(() => parseNumberSymbol(text)).code, text).toBe('number-symbol-malformed');
    }
  });
});
