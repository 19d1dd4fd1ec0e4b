import { createHash } from 'node:crypto';
/**
 * Documents of a dossier (docs/design.md §5): uploads for its required-document slots, the forms the
 * lifecycle issues, the signed result. Metadata only; the bytes live in S3 under `dossiers/<code>/`.
 * Pure: ids and instants are passed in.
 */
import { type Caller, hasRole } from '../caller.ts';
import type { Dossier, FormNumber } from '../dossier/dossier.ts';
import type { DossierStatus } from '../dossier/status.ts';
import { RuleViolation } from '../rule-violation.ts';
import { toVnIso } from '../time.ts';

/** What a person may upload: sniffed from the bytes, never trusted from a name or a header. */
export const allowedContentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedContentType = (typeof allowedContentTypes)[number];

/** Largest upload accepted (10 MiB): a scanned multi-page PDF at 200 dpi fits. */
export const maxUploadBytes = 10 * 1024 * 1024;
/** How long a presigned upload stays usable. */
export const uploadWindowSeconds = 5 * 60;
/** How long a presigned download stays usable. */
export const downloadWindowSeconds = 5 * 60;

/** `referenced`: a file kept by a partner (the national portal), listed by reference and never fetched here. */
export type DocumentStatus = 'pending' | 'verified' | 'quarantined' | 'referenced';

export interface DossierDocument {
  id: string;
  dossierCode: string;
  kind: 'upload' | 'form' | 'result' | 'referenced' | 'receipt';
  /** Index into the procedure's required documents (uploads only). */
  slot?: number;
  /** The required document's name, for people. */
  name: string;
  /** Forms only: the form number of TT 03/2025 annex I. */
  form?: FormNumber;
  key: string;
  contentType: AllowedContentType;
  /** Declared when requested; the verified object must have exactly this size. */
  size: number;
  sha256?: string;
  /** Paper scanned by a receiver at the counter (counts toward the digitisation indicators). */
  digitised: boolean;
  status: DocumentStatus;
  /** Vietnamese reason a file was refused. */
  rejection?: { code: RejectionCode; reason: string };
  createdBy: string;
  createdAt: string;
  /** End of the upload window. */
  expiresAt?: string;
  verifiedAt?: string;
  /** Referenced files only: where the partner keeps it and the partner's document type. */
  source?: { partner: 'dvcqg'; url: string; documentType: string };
}

/** A PDF the platform rendered itself (a form, a receipt): verified from the start, its checksum taken here. */
export function generatedPdf(input: {
  id: string;
  dossierCode: string;
  kind: DossierDocument['kind'];
  form?: FormNumber;
  name: string;
  key: string;
  bytes: Uint8Array;
  at: string;
}): DossierDocument {
  const { bytes, at, form, ...rest } = input;
  return {
    ...rest,
    ...(form ? { form } : {}),
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    digitised: false,
    status: 'verified',
    createdBy: 'system',
    createdAt: at,
    verifiedAt: at,
  };
}

export const uploadKey = (code: string, id: string): string => `dossiers/${code}/uploads/${id}`;
export const quarantineKey = (code: string, id: string): string => `quarantine/dossiers/${code}/${id}`;
/**
 * Where a verified upload is kept and served from: a copy made before the bytes are checked, under a
 * key no presigned POST covers (its policy names the upload key exactly), so re-posting the same form
 * within its window cannot replace what was verified. One key per attempt: racing completions never
 * overwrite each other's copy.
 */
export const verifiedUploadKey = (code: string, id: string, attempt: string): string =>
  `dossiers/${code}/verified/${id}/${attempt}`;
export const resultKey = (code: string, id: string): string => `dossiers/${code}/results/${id}.pdf`;
/** Where a referenced file's copy would be kept if it were ever fetched; nothing is stored there on intake. */
export const referencedKey = (code: string, id: string): string => `dossiers/${code}/referenced/${id}`;
export const formKey = (code: string, form: FormNumber, id: string): string =>
  `dossiers/${code}/forms/${form}-${id}.pdf`;

/** Statuses in which an applicant may still add files: before intake and when asked to supplement. */
const applicantUploadStatuses: readonly DossierStatus[] = ['submitted', 'supplement-requested'];
/** Statuses in which a receiver of the holding agency may scan papers into the dossier. */
const counterUploadStatuses: readonly DossierStatus[] = [
  'submitted',
  'received',
  'processing',
  'supplement-requested',
  'awaiting-fees',
];

/**
 * Whether the caller may add a file to the dossier, and whether it counts as digitised paper.
 * Callers who may read the dossier but not write to it are refused; others never get here (404).
 */
