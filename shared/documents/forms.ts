/**
 * Forms 01–07 of TT 03/2025/TT-VPCP annex I as PDF, with Vietnamese text in an embedded font and a
 * QR code to the public lookup. Pure: the same input gives the same bytes (no clock, no I/O).
 */
import type { PdfWriter } from './pdf-writer.ts';
import { describeAppointment, type WorkingDuration } from '../domain/calendar/index.ts';
import type { ReceivedDocument } from '../domain/documents/received.ts';
import { controlSlip, type StepVerdict } from '../domain/dossier/control-slip.ts';
import type { Dossier, FormNumber } from '../domain/dossier/dossier.ts';
import { dossierStatuses } from '../domain/dossier/status.ts';
import { formatVnDate, vnParts } from '../domain/time.ts';
import { lookupUrl } from '../portal/paths.ts';
import { A4, newPdf, PdfCanvas } from './pdf-layout.ts';
import type { EmbeddedFont } from './truetype.ts';
import { copyTypeText } from '../domain/procedure.ts';
import { describeDossierFee } from '../domain/fees/describe.ts';

/**
 * Titles of the forms of Thông tư 03/2025/TT-VPCP (15/9/2025), phụ lục I, mẫu số 01–07, as the annex
 * lists them (docs/domain.md, "Forms"; tests/conformance/forms.test.ts).
 */
export const formTitles: Record<FormNumber, string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
  '05': 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  '06': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  '07': 'SỔ THEO DÕI HỒ SƠ',
};

export type FormDossier = Pick<
  Dossier,
  | 'code'
  | 'procedure'
  | 'applicant'
  | 'submittedAt'
  | 'receivedAt'
  | 'dueAt'
  | 'originalDueAt'
  | 'supplement'
  | 'steps'
  | 'timeline'
  | 'status'
  | 'channel'
  | 'decision'
  | 'returnedAt'
> &
  // Form 01 prints them; the other documents do without.
  Partial<Pick<Dossier, 'fee' | 'returnMethod'>>;

export interface FormInput {
  form: FormNumber;
  dossier: FormDossier;
  /** The agency issuing the form. */
  agencyName: string;
  /** Names of agencies by id, for the steps of form 06. */
  agencyNames?: Readonly<Record<string, string>>;
  /** Names of officials by sub, for the handlers of form 06's steps (the sub when unknown). */
  officialNames?: Readonly<Record<string, string>>;
  /** Form 01: what the dossier actually holds at intake (shared/domain/documents/received.ts). */
  received?: readonly ReceivedDocument[];
  /** Form 01: the procedure's legal processing time. */
  processingTime?: WorkingDuration;
  /** Form 01: sets (bộ) of the dossier received; one unless the procedure asks for more. */
  sets?: number;
  /** Form 01: the official who received the dossier, by name (the account id when the roster does not know them). */
  receiverName?: string;
  /** Form 01 of a counter filing: the look-up PIN, when the caller holds it (it is never stored). */
  lookupPin?: string;
  /** The deployment's public URL (config PUBLIC_URL): the QR code and the link open its look-up page with the code. */
  publicUrl: string;
  /** When the form is issued: printed on it, and the PDF's dates (no clock read here). */
  issuedAt: Date;
  /** The official issuing it, by name. */
  issuedBy?: string;
  /** PDF keywords (the dossier code is always one): verifiers read the dossier code from them. */
  keywords?: readonly string[];
}

const margin = 56;

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as the documents print it: `14 giờ 05, ngày 09/03/2026`, Hà Nội time. */
export function printedInstant(instant: Date): string {
  const { hour, minute } = vnParts(instant);
  return `${two(hour)} giờ ${two(minute)}, ngày ${formatVnDate(instant)}`;
}

const vnDate = (iso: string | undefined): string => (iso ? printedInstant(new Date(iso)) : '');

export function renderForm(input: FormInput): Promise<Uint8Array> {
  return renderDocument(
    input,
    formTitles[input.form],
    bodyOf(input),
    `Mẫu số ${input.form} – Số: ${input.dossier.code}`,
  );
}

