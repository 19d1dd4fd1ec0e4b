/**
 * What the result of a decided dossier says, laid out as an administrative document (Nghị định
 * 30/2020/NĐ-CP, phụ lục I: national motto, issuing agency, number and symbol, place and date, type
 * and summary, content, the signer's authority and name, recipients). Approved: the procedure's own
 * result named by its catalogue result type (a licence, a certificate, an extract, a decision…);
 * refused: a notice with the reasons and the applicant's remedies. Pure: no clock, no I/O.
 */
import type { AgencyLevel } from '../agency.ts';
import type { Procedure } from '../procedure.ts';
import { vnParts } from '../time.ts';
import type { Dossier } from './dossier.ts';

export interface ResultAgency {
  id: string;
  name: string;
  level: AgencyLevel;
  /** The agency above it (a department's People's Committee), printed above its name. */
  parentName?: string;
}

export interface ResultDocumentInput {
  dossier: Pick<Dossier, 'code' | 'procedure' | 'applicant' | 'submittedAt' | 'receivedAt' | 'decision'>;
  procedure: Pick<Procedure, 'code' | 'name' | 'resultType' | 'legalBasis'>;
  agency: ResultAgency;
  /** The deciding leader, as their certificate names them. */
  leaderName: string;
}

export interface ResultDocument {
  outcome: 'approved' | 'refused';
  /** The issuing agency as the header prints it, top line first (upper case). */
  issuer: string[];
  /** "Số: …/<type>-<agency>" (number and symbol). */
  number: string;
  /** "<place>, ngày dd tháng mm năm yyyy". */
  placeAndDate: string;
  /** The document's type, upper case: "GIẤY PHÉP XÂY DỰNG", "QUYẾT ĐỊNH", "THÔNG BÁO". */
  title: string;
  /** The summary (trích yếu) under the title, when the type needs one. */
  summary?: string;
  /** Legal grounds ("Căn cứ …"). */
  grounds: string[];
  /** The content, paragraph by paragraph; a row is a label and its value. */
  content: (string | readonly [label: string, value: string])[];
  /** The signer's authority line ("TM. ỦY BAN NHÂN DÂN", the agency), then their name. */
  authority: string;
  signerName: string;
  recipients: string[];
  /** How the document is listed among the dossier's papers. */
  listedName: string;
}

/**
 * Type symbols of Nghị định 30/2020/NĐ-CP, phụ lục III (abbreviations of the types of administrative
 * documents), by the first words of the result type; others take the initials of their words.
 */
const typeSymbols: readonly (readonly [prefix: string, symbol: string])[] = [
  ['quyết định', 'QĐ'],
  ['giấy phép', 'GP'],
  ['giấy chứng nhận', 'GCN'],
  ['chứng chỉ', 'CC'],
  ['thông báo', 'TB'],
  ['biên bản', 'BB'],
  ['hợp đồng', 'HĐ'],
  ['giấy xác nhận', 'GXN'],
  ['giấy đăng ký', 'GĐK'],
];

export function typeSymbol(resultType: string): string {
  const lower = resultType.toLocaleLowerCase('vi');
  const known = typeSymbols.find(([prefix]) => lower.startsWith(prefix));
  if (known) return known[1];
  return resultType
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi'))
    .join('');
}

/** The agency's symbol after the type's: a department's own letters (`24.SXD` → SXD), else UBND. */
export function agencySymbol(agency: Pick<ResultAgency, 'id'>): string {
  const last = agency.id.split('.').at(-1) ?? '';
  return /^[A-Z]+$/.test(last) ? last : 'UBND';
}

/**
 * The place name of the heading: the administrative unit where the agency sits (Nghị định
 * 30/2020/NĐ-CP, phụ lục I, mục II.4): "Bắc Giang" for Ủy ban nhân dân Phường Bắc Giang, "Bắc Ninh"
 * for Sở Xây dựng tỉnh Bắc Ninh.
 */
export function placeName(agencyName: string): string {
  const name = agencyName.replace(/^(ủy ban nhân dân|ubnd)\s+/iu, '');
  const unit = /\b(?:tỉnh|thành phố)\s+(.+)$/iu.exec(name);
  if (unit?.[1]) return unit[1];
  return name.replace(/^(tỉnh|thành phố|phường|xã|đặc khu|thị trấn)\s+/iu, '');
}

/** "ngày 04 tháng 12 năm 2026": days under 10 and months under 3 take a leading zero (phụ lục I, mục II.4). */
export function documentDate(instant: Date): string {
  const { year, month, day } = vnParts(instant);
  return `ngày ${String(day).padStart(2, '0')} tháng ${month < 3 ? `0${month}` : month} năm ${year}`;
}

const isPeoplesCommittee = (name: string) => /^(ủy ban nhân dân|ubnd)\b/iu.test(name);