export function uploadRight(
  caller: Caller,
  dossier: Pick<Dossier, 'applicantId' | 'agencyId' | 'status'>,
): { digitised: boolean } {
  if (hasRole(caller, 'citizen') && caller.sub === dossier.applicantId) {
    if (applicantUploadStatuses.includes(dossier.status)) return { digitised: false };
    throw new RuleViolation(
      'invalid',
      'upload-closed',
      'Hồ sơ chỉ nhận thêm tài liệu khi mới nộp hoặc khi được yêu cầu bổ sung.',
    );
  }
  if (hasRole(caller, 'receiver') && caller.agencyId === dossier.agencyId) {
    if (counterUploadStatuses.includes(dossier.status)) return { digitised: true };
    throw new RuleViolation(
      'invalid',
      'upload-closed',
      'Hồ sơ đã kết thúc hoặc đã có kết quả: không nhận thêm tài liệu.',
    );
  }
  throw new RuleViolation('forbidden', 'upload-not-allowed', 'Bạn không được tải tài liệu lên hồ sơ này.');
}

export interface UploadRequest {
  slot: number;
  contentType: AllowedContentType;
  size: number;
}

/** A new upload for one required-document slot, pending until its bytes are verified. */
export function newUpload(
  input: UploadRequest,
  ctx: {
    id: string;
    caller: Caller;
    dossier: Pick<Dossier, 'code' | 'applicantId' | 'agencyId' | 'status'>;
    documents: readonly { name: string }[];
    now: Date;
  },
): DossierDocument {
  const { digitised } = uploadRight(ctx.caller, ctx.dossier);
  const slot = ctx.documents[input.slot];
  if (!slot) {
    throw new RuleViolation('invalid', 'unknown-slot', 'Thủ tục không yêu cầu thành phần hồ sơ này.', {
      slots: ctx.documents.length,
    });
  }
  return {
    id: ctx.id,
    dossierCode: ctx.dossier.code,
    kind: 'upload',
    slot: input.slot,
    name: slot.name,
    key: uploadKey(ctx.dossier.code, ctx.id),
    contentType: input.contentType,
    size: input.size,
    digitised,
    status: 'pending',
    createdBy: ctx.caller.sub,
    // Instants in Hà Nội time (+07:00), as every instant the API answers with.
    createdAt: toVnIso(ctx.now),
    expiresAt: toVnIso(new Date(ctx.now.getTime() + uploadWindowSeconds * 1000)),
  };
}

/** What the verifier learned from the stored object. */
export interface ObjectFacts {
  size: number;
  lastModified: Date;
  /** Type sniffed from the first bytes, or undefined when none of the allowed ones. */
  sniffedType: AllowedContentType | undefined;
  sha256: string;
}

export type RejectionCode = 'upload-expired' | 'size-mismatch' | 'too-large' | 'type-not-allowed' | 'type-mismatch';

/** S3 stamps objects with its own clock, to the second: a little leeway at the window's end. */
const clockLeewayMs = 60_000;

/** The verdict on an uploaded object: it counts, or it is quarantined with the reason the applicant reads. */
export function verifyUpload(
  document: Pick<DossierDocument, 'size' | 'contentType' | 'expiresAt'>,
  facts: ObjectFacts,
): { ok: true } | { ok: false; code: RejectionCode; reason: string } {
  if (document.expiresAt && facts.lastModified.getTime() > Date.parse(document.expiresAt) + clockLeewayMs) {
    return { ok: false, code: 'upload-expired', reason: 'Tệp được tải lên sau khi đường dẫn tải lên đã hết hạn.' };
  }
  if (facts.size > maxUploadBytes) {
    return {
      ok: false,
      code: 'too-large',
      reason: `Tệp vượt quá dung lượng tối đa ${maxUploadBytes / 1024 / 1024} MB.`,
    };
  }
  if (facts.size !== document.size) {
    return {
      ok: false,
      code: 'size-mismatch',
      reason: `Dung lượng tệp (${facts.size} byte) khác dung lượng đã khai (${document.size} byte).`,
    };
  }
  if (!facts.sniffedType) {
    return { ok: false, code: 'type-not-allowed', reason: 'Tệp không phải PDF, JPEG hoặc PNG.' };
  }
  if (facts.sniffedType !== document.contentType) {
    return {
      ok: false,
      code: 'type-mismatch',
      reason: `Nội dung tệp là ${typeLabel[facts.sniffedType]}, không phải ${typeLabel[document.contentType]} như đã khai.`,
    };
  }
  return { ok: true };
}

const typeLabel: Record<AllowedContentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'ảnh JPEG',
  'image/png': 'ảnh PNG',
};
