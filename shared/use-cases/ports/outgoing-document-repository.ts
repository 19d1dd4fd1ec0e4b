import type { OutgoingDocument } from '../../domain/official-documents/outgoing.ts';
import type { Page, PageRequest } from './page.ts';

/**
 * An agency's outgoing documents (văn bản đi, Nghị định 30/2020/NĐ-CP Điều 10–18), each written whole
 * and only on the version read: two clerks or two retries acting at once cannot both write a step.
 */
export interface OutgoingDocumentRepository {
  /** The document as last written (strongly consistent); undefined when absent. */
  get(agencyId: string, id: string): Promise<OutgoingDocument | undefined>;

  /** Writes a new document; false, writing nothing, when the agency already has one with this id. */
  create(document: OutgoingDocument): Promise<boolean>;

  /**
   * Writes `after`, a step taken on `before`, only if the stored document is still at `before`'s version:
   * otherwise a version conflict (409, `version-conflict`, with the current version) and nothing written.
   */
  save(before: OutgoingDocument, after: OutgoingDocument): Promise<OutgoingDocument>;

  /** The agency's documents by id. */
  listByAgency(agencyId: string, page: PageRequest): Promise<Page<OutgoingDocument>>;
}
