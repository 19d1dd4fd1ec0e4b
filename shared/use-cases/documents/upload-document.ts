import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { CatalogueRepository } from '../ports/catalogue-repository.ts';
import type { DocumentRepository } from '../ports/document-repository.ts';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { Presigner } from '../ports/presigner.ts';
import type { Caller } from '../../domain/caller.ts';
import {
  allowedContentTypes,
  type DossierDocument,
  maxUploadBytes,
  newUpload,
  quarantineKey,
  uploadRight,
  uploadWindowSeconds,
  verifiedUploadKey,
  verifyUpload,
} from '../../domain/documents/document.ts';
import { dossierCodePattern } from '../../domain/dossier/code.ts';
import { sniffBytes, sniffContentType } from '../../domain/documents/sniff.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { toVnIso } from '../../domain/time.ts';
import { readableDossier } from '../get-dossier.ts';
import { type Quotas, spend } from '../quotas.ts';

export const UploadBody = z.strictObject({
  /** Index of the required document in the procedure the dossier was filed under. */
  slot: z.number().check(z.int(), z.minimum(0), z.maximum(99)),
  contentType: z.enum(allowedContentTypes, 'Chỉ nhận tệp PDF, JPEG hoặc PNG'),
  size: z
    .number()
    .check(
      z.int(),
      z.minimum(1),
      z.maximum(maxUploadBytes, `Tệp không được vượt quá ${maxUploadBytes / 1024 / 1024} MB`),
    ),
});

export const DocumentParams = z.strictObject({
  code: z.string().check(z.regex(dossierCodePattern, 'Mã hồ sơ không đúng định dạng')),
  id: z.uuid('Mã tài liệu không hợp lệ'),
});

interface Deps {
  dossiers: DossierRepository;
  documents: DocumentRepository;
  now: () => Date;
}

export interface RequestUploadDeps extends Deps {
  catalogue: CatalogueRepository;
  presigner: Presigner;
  newId?: () => string;
  /** Each grant is a pending document and a presigned form: counted per dossier (UPLOAD_GRANTS_PER_DOSSIER). */
  quotas?: Quotas;
}

export interface CompleteUploadDeps extends Deps {
  store: DocumentStore;
  /** Names the verified copy of each completion attempt. */
  newId?: () => string;
  /**
   * Told once a file is verified: the dossier's indicator fact counts its electronic documents
   * (QĐ 766/QĐ-TTg, chỉ số 4.2 "hồ sơ thực hiện số hóa"), in the month it was filed too. The
   * verification stands whatever happens there: the dossier's next event refreshes the fact anyway.
   */
  verified?: (code: string) => Promise<void>;
}

/** What a document looks like to a reader: never the storage key of a quarantined file. */
export const documentView = (document: DossierDocument) => {
  const { key: _key, ...rest } = document;
  return rest;
};

export type DocumentView = ReturnType<typeof documentView>;

/** `POST /v1/dossiers/{code}/documents` 201: the pending document and where to send its bytes. */
export type UploadGrant = Awaited<ReturnType<ReturnType<typeof requestUpload>>>;

const documentNotFound = () => new RuleViolation('not-found', 'not-found', 'Không tìm thấy tài liệu.');

/**
 * A short-lived presigned POST for one required-document slot, to whoever may write the dossier.
 * The document counts only once {@link completeUpload} has verified the bytes.
 */
export function requestUpload(deps: RequestUploadDeps) {
  return async (caller: Caller, code: string, body: z.output<typeof UploadBody>) => {
    const { dossier } = await readableDossier(deps.dossiers, caller, code);
    const procedure = await deps.catalogue.procedureVersion(dossier.procedure.code, dossier.procedure.version);
    if (!procedure) throw new Error(`Procedure ${dossier.procedure.code} v${dossier.procedure.version} not found`);
    const document = newUpload(body, {
      id: (deps.newId ?? randomUUID)(),
      caller,
      dossier,
      documents: procedure.documents,
      now: deps.now(),
    });
    // Counted once the request is known to be a valid one, whoever asks (applicant or receiver).
    if (deps.quotas) await spend(deps.quotas, 'upload-grants', dossier.code, deps.now());
    await deps.documents.create(document);
    const upload = await deps.presigner.presignUpload(document.key, {
      contentType: document.contentType,
      size: document.size,
      expiresInSeconds: uploadWindowSeconds,
    });
    return { document: documentView(document), upload: { ...upload, method: 'POST', expiresAt: document.expiresAt } };
  };
}