/** Lays out one issued document (header, QR code to the lookup, title, labelled rows): every PDF of a dossier looks alike. */
export async function renderDocument(
  input: Omit<FormInput, 'form'>,
  title: string,
  rows: readonly Row[],
  reference: string,
): Promise<Uint8Array> {
  const { pdf, regular, bold } = await newPdf({
    title: `${title} – ${input.dossier.code}`,
    subject: reference,
    author: input.agencyName,
    keywords: [input.dossier.code, ...(input.keywords ?? []).filter((k) => k !== input.dossier.code)],
    at: input.issuedAt,
  });
  // The QR code and the link open the portal's look-up page with the code filled in (one scheme, paths.ts).
  const link = lookupUrl(input.publicUrl, input.dossier.code);
  const writer = new Writer(pdf, regular, bold);
  writer.header(input.agencyName, reference);
  writer.qrAtRight(link);
  writer.gap(8);
  writer.centered(title, bold, 13);
  writer.gap(10);
  for (const [label, value] of rows) writer.field(label, value);
  writer.gap(16);
  writer.line(`Tra cứu hồ sơ: ${link}`, regular, 9);
  writer.line(`Lập lúc ${printedInstant(input.issuedAt)}${input.issuedBy ? ` – ${input.issuedBy}` : ''}.`, regular, 9);
  return pdf.save();
}

export type Row = readonly [label: string, value: string];

function bodyOf(input: FormInput): Row[] {
  const { dossier } = input;
  const common: Row[] = [
    ['Mã hồ sơ', dossier.code],
    ['Thủ tục', `${dossier.procedure.name} (${dossier.procedure.code})`],
    ['Người nộp', dossier.applicant.fullName],
    ['Địa chỉ', dossier.applicant.address],
    ['Nộp lúc', vnDate(dossier.submittedAt)],
  ];
  const lastNote = dossier.timeline.at(-1)?.note ?? '';
  switch (input.form) {
    case '01':
      return receiptRows(input);
    case '02':
      return [
        ...common,
        ...(dossier.supplement?.defects ?? []).map((d, i): Row => [`Nội dung bổ sung ${i + 1}`, d]),
        ['Lý do', 'Hồ sơ chưa đầy đủ, hợp lệ theo quy định.'],
      ];
    case '03':
    case '05':
      return [...common, ['Nội dung', lastNote]];
    case '04':
      return [
        ...common,
        ['Hạn trả ban đầu', dossier.originalDueAt ? describeAppointment(new Date(dossier.originalDueAt)) : ''],
        ['Hẹn lại ngày trả', describeAppointment(new Date(dossier.dueAt))],
        ['Nội dung', lastNote],
      ];
    case '06':
      return [...common, ...controlSlipRows(input)];
    case '07':
      return [
        ...common,
        ['Trạng thái', dossierStatuses[dossier.status].vi],
        ['Hạn trả kết quả', describeAppointment(new Date(dossier.dueAt))],
        ['Ngày có kết quả', vnDate(dossier.decision?.decidedAt)],
        ['Ngày trả kết quả', vnDate(dossier.returnedAt)],
      ];
  }
}

const sourceText: Record<ReceivedDocument['source'], string> = {
  paper: 'bản giấy',
  upload: 'nộp trực tuyến',
  digitised: 'bản giấy, đã số hóa',
  referenced: 'tệp trên Cổng Dịch vụ công quốc gia',
};

const returnText = (input: FormInput): string => {
  switch (input.dossier.returnMethod) {
    case 'online':
      return 'Trực tuyến, trên Cổng Dịch vụ công';
    case 'post':
      return 'Qua dịch vụ bưu chính công ích';
    default:
      return input.agencyName;
  }
};

const durationText = (duration: WorkingDuration): string =>
  'workingDays' in duration ? `${two(duration.workingDays)} ngày làm việc` : `${duration.workingHours} giờ làm việc`;

/**
 * Form 01 as mẫu số 01 lays it out: who filed what (the documents actually received, with their copy
 * type, count and how each came in), the number of sets, the legal time, the receipt and the
 * appointment, the fee, where the result is returned, and the receiver.
 */
function receiptRows(input: FormInput): Row[] {
  const { dossier } = input;
  const fee = dossier.fee;
  return [
    ['Mã hồ sơ', dossier.code],
    ['Tiếp nhận hồ sơ của', dossier.applicant.fullName],
    ['Địa chỉ', dossier.applicant.address],
    ...(dossier.applicant.phone ? [['Số điện thoại', dossier.applicant.phone] as const] : []),
    ...(dossier.applicant.email ? [['Thư điện tử', dossier.applicant.email] as const] : []),
    ['Nội dung yêu cầu giải quyết', `${dossier.procedure.name} (mã thủ tục ${dossier.procedure.code})`],
    ...(input.received && input.received.length > 0
      ? input.received.map((d, i): Row => [
          i === 0 ? '1. Thành phần hồ sơ' : '',
          `${i + 1}) ${d.name} – ${d.copyType ? `${copyTypeText[d.copyType]}, ` : ''}` +
            `số lượng ${two(d.count)} (${sourceText[d.source]})`,
        ])
      : [['1. Thành phần hồ sơ', 'Không có tài liệu nào được tiếp nhận.'] as const]),
    ['2. Số lượng hồ sơ', `${two(input.sets ?? 1)} bộ`],
    ['3. Thời gian giải quyết theo quy định', input.processingTime ? durationText(input.processingTime) : ''],
    ['4. Thời gian nhận hồ sơ', vnDate(dossier.receivedAt)],
    ['5. Thời gian trả kết quả', describeAppointment(new Date(dossier.dueAt))],
    ['6. Phí, lệ phí', describeDossierFee(fee)],
    ['7. Nhận kết quả tại', returnText(input)],
    ...(input.lookupPin ? [['Mã tra cứu (PIN)', input.lookupPin] as const] : []),
    ['Người tiếp nhận hồ sơ', input.receiverName ?? ''],
  ];
}

