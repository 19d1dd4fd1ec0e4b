/**
 * The number and symbol (số, ký hiệu) of an administrative document: Nghị định 30/2020/NĐ-CP, Điều 8
 * khoản 2 điểm c, laid out by Phụ lục I, Phần I, Mục II, khoản 3:
 * - the number is the document's order among those the agency issues in the year, registered at its
 *   clerical office, in Arabic numerals (điểm a); a number below 10 is written with a leading 0 (điểm c);
 * - the symbol is the abbreviation of the type (Phụ lục III) and of the issuing agency or state title;
 *   a công văn's is the issuer's and the drafting unit's (or the field handled) (điểm b);
 * - a slash between number and symbol, a hyphen between the symbol's groups, no spaces (điểm c).
 * So `125/QĐ-UBND`, `05/TTr-UBND`, and a công văn `45/UBND-VP`. Pure.
 */
import { RuleViolation } from '../rule-violation.ts';
import { type DocumentTypeId, documentType, documentTypeByAbbreviation } from './document-types.ts';

/** A number and symbol, taken apart. `unit` only for a công văn. */
export interface NumberSymbol {
  number: number;
  type: DocumentTypeId;
  /** The abbreviation of the issuing agency or state title (`UBND`, `SNV`, `TTg`). */
  issuer: string;
  /** A công văn's drafting unit or field (`VP`). */
  unit?: string;
}

/**
 * One group of a symbol. The abbreviations of agencies and units are the head of the agency's choice,
 * "ngắn gọn, dễ hiểu" (Phụ lục I, Phần I, Mục II, khoản 3 điểm b), written in capitals (điểm c); the
 * type abbreviations of Phụ lục III and long-standing ones such as `TTg` keep lower-case letters
 * after the first, so a group is a capital followed by letters or digits. No space, hyphen or slash.
 */
const groupPattern = /^\p{Lu}[\p{L}\p{N}]{0,19}$/u;

const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new RuleViolation('invalid', code, message, details);

/** The number as the decree writes it: `01` … `09`, then `10`, `125`. */
export function formatDocumentNumber(number: number): string {
  if (!Number.isSafeInteger(number) || number < 1) {
    throw invalid('document-number-invalid', 'Số văn bản phải là số nguyên dương, ghi bằng chữ số Ả Rập.', { number });
  }
  return number < 10 ? `0${number}` : String(number);
}

function assertGroup(group: string, field: 'issuer' | 'unit'): void {
  if (!groupPattern.test(group)) {
    const what = field === 'issuer' ? 'cơ quan, tổ chức ban hành' : 'đơn vị soạn thảo';
    throw invalid(
      'symbol-abbreviation-invalid',
      `Chữ viết tắt tên ${what} "${group}" không hợp lệ: bắt đầu bằng chữ in hoa, chỉ gồm chữ và số, không dấu cách, không quá 20 ký tự.`,
      { field, group },
    );
  }
}

/** `125/QĐ-UBND`, or a công văn's `45/UBND-VP`. Refuses what the decree would not write. */
export function formatNumberSymbol(parts: NumberSymbol): string {
  const number = formatDocumentNumber(parts.number);
  const issuer = parts.issuer.normalize('NFC');
  assertGroup(issuer, 'issuer');
  if (parts.type === 'cong-van') {
    const unit = parts.unit?.normalize('NFC');
    if (!unit) {
      throw invalid(
        'cong-van-unit-required',
        'Ký hiệu công văn gồm chữ viết tắt tên cơ quan ban hành và chữ viết tắt tên đơn vị soạn thảo (hoặc lĩnh vực).',
      );
    }
    assertGroup(unit, 'unit');
    return `${number}/${issuer}-${unit}`;
  }
  const type = documentType(parts.type);
  if (type.abbreviation === undefined) {
    throw invalid(
      'document-type-has-no-symbol',
      `Phụ lục III Nghị định 30/2020/NĐ-CP không quy định chữ viết tắt cho "${type.name}".`,
      { type: parts.type },
    );
  }
  if (parts.unit !== undefined) {
    throw invalid(
      'symbol-unit-not-allowed',
      `Ký hiệu của ${type.name.toLowerCase()} gồm chữ viết tắt tên loại và tên cơ quan ban hành, không kèm đơn vị soạn thảo.`,
    );
  }
  return `${number}/${type.abbreviation}-${issuer}`;
}

const malformed = (text: string) =>
  invalid(
    'number-symbol-malformed',
    `Số, ký hiệu "${text}" không đúng thể thức: số bằng chữ số Ả Rập, dấu gạch chéo, rồi các nhóm chữ viết tắt nối bằng dấu gạch nối, không có dấu cách (ví dụ 125/QĐ-UBND, 45/UBND-VP).`,
    { text },
  );

/**
 * Takes `125/QĐ-UBND` or `45/UBND-VP` apart; refuses any other form. A first group that is a type
 * abbreviation of Phụ lục III makes a typed document, any other a công văn: an agency whose own
 * abbreviation were one of those (`TC`, `KH`) would read as a typed document.
 */
export function parseNumberSymbol(text: string): NumberSymbol {
  const normalized = text.normalize('NFC').trim();
  const match = /^(\d+)\/([^/\s]+)$/u.exec(normalized);
  if (!match) throw malformed(text);
  const [, digits = '', symbol = ''] = match;
  const number = Number(digits);
  if (number < 1 || !Number.isSafeInteger(number)) throw malformed(text);
  if (digits.length === 1) {
    throw invalid(
      'document-number-leading-zero',
      `Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước: "0${digits}", không phải "${digits}".`,
      { text },
    );
  }
  // Only numbers below 10 take a leading zero: `012` is not how the decree writes twelve.
  if (digits !== formatDocumentNumber(number)) throw malformed(text);
  const groups = symbol.split('-');
  if (groups.length !== 2 || !groups.every((g) => groupPattern.test(g))) throw malformed(text);
  const [first = '', second = ''] = groups;
  const type = documentTypeByAbbreviation(first);
  return type ? { number, type: type.id, issuer: second } : { number, type: 'cong-van', issuer: first, unit: second };
}
