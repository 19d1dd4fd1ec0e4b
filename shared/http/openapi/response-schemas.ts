/**
 * The success bodies the API answers, as zod schemas for the OpenAPI document. The handlers return
 * TypeScript objects, so these describe them from outside: the fields every client relies on are
 * required and typed, others may come along (loose objects), so adding a field is not a breaking change.
 * The contract test (tests/integration/openapi-contract.test.ts) checks real answers against them.
 */
import * as z from 'zod/mini';
import { agencyLevels } from '../../domain/agency.ts';
import { roles } from '../../domain/caller.ts';
import { dossierStatuses } from '../../domain/dossier/status.ts';

const dossierStatus = z.enum(Object.keys(dossierStatuses) as [keyof typeof dossierStatuses]);
const instant = z.string().check(z.minLength(10));
const page = <T extends z.core.$ZodType>(item: T) =>
  z.looseObject({ items: z.array(item), nextCursor: z.optional(z.string()) });

export const HealthBody = z.strictObject({ status: z.literal('ok'), service: z.string() });

export const OpenApiBody = z.looseObject({
  openapi: z.string().check(z.regex(/^3\.1\.\d+$/)),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});

const ProcedureRef = z.looseObject({ code: z.string(), version: z.int(), name: z.string() });

/** What filing answers (online, at the counter): the code, the appointment and, once, the look-up PIN. */
export const DossierReceipt = z.looseObject({
  code: z.string(),
  status: dossierStatus,
  statusText: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  procedure: ProcedureRef,
  submittedAt: instant,
  dueAt: z.optional(instant),
  appointment: z.optional(z.string()),
  lookupPin: z.optional(z.string().check(z.regex(/^\d{6}$/))),
  version: z.int(),
});

export const DossierView = z.looseObject({
  code: z.string(),
  version: z.int(),
  status: dossierStatus,
  statusText: z.string(),
  channel: z.string(),
  procedure: ProcedureRef,
  agencyId: z.string(),
  applicant: z.looseObject({ fullName: z.string() }),
  submittedAt: instant,
  dueAt: z.optional(z.nullable(instant)),
});

export const DossierSummary = z.looseObject({
  code: z.string(),
  procedure: ProcedureRef,
  status: dossierStatus,
  statusText: z.string(),
  agencyId: z.string(),
  submittedAt: instant,
  version: z.int(),
});
export const DossierPage = page(DossierSummary);

export const DossierTimeline = z.looseObject({
  code: z.string(),
  version: z.int(),
  timeline: z.array(
    z.looseObject({
      at: instant,
      actor: z.looseObject({ sub: z.string(), role: z.string() }),
      action: z.string(),
      note: z.optional(z.string()),
    }),
  ),
});

export const LookupResult = z.looseObject({
  code: z.string(),
  procedureName: z.string(),
  status: dossierStatus,
  statusText: z.string(),
  agencyName: z.string(),
});

export const Notification = z.looseObject({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: instant,
  read: z.boolean(),
});
export const NotificationPage = page(Notification);

export const NotificationPreferences = z.looseObject({ inApp: z.boolean(), email: z.boolean(), sms: z.boolean() });

export const ContactConfirmed = z.strictObject({ channel: z.enum(['phone', 'email']) });

const ProcedureSummary = z.looseObject({
  code: z.string(),
  version: z.int(),
  name: z.string(),
  field: z.string(),
  level: z.string(),
});
export const ProcedureSearchResult = z.looseObject({ items: z.array(ProcedureSummary), total: z.int() });
export const Procedure = z.looseObject({
  code: z.string(),
  version: z.int(),
  name: z.string(),
  documents: z.array(z.looseObject({ name: z.string() })),
  steps: z.array(z.looseObject({ name: z.string() })),
});