const verdictText: Record<StepVerdict, string> = { early: 'trước hạn', 'on-time': 'đúng hạn', late: 'quá hạn' };

/**
 * Form 06: one row per hand-over (mẫu số 06: tên cơ quan, thời gian giao – nhận, người giao, người
 * nhận, kết quả trước hạn / đúng hạn / quá hạn), the joint legs' included, as of the slip's issue.
 */
function controlSlipRows(input: FormInput): Row[] {
  const { dossier } = input;
  const name = (sub: string | undefined) => (sub ? (input.officialNames?.[sub] ?? sub) : '');
  const rows = controlSlip(dossier, input.issuedAt.toISOString()).map((row, i): Row => {
    const agency = input.agencyNames?.[row.agencyId] ?? row.agencyId;
    return [
      `Bước ${i + 1}`,
      `${row.step} – ${agency}. Nhận ${vnDate(row.receivedAt)}` +
        `${row.fromSub ? ` từ ${name(row.fromSub)}` : ''}; người xử lý: ${row.handlerSub ? `cán bộ ${name(row.handlerSub)}` : 'chưa phân công'}; ` +
        `hạn ${vnDate(row.dueAt)}; ` +
        (row.endedAt && row.verdict ? `giao ${vnDate(row.endedAt)} – ${verdictText[row.verdict]}.` : 'đang xử lý.'),
    ];
  });
  const decided = dossier.decision && Date.parse(dossier.decision.decidedAt) <= input.issuedAt.getTime();
  return [
    ['Hạn trả kết quả', describeAppointment(new Date(dossier.dueAt))],
    ...rows,
    ...(decided && dossier.decision
      ? [['Kết quả', dossier.decision.outcome === 'approved' ? 'Chấp thuận' : 'Không chấp thuận'] as const]
      : []),
  ];
}

/** Lays text out top to bottom on upright A4 pages, wrapping words and adding pages as needed. */
class Writer extends PdfCanvas {
  constructor(pdf: PdfWriter, regular: EmbeddedFont, bold: EmbeddedFont) {
    super(pdf, regular, bold, { ...A4, margin });
  }

  header(agencyName: string, reference: string) {
    const left = margin;
    const right = A4.width - margin;
    const top = this.y;
    const agencyLines = this.wrap(agencyName.toUpperCase(), this.bold, 9, 220);
    agencyLines.forEach((line, i) => this.text(line, left, top - i * 12, this.bold, 9));
    this.mottoAtRight(right, top);
    this.text(reference, left, top - agencyLines.length * 12 - 4, this.regular, 9);
    this.y = top - Math.max(agencyLines.length * 12 + 4, 24) - 16;
  }

  /** The QR code in the top right corner, under the header. */
  qrAtRight(link: string) {
    const box = 72;
    this.qr(link, A4.width - margin - box, this.y, box);
    this.y = this.y - box - 4;
  }

  line(text: string, font: EmbeddedFont, size: number) {
    for (const line of this.wrap(text, font, size, A4.width - 2 * margin)) {
      this.ensure(size + 4);
      this.text(line, margin, this.y, font, size);
      this.y -= size + 4;
    }
  }

  /** A labelled value; a long label wraps in its column, an empty one continues the row above (a list). */
  field(label: string, value: string) {
    const size = 10.5;
    const labelWidth = 150;
    const lines = this.wrap(value || '—', this.regular, size, A4.width - 2 * margin - labelWidth);
    const labels = label ? this.wrap(`${label}:`, this.bold, size, labelWidth - 8) : [];
    this.ensure(size + 6);
    for (let i = 0; i < Math.max(lines.length, labels.length); i++) {
      this.ensure(size + 5);
      const labelLine = labels[i];
      const valueLine = lines[i];
      if (labelLine) this.text(labelLine, margin, this.y, this.bold, size);
      if (valueLine) this.text(valueLine, margin + labelWidth, this.y, this.regular, size);
      this.y -= size + 5;
    }
    this.y -= 2;
  }
}