/** The first letter in lower case, for a name used inside a sentence. */
const inSentence = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

export function resultDocument(input: ResultDocumentInput): ResultDocument {
  const { dossier, procedure, agency, leaderName } = input;
  const decision = dossier.decision;
  if (!decision) throw new Error(`Dossier ${dossier.code} has no decision`);
  const decidedAt = new Date(decision.decidedAt);
  const applicant = dossier.applicant;
  const filedOn = documentDate(new Date(dossier.receivedAt ?? dossier.submittedAt));
  const issuer = [
    ...(agency.parentName && !isPeoplesCommittee(agency.name) ? [agency.parentName.toLocaleUpperCase('vi')] : []),
    agency.name.toLocaleUpperCase('vi'),
  ];
  const authority = isPeoplesCommittee(agency.name) ? 'TM. ỦY BAN NHÂN DÂN' : agency.name.toLocaleUpperCase('vi');
  const common = {
    issuer,
    placeAndDate: `${placeName(agency.name)}, ${documentDate(decidedAt)}`,
    authority,
    signerName: leaderName,
  };
  const holder: [string, string][] = [
    ['Ông/Bà', applicant.fullName],
    ['Số định danh cá nhân', applicant.idNumber],
    ['Địa chỉ', applicant.address],
  ];
  const dossierLine = `Hồ sơ số ${dossier.code}, thủ tục "${procedure.name}" (mã ${procedure.code}), tiếp nhận ${filedOn}.`;
  const grounds = procedure.legalBasis
    ? procedure.legalBasis
        .split(';')
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text) => `Căn cứ ${text};`)
    : [];

  if (decision.outcome === 'refused') {
    return {
      ...common,
      outcome: 'refused',
      number: `Số: ${dossier.code}/TB-${agencySymbol(agency)}`,
      title: 'THÔNG BÁO',
      summary: `Về việc không giải quyết hồ sơ đề nghị ${inSentence(procedure.name)}`,
      grounds: [],
      content: [
        `${agency.name} nhận được hồ sơ số ${dossier.code} ${filedOn} của:`,
        ...holder,
        `đề nghị ${inSentence(procedure.name)} (mã thủ tục ${procedure.code}).`,
        `Sau khi xem xét, ${agency.name} không giải quyết hồ sơ với lý do: ${decision.reasons ?? 'không đủ điều kiện theo quy định'}.`,
        'Nếu không đồng ý, Ông/Bà có quyền khiếu nại theo Luật Khiếu nại năm 2011 hoặc khởi kiện vụ án hành chính theo Luật Tố tụng hành chính năm 2015.',
      ],
      recipients: [`Ông/Bà ${applicant.fullName};`, 'Lưu: VT, hồ sơ.'],
      listedName: `Thông báo không giải quyết hồ sơ (ký số: ${leaderName}, ${agency.name})`,
    };
  }

  const symbol = `${typeSymbol(procedure.resultType)}-${agencySymbol(agency)}`;
  const listedName = `${procedure.resultType} (ký số: ${leaderName}, ${agency.name})`;
  if (/^quyết định\b/iu.test(procedure.resultType)) {
    const subject = procedure.resultType.replace(/^quyết định\s*/iu, '');
    return {
      ...common,
      outcome: 'approved',
      number: `Số: ${dossier.code}/${symbol}`,
      title: 'QUYẾT ĐỊNH',
      summary: `Về việc ${subject ? inSentence(subject) : inSentence(procedure.name)}`,
      grounds: [...grounds, `Xét hồ sơ số ${dossier.code} của Ông/Bà ${applicant.fullName}, tiếp nhận ${filedOn}.`],
      content: [
        'QUYẾT ĐỊNH:',
        `Điều 1. Chấp thuận ${subject ? inSentence(subject) : inSentence(procedure.name)} cho:`,
        ...holder,
        `Điều 2. Quyết định này có hiệu lực kể từ ngày ký.`,
        `Điều 3. Ông/Bà ${applicant.fullName} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.`,
      ],
      recipients: ['Như Điều 3;', 'Lưu: VT, hồ sơ.'],
      listedName,
    };
  }
  return {
    ...common,
    outcome: 'approved',
    number: `Số: ${dossier.code}/${symbol}`,
    title: procedure.resultType.toLocaleUpperCase('vi'),
    grounds,
    content: [
      `${agency.name} cấp ${inSentence(procedure.resultType)} cho:`,
      ...holder,
      dossierLine,
      `${procedure.resultType} này được cấp dưới dạng văn bản điện tử, có chữ ký số của người có thẩm quyền và của ${agency.name}, có giá trị pháp lý như bản giấy.`,
    ],
    recipients: [`Ông/Bà ${applicant.fullName};`, 'Lưu: VT, hồ sơ.'],
    listedName,
  };
}