/**
 * Verifies an uploaded object before it counts: exact size, type sniffed from its first bytes,
 * SHA-256 computed by streaming it. The bytes checked are a copy under a key the presigned POST does
 * not cover (verifiedUploadKey), and that copy is what the document points at once verified: the
 * form stays usable until its window ends, but re-posting it cannot replace a verified file.
 * A failing file is moved to quarantine and the uploader told why.
 */
export function completeUpload(deps: CompleteUploadDeps) {
  return async (caller: Caller, code: string, id: string) => {
    const { dossier } = await readableDossier(deps.dossiers, caller, code);
    const document = await deps.documents.get(code, id);
    if (!document || document.kind !== 'upload') throw documentNotFound();
    if (document.status === 'verified') return documentView(document);
    if (document.status === 'quarantined') throw rejected(document);
    uploadRight(caller, dossier);

    const missing = () =>
      new RuleViolation('invalid', 'upload-missing', 'Chưa nhận được tệp: hãy tải tệp lên theo đường dẫn đã cấp.');
    const object = await deps.store.head(document.key);
    if (!object) throw missing();
    // The size is known before reading: an oversized object is refused without copying or streaming it.
    const copyKey = verifiedUploadKey(code, id, (deps.newId ?? randomUUID)());
    const copied = object.size === document.size && (await deps.store.copy(document.key, copyKey));
    if (object.size === document.size && !copied) {
      // Gone between the two reads: a racing completion verified (and cleared) it, or nothing is there.
      const settled = await deps.documents.get(code, id);
      if (settled?.status === 'verified') return documentView(settled);
      throw missing();
    }
    const streamed = copied ? await deps.store.digest(copyKey, sniffBytes) : undefined;
    const verdict = verifyUpload(document, {
      size: streamed?.size ?? object.size,
      lastModified: object.lastModified,
      sniffedType: streamed ? sniffContentType(streamed.head) : undefined,
      sha256: streamed?.sha256 ?? '',
    });
    if (!verdict.ok || !streamed) {
      const rejection = verdict.ok
        ? { code: 'size-mismatch' as const, reason: 'Dung lượng tệp đã thay đổi.' }
        : verdict;
      const toKey = quarantineKey(code, id);
      // The bytes judged go to quarantine; nothing of the upload stays under the dossier's prefix.
      if (copied) {
        await deps.store.quarantine(copyKey, toKey);
        await deps.store.remove(document.key);
      } else {
        await deps.store.quarantine(document.key, toKey);
      }
      const stored = await deps.documents.markQuarantined(
        code,
        id,
        { code: rejection.code, reason: rejection.reason },
        toKey,
      );
      throw rejected(stored ?? { ...document, rejection });
    }
    const stored = await deps.documents.markVerified(code, id, {
      sha256: streamed.sha256,
      verifiedAt: toVnIso(deps.now()),
      key: copyKey,
    });
    if (stored?.key !== copyKey) {
      // Another completion settled the document first: its copy is the one kept.
      await deps.store.remove(copyKey);
    } else {
      // The upload key is the applicant's to overwrite until the form expires: nothing reads it any more.
      await deps.store.remove(document.key);
    }
    if (!stored) throw documentNotFound();
    if (stored.status === 'quarantined') throw rejected(stored);
    if (stored.key === copyKey) await deps.verified?.(code);
    return documentView(stored);
  };
}

function rejected(document: Pick<DossierDocument, 'rejection'>): RuleViolation {
  return new RuleViolation(
    'invalid',
    'document-rejected',
    document.rejection?.reason ?? 'Tệp không đạt yêu cầu và đã bị cách ly.',
    { reason: document.rejection?.code ?? 'rejected' },
  );
}
