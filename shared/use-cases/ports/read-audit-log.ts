import type { Role } from '../../domain/caller.ts';
import type { Page, PageRequest } from './page.ts';

/** One official's read of a dossier, as the read audit keeps it. */
export interface DossierRead {
  dossierCode: string;
  at: string;
  sub: string;
  roles: Role[];
  /** The reader's agency, when an agency's official. */
  agencyId?: string;
  /** `GET /v1/dossiers/{code}`… */
  route: string;
  /** The API request: ties the record to the gateway's and the function's logs. */
  requestId: string;
}

/** The read audit: append-only, each read kept for the retention period, then removed. */
export interface ReadAuditLog {
  /** Records a read; a redelivered request (same dossier, instant and request id) never overwrites its record. */
  record(read: DossierRead): Promise<void>;

  /** A dossier's reads, newest first. */
  list(code: string, page: PageRequest): Promise<Page<DossierRead>>;
}
