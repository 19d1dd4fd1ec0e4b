import { createHash } from 'node:crypto';
import { allowedContentTypes, type AllowedContentType } from '../domain/documents/document.ts';
import { sniffBytes, sniffContentType } from '../domain/documents/sniff.ts';
import type { UploadGrant as ApiUploadGrant } from '../use-cases/documents/upload-document.ts';
import { ApiError, type ApiClient } from '../http/api-client.ts';

/**
 * What one form post may carry in files: API Gateway and Lambda take at most 6 MB per request, and a
 * multipart body arrives base64-encoded (a third larger). The API itself takes 10 MB per file, through
 * a presigned POST the browser could use directly — but that needs JavaScript, which the portal has none of.
 */
export const maxFormUploadBytes = 4 * 1024 * 1024;

/** A file a person chose, as the multipart parser gives it. */
export interface ChosenFile {
  /** The procedure's required-document index. */
  slot: number;
  file: File;
}

export interface UploadOutcome {
  slot: number;
  fileName: string;
  /** Undefined when the file was verified; else the Vietnamese reason it was not kept. */
  problem?: string;
}

/** The files of a form that were really chosen: a file input left empty still posts an empty, nameless part. */
export const chosenFile = (value: File | string | null): File | undefined =>
  typeof value === 'object' && value !== null && value.size > 0 ? value : undefined;

/**
 * A UUID-shaped key derived from the form's key and the slot (in the manner of a UUID v5): resubmitting
 * the same form asks for the same upload, and the API replays its first answer instead of a second one.
 */
export function derivedKey(formKey: string, part: string): string {
  const hex = createHash('sha256').update(`${formKey}:${part}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The type to declare: the one the first bytes show (a scan saved as `.pdf` that is really a PNG is still
 * accepted as a PNG), else what the browser said if it is allowed (the API then checks and refuses it).
 */
async function declaredType(file: File): Promise<AllowedContentType | undefined> {
  const head = new Uint8Array(await file.slice(0, sniffBytes).arrayBuffer());
  const sniffed = sniffContentType(head);
  if (sniffed) return sniffed;
  return (allowedContentTypes as readonly string[]).includes(file.type) ? (file.type as AllowedContentType) : undefined;
}

/** What the upload reads of `POST /v1/dossiers/{code}/documents` 201. */
interface UploadGrant {
  document: Pick<ApiUploadGrant['document'], 'id'>;
  upload: Pick<ApiUploadGrant['upload'], 'url' | 'fields'>;
}

/**
 * One file into a dossier, as the API's documents flow asks: a presigned POST for the slot, the bytes
 * straight to storage, then the API verifies them (type from the bytes, size, checksum) before they count.
 */
export async function uploadDocument(
  api: ApiClient,
  dossierCode: string,
  chosen: ChosenFile,
  key: string | undefined,
  logError: (message: string, error: unknown) => void,
): Promise<UploadOutcome> {
  const { slot, file } = chosen;
  const outcome = (problem?: string): UploadOutcome => ({ slot, fileName: file.name, ...(problem ? { problem } : {}) });
  const contentType = await declaredType(file);
  if (!contentType) return outcome('Tệp không phải PDF, JPEG hoặc PNG.');
  const base = `/v1/dossiers/${encodeURIComponent(dossierCode)}/documents`;
  try {
    const grant = await api.post<UploadGrant>(base, { slot, contentType, size: file.size }, key);
    const form = new FormData();
    for (const [name, value] of Object.entries(grant.upload.fields)) form.append(name, value);
    form.append('file', new Blob([await file.arrayBuffer()], { type: contentType }), file.name || 'tai-lieu');
    const stored = await fetch(grant.upload.url, { method: 'POST', body: form, signal: AbortSignal.timeout(30_000) });
    if (!stored.ok) return outcome('Không lưu được tệp. Vui lòng thử lại.');
    await api.post(`${base}/${encodeURIComponent(grant.document.id)}/complete`, {});
    return outcome();
  } catch (error) {
    // A refused file must not lose the dossier (nor its receipt): the reason is shown and it can be sent again.
    if (error instanceof ApiError && error.status === 401) throw error;
    if (error instanceof ApiError && error.status < 500) return outcome(error.sentence);
    logError('portal document upload failed', error);
    return outcome('Hệ thống chưa lưu được tệp này.');
  }
}
