import type { DossierDocument, RejectionCode } from '../../domain/documents/document.ts';

/**
 * The documents of the dossiers (uploads, forms, results), metadata only: each written on its own, so
 * adding or verifying a file never races a step of its dossier.
 */
export interface DocumentRepository {
  /** Writes a new document; `false` when the id was already used (a retried write). */
  create(document: DossierDocument): Promise<boolean>;

  /** A dossier's document (strongly consistent); undefined when absent. */
  get(code: string, id: string): Promise<DossierDocument | undefined>;

  /** Every document of a dossier, by id. */
  list(code: string): Promise<DossierDocument[]>;

  /**
   * Pending → verified, once, with the file's digest and instant (and the verified copy's key, what every
   * reader serves from then on). Answers the document as stored after the attempt (a document no longer
   * pending is left as it was); undefined when absent.
   */
  markVerified(
    code: string,
    id: string,
    facts: { sha256: string; verifiedAt: string; key?: string },
  ): Promise<DossierDocument | undefined>;

  /** Pending → quarantined with the reason the uploader reads; answers as markVerified does. */
  markQuarantined(
    code: string,
    id: string,
    rejection: { code: RejectionCode; reason: string },
    key: string,
  ): Promise<DossierDocument | undefined>;
}
