/**
 * The parts of the API's answers (README "API", "Documents") the citizen's pages read, picked from the
 * types the use cases answer with: a field the API renames or drops no longer compiles here.
 */
import type { ListedDocument } from '../../../use-cases/documents/list-documents.ts';
import type {
  DossierSummary as ApiDossierSummary,
  DossierView,
  TimelineView,
} from '../../../use-cases/dossier-view.ts';

/** `POST /v1/dossiers` 201: the receipt, with the lookup PIN the API shows this once. */
export type { FilingReceipt } from '../../../use-cases/file-dossier.ts';

export type DossierFlags = Pick<DossierView['flags'], 'overdue' | 'extended'>;

/** One line of `GET /v1/me/dossiers`. */
export type DossierSummary = Pick<
  ApiDossierSummary,
  'code' | 'procedure' | 'status' | 'statusText' | 'submittedAt' | 'dueAt'
> & { flags: DossierFlags };

export interface DossierPage<T> {
  items: T[];
  nextCursor?: string;
}

type PostalShipment = NonNullable<NonNullable<DossierView['postal']>['pickup']>;
export type Shipment = Pick<PostalShipment, 'address' | 'waybill' | 'status'>;

/** One item of `GET /v1/dossiers/{code}/documents`; `download` on verified files only, valid a few minutes. */
export type DocumentItem = Pick<
  ListedDocument,
  'id' | 'kind' | 'slot' | 'name' | 'form' | 'contentType' | 'size' | 'status' | 'rejection' | 'createdAt' | 'download'
>;

/** `GET /v1/dossiers/{code}` as its applicant reads it (no internal notes). */
export type DossierDetail = Pick<
  DossierView,
  | 'code'
  | 'version'
  | 'status'
  | 'statusText'
  | 'channel'
  | 'procedure'
  | 'agencyId'
  | 'applicant'
  | 'returnMethod'
  | 'submittedAt'
  | 'receivedAt'
  | 'dueAt'
  | 'fee'
  | 'returnedAt'
> & {
  postal?: { pickup?: Shipment; delivery?: Shipment };
  supplement?: Pick<NonNullable<DossierView['supplement']>, 'requestedAt' | 'defects'>;
  decision?: Pick<NonNullable<DossierView['decision']>, 'outcome' | 'reasons' | 'decidedAt'>;
  rating?: Pick<NonNullable<DossierView['rating']>, 'score'>;
  flags: DossierFlags;
  /** Oldest first. */
  timeline: Pick<TimelineView, 'at' | 'action' | 'note'>[];
};
