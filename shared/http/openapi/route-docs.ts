/**
 * What the OpenAPI document says of each HTTP route beyond the manifest's method, path and auth: the
 * request schemas its handler validates with (the same zod objects, imported from where the handler
 * imports them), its success answers, and the problems its rules answer. Typed by the manifest, so a
 * new HTTP function does not compile until it is described here.
 */
import type * as z from 'zod/mini';
import type { HttpFunctionName } from '../../function-settings.ts';
import { AgencyIdParams, OfficialParams, YearParams } from '../../use-cases/agencies/params.ts';
import { DueDateQuery } from '../../use-cases/agencies/due-date.ts';
import { PutHolidaysBody } from '../../use-cases/agencies/holidays.ts';
import { ListAgenciesQuery } from '../../use-cases/agencies/list-agencies.ts';
import { PutAgencyBody } from '../../use-cases/agencies/put-agency.ts';
import { PutOfficialBody } from '../../use-cases/agencies/put-official.ts';
import { ActionBody } from '../../use-cases/act-on-dossier.ts';
import {
  GetProcedureQuery,
  ProcedureBody,
  ProcedureCodeParams,
  SearchProceduresQuery,
} from '../../use-cases/catalogue/schemas.ts';
import { RegisterQuery } from '../../use-cases/documents/agency-register.ts';
import { PrintReceiptBody } from '../../use-cases/documents/print-receipt.ts';
import { DocumentParams, UploadBody } from '../../use-cases/documents/upload-document.ts';
import { VerifyBody } from '../../use-cases/documents/verify-signature.ts';
import { DvcqgDossierBody } from '../../use-cases/dvcqg/receive-dossier.ts';
import {
  AgencyFeedbackParams,
  AgencyFeedbackQuery,
  FeedbackActionBody,
  FeedbackIdParams,
  FileFeedbackBody,
} from '../../use-cases/feedback/schemas.ts';
import { ConfirmContactBody } from '../../use-cases/contacts/confirm-contact.ts';
import { CounterDossierBody, SubmitDossierBody } from '../../use-cases/file-dossier.ts';
import { DossierCodeParams } from '../../use-cases/get-dossier.ts';
import { AgencyParams, WorkQueueQuery } from '../../use-cases/list-dossiers.ts';
import {
  NotificationIdParams,
  NotificationPreferencesBody,
  NotificationsQuery,
} from '../../use-cases/list-my-notifications.ts';
import { LookupBody } from '../../use-cases/lookup-dossier.ts';
import { PageQuery } from '../../use-cases/pagination.ts';
import { ReconciliationParams } from '../../use-cases/payments/get-reconciliation.ts';
import { TransactionReportBody } from '../../use-cases/payments/payment-callback.ts';
import { paymentRequestBody } from '../../use-cases/payments/request-payment.ts';
import { TrackingBody } from '../../use-cases/postal/track-shipment.ts';
import { RatingBody } from '../../use-cases/rate-dossier.ts';
import { ReportIdParams, ReportsQuery, RequestReportBody } from '../../use-cases/reports.ts';
import type { RequestSchemas } from '../parse-request.ts';
import * as r from './response-schemas.ts';

export type { HttpFunctionName };

export interface SuccessDoc {
  description: string;
  /** The JSON body; none for a body the document cannot describe field by field. */
  schema?: z.core.$ZodType;
  /** Default `application/json`. */
  mediaTypes?: readonly string[];
  /** Response headers the handler sets on this answer. */
  headers?: readonly ('location' | 'etag' | 'content-location')[];
}

export interface RouteDoc {
  request?: RequestSchemas;
  /** The handler honours an Idempotency-Key header (shared/http/idempotency.ts). */
  idempotent?: true;
  success: Readonly<Record<number, SuccessDoc>>;
  /**
   * Problem statuses the route's rules answer. Those of the common stack are added by the document:
   * 400 for a request that fails its schemas, 401/403 for the auth, 409/422 for Idempotency-Key, 413/415
   * for a body, 500 everywhere.
   */
  problems?: readonly number[];
  /** Answers are HTML pages, errors too, and forms redirect (303): the portal's. */
  pages?: true;
}