const agencyLevel = z.enum(agencyLevels);
export const AgencySummary = z.looseObject({ id: z.string(), name: z.string(), level: agencyLevel });
export const AgencyPage = page(AgencySummary);
export const Agency = z.looseObject({
  id: z.string(),
  name: z.string(),
  level: agencyLevel,
  parentId: z.optional(z.string()),
});
export const DueDate = z.looseObject({
  agencyId: z.string(),
  receivedAt: instant,
  receiptDay: z.string(),
  dueAt: instant,
  appointment: z.string(),
});
export const Official = z.looseObject({
  sub: z.string(),
  name: z.string(),
  agencyId: z.string(),
  roles: z.array(z.enum(roles)),
  active: z.boolean(),
});
export const OfficialPage = page(Official);
export const Holidays = z.looseObject({
  year: z.int(),
  holidays: z.array(z.looseObject({ date: z.string(), name: z.string() })),
});

export const DocumentView = z.looseObject({
  id: z.string(),
  dossierCode: z.string(),
  kind: z.string(),
  status: z.string(),
  createdAt: instant,
});
export const UploadGrant = z.looseObject({
  document: DocumentView,
  upload: z.looseObject({ url: z.string(), fields: z.record(z.string(), z.string()) }),
});
export const DossierDocuments = z.looseObject({
  code: z.string(),
  items: z.array(DocumentView),
  /** Once the dossier is received: where its process control slip (form 06) is rendered. */
  controlSlip: z.optional(z.looseObject({ form: z.literal('06'), name: z.string(), href: z.string() })),
});
export const AgencyRegister = z.looseObject({
  agencyId: z.string(),
  from: z.string(),
  to: z.string(),
  format: z.enum(['pdf', 'xlsx']),
  dossiers: z.int(),
  download: z.string(),
});
/** A PDF's signatures checked (shared/documents/signing/pades.ts VerificationReport). */
export const SignatureVerification = z.looseObject({
  valid: z.boolean(),
  reason: z.optional(z.string()),
  code: z.optional(z.enum(['unsigned', 'malformed', 'modified', 'bad-signature', 'untrusted'])),
  signer: z.optional(z.looseObject({ name: z.string(), agency: z.string() })),
});
export const TimelineVerification = z.looseObject({ code: z.string(), ok: z.boolean() });
export const DossierReads = z.looseObject({ code: z.string(), items: z.array(z.looseObject({})) });

export const ReportRequest = z.looseObject({ id: z.string(), status: z.string() });
export const ReportSummary = z.looseObject({ id: z.string(), status: z.string(), requestedAt: instant });
export const ReportPage = page(ReportSummary);
export const Report = z.looseObject({ id: z.string(), status: z.string() });

export const Rating = z.looseObject({ code: z.string(), version: z.int(), rating: z.looseObject({ score: z.int() }) });

export const Feedback = z.looseObject({
  id: z.string(),
  version: z.int(),
  status: z.string(),
  title: z.string(),
  agencyId: z.string(),
  filedAt: instant,
});
export const FeedbackSummary = z.looseObject({ id: z.string(), status: z.string(), title: z.string() });
export const FeedbackPage = page(FeedbackSummary);
/** An answer the agency published, without its author (shared/domain/feedback/views.ts publicView). */
export const PublishedFeedback = z.looseObject({
  id: z.string(),
  title: z.string(),
  answer: z.string(),
  agencyId: z.string(),
  publishedAt: instant,
});
export const PublishedFeedbackPage = page(PublishedFeedback);

export const Payment = z.looseObject({
  paymentId: z.string(),
  payUrl: z.string(),
  amount: z.number(),
  currency: z.string(),
  status: z.string(),
});
export const PaymentCallbackResult = z.looseObject({ outcome: z.string(), paymentId: z.string() });
/** What a partner's notification is answered with: an acknowledgement, its fields left to the partner's contract. */
export const PartnerAck = z.looseObject({});
export const Reconciliation = z.looseObject({
  date: z.string(),
  counts: z.looseObject({ ours: z.int(), theirs: z.int(), matched: z.int(), differences: z.int() }),
  differences: z.array(z.looseObject({})),
});

export const DvcqgReceipt = z.looseObject({
  code: z.string(),
  dvcqgId: z.string(),
  status: dossierStatus,
  dvcqgStatus: z.int(),
});
