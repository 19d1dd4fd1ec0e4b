/**
 * The registers of outgoing and incoming documents (sổ đăng ký văn bản đi / đến) and how they number.
 * Nghị định 30/2020/NĐ-CP:
 * - Điều 15 khoản 1: an outgoing document's number follows the order of issuance within the year,
 *   "bắt đầu liên tiếp từ số 01 vào ngày 01 tháng 01 và kết thúc vào ngày 31 tháng 12 hàng năm"; the
 *   number and symbol are unique within the year, the same for paper and electronic documents. Secret
 *   documents take their own numbering (khoản 2), as do advisory bodies that issue in the agency's name
 *   (Phụ lục I, Phần I, Mục II, khoản 3 điểm a): hence a register's `series`.
 * - Điều 22 khoản 2: an incoming document's number (số đến) follows the order of receipt within the
 *   year, the same for paper and electronic documents.
 * The year is Vietnam's (UTC+07:00): a register opens at local midnight of 1 January. Pure.
 */
import { RuleViolation } from '../rule-violation.ts';
import { vnParts } from '../time.ts';
import type { DocumentTypeId } from './document-types.ts';

export type RegisterKind = 'outgoing' | 'incoming';

/** Which register: an agency's outgoing or incoming register, in one numbering series. */
export interface RegisterKey {
  agencyId: string;
  kind: RegisterKind;
  /** The numbering system: `chung` (the general one), or a separate one (secret documents, an advisory body). */
  series: string;
}

/** The last number a register gave, and in which year. */
export interface RegisterPosition {
  year: number;
  number: number;
}

/** The register year an instant belongs to: the calendar year in Vietnam, not in UTC. */
export const registerYear = (instant: Date): number => vnParts(instant).year;

/**
 * The number the next document entered at `at` receives: 01 when the register has none this year
 * (the first of the year, or a new year), else the one after the last. Gapless by construction; a
 * last number from a later year means the clock or the register is wrong, and nothing is numbered.
 */
export function nextRegisterPosition(last: RegisterPosition | undefined, at: Date): RegisterPosition {
  const year = registerYear(at);
  if (!last || last.year < year) return { year, number: 1 };
  if (!Number.isSafeInteger(last.number) || last.number < 1) {
    throw new RangeError(`Invalid register position ${last.year}/${last.number}`);
  }
  if (last.year > year) {
    throw new RuleViolation(
      'conflict',
      'register-year-ahead',
      `Sổ đăng ký đã cấp số cho năm ${last.year}; không thể cấp số cho văn bản ngày thuộc năm ${year}.`,
      { registerYear: last.year, year },
    );
  }
  return { year, number: last.number + 1 };
}

/** Urgency (mức độ khẩn): Điều 4 khoản 2 điểm c names "Hỏa tốc", "Thượng khẩn" and "Khẩn". */
export const urgencies = ['thuong', 'khan', 'thuong-khan', 'hoa-toc'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Record<Urgency, string> = {
  thuong: 'Thường',
  khan: 'Khẩn',
  'thuong-khan': 'Thượng khẩn',
  'hoa-toc': 'Hỏa tốc',
};

/** Local dates are `YYYY-MM-DD` (shared/domain/time.ts); instants ISO 8601 with +07:00. */
type LocalDate = string;
type Instant = string;

/**
 * A line of the outgoing register, at least the 10 columns of its form (Phụ lục IV, Mục I, khoản 2),
 * in their order; Điều 16 khoản 2 điểm b: a register kept in the system prints with all of them.
 */
export interface OutgoingRegisterEntry {
  /** (1) Số, ký hiệu văn bản: `125/QĐ-UBND`. */
  numberSymbol: string;
  /** (2) Ngày tháng văn bản. */
  date: LocalDate;
  /** (3) Tên loại và trích yếu nội dung văn bản. */
  type: DocumentTypeId;
  summary: string;
  /** (4) Người ký. */
  signer: string;
  /** (5) Nơi nhận văn bản. */
  recipients: readonly string[];
  /** (6) Đơn vị, người nhận bản lưu. */
  fileCopyHolders: readonly string[];
  /** (7) Số lượng bản. */
  copies: number;
  /** (8) Ngày chuyển. */
  sentOn?: LocalDate;
  /** (9) Ký nhận: who acknowledged the delivery, and when. */
  acknowledgedBy?: { name: string; at: Instant };
  /** (10) Ghi chú. */
  note?: string;
  /** Not a column: the register's number, kept apart from the text for ordering and gap checks. */
  position: RegisterPosition;
  urgency: Urgency;
}

/**
 * A line of the incoming register, at least the 10 columns of its form (Phụ lục IV, Mục VI, khoản 2),
 * in their order (Điều 22 khoản 1 and khoản 3).
 */
export interface IncomingRegisterEntry {
  /** (1) Ngày đến. */
  receivedOn: LocalDate;
  /** (2) Số đến: this register's number. */
  position: RegisterPosition;
  /** (3) Tác giả: the sending agency, organisation or person. */
  author: string;
  /** (4) Số, ký hiệu văn bản, as the document bears it (a normative document's carries its year). */
  numberSymbol?: string;
  /** (5) Ngày tháng văn bản. */
  date?: LocalDate;
  /** (6) Tên loại và trích yếu nội dung văn bản. */
  typeName: string;
  summary: string;
  /** (7) Đơn vị hoặc người nhận. */
  handledBy?: string;
  /** (8) Ngày chuyển. */
  transferredOn?: LocalDate;
  /** (9) Ký nhận. */
  acknowledgedBy?: { name: string; at: Instant };
  /** (10) Ghi chú. */
  note?: string;
  urgency: Urgency;
}

/**
 * A line of the register that tracks the handling of incoming documents, at least the 7 columns of its
 * form (Phụ lục IV, Mục VIII, khoản 2); Điều 24 khoản 1 asks the head of the agency to have it followed.
 */
export interface IncomingTrackingEntry {
  /** (1) Số đến. */
  position: RegisterPosition;
  /** (2) Tên loại, số, ký hiệu, ngày tháng và tên cơ quan, tổ chức ban hành văn bản. */
  document: string;
  /** (3) Đơn vị hoặc người nhận. */
  handledBy: string;
  /** (4) Thời hạn giải quyết. */
  deadline?: LocalDate;
  /** (5) Tiến độ giải quyết. */
  progress: string;
  /** (6) Số, ký hiệu văn bản trả lời. */
  replyNumberSymbol?: string;
  /** (7) Ghi chú. */
  note?: string;
}