/** Where request-payment's return URL must point: the schema's refinement needs a public URL; the document shows none. */
const documentedPublicUrl = 'https://dichvucong.example.gov.vn';

const created = (what: string, schema: z.core.$ZodType): SuccessDoc => ({
  description: `${what} created`,
  schema,
  headers: ['location'],
});

export const routeDocs: Record<HttpFunctionName, RouteDoc> = {
  health: { success: { 200: { description: 'The API is up', schema: r.HealthBody } } },
  'get-openapi': { success: { 200: { description: 'This OpenAPI 3.1 document', schema: r.OpenApiBody } } },
  'submit-dossier': {
    request: { body: SubmitDossierBody },
    idempotent: true,
    success: { 201: created('The dossier', r.DossierReceipt) },
    problems: [404, 422, 429],
  },
  'get-dossier': {
    request: { params: DossierCodeParams },
    success: { 200: { description: 'The dossier, with its documents', schema: r.DossierView, headers: ['etag'] } },
    problems: [404],
  },
  'list-my-notifications': {
    request: { query: NotificationsQuery },
    success: { 200: { description: "A page of the caller's notifications", schema: r.NotificationPage } },
  },
  'file-at-counter': {
    request: { body: CounterDossierBody },
    idempotent: true,
    success: { 201: created('The dossier, received', r.DossierReceipt) },
    problems: [404, 422, 429],
  },
  'act-on-dossier': {
    request: { params: DossierCodeParams, body: ActionBody },
    idempotent: true,
    success: { 200: { description: 'The dossier after the step', schema: r.DossierView, headers: ['etag'] } },
    problems: [404, 409, 422],
  },
  'get-dossier-timeline': {
    request: { params: DossierCodeParams },
    success: { 200: { description: "The dossier's timeline", schema: r.DossierTimeline } },
    problems: [404],
  },
  'list-my-dossiers': {
    request: { query: PageQuery },
    success: { 200: { description: "A page of the citizen's dossiers", schema: r.DossierPage } },
  },
  'get-agency-register': {
    request: { params: AgencyParams, query: RegisterQuery },
    success: { 200: { description: 'The register, with a short-lived download link', schema: r.AgencyRegister } },
    problems: [404, 422],
  },
  'list-agency-dossiers': {
    request: { params: AgencyParams, query: WorkQueueQuery },
    success: { 200: { description: "A page of the agency's work queue", schema: r.DossierPage } },
    problems: [404],
  },
  'lookup-dossier': {
    request: { body: LookupBody },
    success: { 200: { description: "The dossier's public status", schema: r.LookupResult } },
    problems: [404, 429],
  },
  'print-receipt': {
    request: { params: DossierCodeParams, body: PrintReceiptBody },
    success: { 200: { description: 'Form 01 with the look-up PIN, as PDF', mediaTypes: ['application/pdf'] } },
    problems: [404, 409, 422, 429],
  },
  'search-procedures': {
    request: { query: SearchProceduresQuery },
    success: { 200: { description: 'The matching procedures', schema: r.ProcedureSearchResult } },
  },
  'get-procedure': {
    request: { params: ProcedureCodeParams, query: GetProcedureQuery },
    success: { 200: { description: 'The procedure', schema: r.Procedure, headers: ['etag'] } },
    problems: [404],
  },
  'put-procedure': {
    request: { params: ProcedureCodeParams, body: ProcedureBody },
    idempotent: true,
    success: {
      200: {
        description: 'A new version of the procedure',
        schema: r.Procedure,
        headers: ['etag', 'content-location'],
      },
      201: {
        description: 'The procedure, created',
        schema: r.Procedure,
        headers: ['location', 'etag', 'content-location'],
      },
    },
    problems: [404, 409, 422],
  },
  'list-agencies': {
    request: { query: ListAgenciesQuery },
    success: { 200: { description: 'A page of agencies', schema: r.AgencyPage } },
  },
  'get-agency': {
    request: { params: AgencyIdParams },
    success: { 200: { description: 'The agency with its working calendar', schema: r.Agency } },
    problems: [404],
  },
  'get-due-date': {
    request: { params: AgencyIdParams, query: DueDateQuery },
    success: { 200: { description: 'The appointment', schema: r.DueDate } },
    problems: [404, 422],
  },
  'put-agency': {
    request: { params: AgencyIdParams, body: PutAgencyBody },
    idempotent: true,
    success: {
      200: { description: 'The agency, updated', schema: r.Agency },
      201: created('The agency', r.Agency),
    },
    problems: [404, 409, 422],
  },
  'list-officials': {
    request: { params: AgencyIdParams, query: PageQuery },
    success: { 200: { description: "A page of the agency's officials", schema: r.OfficialPage } },
    problems: [404],
  },
  'put-official': {
    request: { params: OfficialParams, body: PutOfficialBody },
    idempotent: true,
    success: {
      200: { description: 'The official, updated', schema: r.Official },
      201: { description: 'The official, created', schema: r.Official },
    },
    problems: [404, 409, 422],
  },
  'get-holidays': {
    request: { params: YearParams },
    success: { 200: { description: "The year's public holidays", schema: r.Holidays } },
  },
  'put-holidays': {
    request: { params: YearParams, body: PutHolidaysBody },
    idempotent: true,
    success: {
      200: { description: "The year's holidays, replaced", schema: r.Holidays },
      201: { description: "The year's holidays, stored", schema: r.Holidays },
    },
    problems: [422],
  },
  'request-document-upload': {
    request: { params: DossierCodeParams, body: UploadBody },
    idempotent: true,
    success: { 201: { description: 'The pending document and where to upload it', schema: r.UploadGrant } },
    problems: [404, 409, 422, 429],
  },
  'complete-document-upload': {
    request: { params: DocumentParams },
    success: { 200: { description: 'The document, stored', schema: r.DocumentView } },
    problems: [404, 409, 422],
  },
  'print-control-slip': {
    request: { params: DossierCodeParams },
    success: {
      200: {
        description: 'The process control slip (form 06) as the dossier stands now, as PDF',
        mediaTypes: ['application/pdf'],
      },
    },
    problems: [404, 409],
  },
  'list-dossier-documents': {
    request: { params: DossierCodeParams },
    success: { 200: { description: "The dossier's documents", schema: r.DossierDocuments } },
    problems: [404],
  },
  'verify-signature': {
    request: { body: VerifyBody },
    success: { 200: { description: "The result's signature, checked", schema: r.SignatureVerification } },
    problems: [404, 409, 422, 429],
  },
  'mark-notification-read': {
    request: { params: NotificationIdParams },
    idempotent: true,
    success: { 200: { description: 'The notification, read', schema: r.Notification } },
    problems: [404],
  },
  'get-notification-preferences': {
    success: { 200: { description: "The caller's channels", schema: r.NotificationPreferences } },
  },
  'put-notification-preferences': {
    request: { body: NotificationPreferencesBody },
    idempotent: true,
    success: { 200: { description: "The caller's channels, saved", schema: r.NotificationPreferences } },
  },
  'confirm-contact': {
    request: { body: ConfirmContactBody },
    success: { 200: { description: 'The contact the code was sent to, confirmed', schema: r.ContactConfirmed } },
    problems: [422, 429],
  },
  'request-report': {
    request: { body: RequestReportBody },
    idempotent: true,
    success: {
      202: { description: 'The report, queued for computation', schema: r.ReportRequest, headers: ['location'] },
    },
    problems: [404, 422],
  },
  'list-reports': {
    request: { query: ReportsQuery },
    success: { 200: { description: 'A page of reports', schema: r.ReportPage } },
  },
  'get-report': {
    request: { params: ReportIdParams },
    success: { 200: { description: 'The report, with its download link once ready', schema: r.Report } },
    problems: [404],
  },
  'rate-dossier': {
    request: { params: DossierCodeParams, body: RatingBody },
    idempotent: true,
    success: { 201: { description: 'The rating', schema: r.Rating } },
    problems: [404, 409, 422],
  },
  'file-feedback': {
    request: { body: FileFeedbackBody },
    idempotent: true,
    success: { 201: created('The feedback', r.Feedback) },
    problems: [404, 422, 429],
  },
  'list-my-feedback': {
    request: { query: PageQuery },
    success: { 200: { description: "A page of the citizen's feedback", schema: r.FeedbackPage } },
  },
  'get-feedback': {
    request: { params: FeedbackIdParams },
    success: { 200: { description: 'The feedback', schema: r.Feedback } },
    problems: [404],
  },
  'list-agency-feedback': {
    request: { params: AgencyFeedbackParams, query: AgencyFeedbackQuery },
    success: { 200: { description: "A page of the agency's feedback", schema: r.FeedbackPage } },
    problems: [404],
  },
  'act-on-feedback': {
    request: { params: FeedbackIdParams, body: FeedbackActionBody },
    idempotent: true,
    success: { 200: { description: 'The feedback after the step', schema: r.Feedback, headers: ['etag'] } },
    problems: [404, 409, 422],
  },
  'list-published-feedback': {
    request: { query: PageQuery },
    success: { 200: { description: 'A page of published answers', schema: r.PublishedFeedbackPage } },
  },
  'get-published-feedback': {
    request: { params: FeedbackIdParams },
    success: { 200: { description: 'A published answer', schema: r.PublishedFeedback } },
    problems: [404],
  },
  'request-payment': {
    request: { params: DossierCodeParams, body: paymentRequestBody(documentedPublicUrl) },
    idempotent: true,
    success: {
      200: { description: 'The payment already pending', schema: r.Payment },
      201: { description: 'The payment, requested from the national payment platform', schema: r.Payment },
    },
    problems: [404, 409, 422, 503],
  },
  'payment-callback': {
    request: { body: TransactionReportBody },
    success: { 200: { description: 'The transaction, recorded', schema: r.PaymentCallbackResult } },
    problems: [404, 409, 422],
  },
  'get-payment-reconciliation': {
    request: { params: ReconciliationParams },
    success: { 200: { description: "The day's reconciliation", schema: r.Reconciliation } },
    problems: [404],
  },
  'receive-dvcqg-dossier': {
    request: { body: DvcqgDossierBody },
    success: {
      200: { description: 'The dossier, already received', schema: r.DvcqgReceipt, headers: ['location'] },
      201: created('The dossier', r.DvcqgReceipt),
    },
    problems: [404, 409, 422, 429],
  },
  'postal-tracking': {
    request: { body: TrackingBody },
    success: { 200: { description: 'The tracking event, recorded', schema: r.PartnerAck } },
    problems: [404, 409, 422],
  },
  'verify-dossier-timeline': {
    request: { params: DossierCodeParams },
    success: { 200: { description: "The timeline's hash chain, checked", schema: r.TimelineVerification } },
    problems: [404],
  },
  'list-dossier-reads': {
    request: { params: DossierCodeParams, query: PageQuery },
    success: { 200: { description: "A page of the dossier's access log", schema: r.DossierReads } },
    problems: [404],
  },
  // One greedy route: the portal routes its own pages (shared/portal/router.ts), GET to read, POST for forms.
  portal: {
    success: { 200: { description: 'A page of the portal, or its stylesheet', mediaTypes: ['text/html', 'text/css'] } },
    pages: true,
  },
};
