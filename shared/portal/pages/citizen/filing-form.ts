import type { Procedure } from '../../../domain/procedure.ts';
import type { FieldError } from '../../../http/problem.ts';

/** The filing form's fields, by their names in the HTML. */
export interface FilingValues {
  hoTen: string;
  soDinhDanh: string;
  dienThoai: string;
  email: string;
  diaChi: string;
  /** The 5-digit administrative code of the commune or ward (commune-level procedures). */
  maXa: string;
  nhanKetQua: 'online' | 'counter' | 'post';
  diaChiNhan: string;
  dienThoaiNhan: string;
  diaChiThuGom: string;
  dienThoaiThuGom: string;
  /** What the fee depends on (asked only when the procedure's fee does): pages, copies, an exemption ground. */
  soTrang: string;
  soBan: string;
  mienPhi: string;
}

export type FilingField = keyof FilingValues;
/** Per-field Vietnamese messages, shown next to the fields. */
export type FieldMessages = Partial<Record<FilingField, string>>;

export const fileInputName = (slot: number) => `tai-lieu-${slot}`;

const returnMethods = ['online', 'counter', 'post'] as const;

export const emptyFiling = (procedure: Procedure, fullName = ''): FilingValues => ({
  hoTen: fullName,
  soDinhDanh: '',
  dienThoai: '',
  email: '',
  diaChi: '',
  maXa: '',
  // A procedure not offered online is filed by post: its result most naturally comes back the same way.
  nhanKetQua: procedure.serviceLevel === 'offline' ? 'post' : 'online',
  diaChiNhan: '',
  dienThoaiNhan: '',
  diaChiThuGom: '',
  dienThoaiThuGom: '',
  soTrang: '',
  soBan: '',
  mienPhi: '',
});

/** How much of each typed field is kept: no more than the API accepts. */
const keptLength = {
  hoTen: 200,
  soDinhDanh: 20,
  dienThoai: 20,
  email: 254,
  diaChi: 500,
  maXa: 5,
  diaChiNhan: 500,
  dienThoaiNhan: 20,
  diaChiThuGom: 500,
  dienThoaiThuGom: 20,
  soTrang: 6,
  soBan: 4,
  mienPhi: 40,
} as const satisfies Record<Exclude<FilingField, 'nhanKetQua'>, number>;

/** The typed values of a posted form, each cut to the length the API accepts. */
export function filingValuesOf(read: (name: string) => string): FilingValues {
  const typed = Object.fromEntries(
    Object.entries(keptLength).map(([name, length]) => [name, read(name).slice(0, length)]),
  ) as Record<keyof typeof keptLength, string>;
  const method = read('nhanKetQua');
  return {
    ...typed,
    nhanKetQua: (returnMethods as readonly string[]).includes(method)
      ? (method as FilingValues['nhanKetQua'])
      : 'online',
  };
}

/** Which fee facts the procedure's fee rule needs from the applicant. */
export function feeQuestions(procedure: Procedure): { pages: boolean; copies: boolean; exemptions: boolean } {
  const kind = procedure.fee?.schedule.kind;
  return {
    pages: kind === 'per-page',
    copies: kind === 'per-page' || kind === 'per-copy',
    exemptions: (procedure.fee?.exemptions ?? []).length > 0,
  };
}

/** A typed whole number, or the text itself for the API to refuse with its own message. */
const count = (text: string): number | string => (/^\d+$/.test(text) ? Number(text) : text);

function feeFacts(values: FilingValues, procedure: Procedure) {
  const asked = feeQuestions(procedure);
  const facts = {
    ...(asked.pages && values.soTrang ? { pages: count(values.soTrang) } : {}),
    ...(asked.copies && values.soBan ? { copies: count(values.soBan) } : {}),
    ...(asked.exemptions && values.mienPhi ? { exemption: values.mienPhi } : {}),
  };
  return Object.keys(facts).length > 0 ? { feeFacts: facts } : {};
}

const optional = <K extends string>(key: K, value: string) => (value ? ({ [key]: value } as Record<K, string>) : {});

/** The body of `POST /v1/dossiers` (SubmitDossierBody): empty optional fields left out. */
export function filingBody(values: FilingValues, procedure: Procedure) {
  const delivery = { ...optional('address', values.diaChiNhan), ...optional('phone', values.dienThoaiNhan) };
  const pickup = { ...optional('address', values.diaChiThuGom), ...optional('phone', values.dienThoaiThuGom) };
  // A procedure not offered online can only be filed by having the post office collect the papers.
  const byPost = procedure.serviceLevel === 'offline';
  const withDelivery = values.nhanKetQua === 'post' && Object.keys(delivery).length > 0;
  return {
    procedureCode: procedure.code,
    ...(procedure.level === 'commune' ? { communeCode: values.maXa } : {}),
    applicant: {
      fullName: values.hoTen,
      idNumber: values.soDinhDanh,
      ...optional('phone', values.dienThoai),
      ...optional('email', values.email),
      address: values.diaChi,
    },
    returnMethod: values.nhanKetQua,
    ...feeFacts(values, procedure),
    ...(byPost || withDelivery
      ? { postal: { ...(byPost ? { pickup } : {}), ...(withDelivery ? { delivery } : {}) } }
      : {}),
  };
}

const apiFields: Record<string, FilingField> = {
  'applicant.fullName': 'hoTen',
  'applicant.idNumber': 'soDinhDanh',
  'applicant.phone': 'dienThoai',
  'applicant.email': 'email',
  'applicant.address': 'diaChi',
  communeCode: 'maXa',
  returnMethod: 'nhanKetQua',
  'postal.delivery.address': 'diaChiNhan',
  'postal.delivery.phone': 'dienThoaiNhan',
  'postal.pickup.address': 'diaChiThuGom',
  'postal.pickup.phone': 'dienThoaiThuGom',
  'feeFacts.pages': 'soTrang',
  'feeFacts.copies': 'soBan',
  'feeFacts.exemption': 'mienPhi',
};

/** The API's per-field problems on the form's fields. */
export function messagesOfApi(fields: readonly FieldError[]): FieldMessages {
  const messages: FieldMessages = {};
  for (const problem of fields) {
    const name = apiFields[problem.field];
    if (name && !messages[name]) messages[name] = problem.message;
  }
  return messages;
}
