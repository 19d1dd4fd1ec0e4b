/** Partition prefix of the read audit: what the dossier-reading functions may write (their manifest entries). */
export const readAuditPrefix = 'READS#';

/** A register's key as the register items name it (shared/domain/official-documents/register.ts RegisterKey). */
interface RegisterParts {
  agencyId: string;
  kind: string;
  series: string;
}

/** A register number's digits in its sort key: a register's year holds at most 999,999 numbers. */
export const registerNumberDigits = 6;

/** Item keys of the single table, in one place. */
export const keys = {
  dossier: (code: string) => ({ pk: `DOSSIER#${code}`, sk: 'DOSSIER' }),
  /** A document of a dossier (upload, form, result): its own item in the dossier's partition, never racing its version. */
  dossierDocument: (code: string, id: string) => ({ pk: `DOSSIER#${code}`, sk: `DOC#${id}` }),
  dossierDocuments: (code: string) => ({ pk: `DOSSIER#${code}`, skPrefix: 'DOC#' }),
  /**
   * One official's read of a dossier (read audit): append-only, oldest first, in a partition of its own
   * so the reading functions may write there and nowhere else (IAM `dynamodb:LeadingKeys` on `READS#`).
   */
  dossierRead: (code: string, at: string, requestId: string) => ({
    pk: `${readAuditPrefix}${code}`,
    sk: `${at}#${requestId}`,
  }),
  dossierReads: (code: string) => `${readAuditPrefix}${code}`,
  dossierCounter: (agencyId: string, yymmdd: string) => ({ pk: `COUNTER#${agencyId}#${yymmdd}`, sk: 'COUNTER' }),
  agency: (id: string) => ({ pk: `AGENCY#${id}`, sk: 'AGENCY' }),
  lookupAttempts: (code: string) => ({ pk: `LOOKUP#${code}`, sk: 'ATTEMPTS' }),
  /** Failed look-ups from one client address (the caller's source IP), across codes. */
  lookupClientAttempts: (address: string) => ({ pk: `LOOKUPCLIENT#${address}`, sk: 'ATTEMPTS' }),
  /**
   * A quota's counter (quota-counter.ts): `<flow>#<subject>`, e.g. a citizen's filings, a dossier's
   * upload grants, a recipient's texts of the day (by a digest of the number, never the number itself).
   */
  quota: (flow: string, subject: string) => ({ pk: `QUOTA#${flow}#${subject}`, sk: 'COUNT' }),
  /** Directory of an agency's children (roots: no parent), sorted by level then id. */
  agencyChildren: (parentId: string | undefined) => (parentId ? `AGENCIES#PARENT#${parentId}` : 'AGENCIES#ROOTS'),
  agencyChild: (parentId: string | undefined, level: string, id: string) => ({
    pk: parentId ? `AGENCIES#PARENT#${parentId}` : 'AGENCIES#ROOTS',
    sk: `${level}#${id}`,
  }),
  /** Directory of the agencies of one level, sorted by id. */
  agenciesAtLevel: (level: string) => `AGENCIES#LEVEL#${level}`,
  agencyAtLevel: (level: string, id: string) => ({ pk: `AGENCIES#LEVEL#${level}`, sk: id }),
  official: (sub: string) => ({ pk: `OFFICIAL#${sub}`, sk: 'OFFICIAL' }),
  /** An agency's roster lives in the agency's own partition. */
  agencyOfficial: (agencyId: string, sub: string) => ({ pk: `AGENCY#${agencyId}`, sk: `OFFICIAL#${sub}` }),
  officialsOf: (agencyId: string) => ({ pk: `AGENCY#${agencyId}`, skPrefix: 'OFFICIAL#' }),
  holidays: (year: number) => ({ pk: 'HOLIDAYS', sk: String(year) }),
  holidayYears: () => 'HOLIDAYS',
  procedure: (code: string) => ({ pk: `PROCEDURE#${code}`, sk: 'CURRENT' }),
  procedureVersion: (code: string, version: number) => ({
    pk: `PROCEDURE#${code}`,
    sk: `V#${String(version).padStart(5, '0')}`,
  }),
  /** One summary item per procedure in one partition: search reads the whole catalogue with a Query. */
  catalogueEntry: (code: string) => ({ pk: 'CATALOGUE', sk: `PROCEDURE#${code}` }),
  catalogueEntries: () => ({ pk: 'CATALOGUE', skPrefix: 'PROCEDURE#' }),
  notification: (recipientId: string, occurredAt: string, eventId: string) => ({
    pk: `USER#${recipientId}`,
    sk: `NOTIF#${occurredAt}#${eventId}`,
  }),
  notificationsOf: (recipientId: string) => ({ pk: `USER#${recipientId}`, skPrefix: 'NOTIF#' }),
  /**
   * Whether one of an account's contacts (by a digest of the address) is confirmed, or which code it
   * was sent (notifications/contacts.ts).
   */
  contactConfirmation: (sub: string, channel: string, digest: string) => ({
    pk: `CONTACT#${sub}`,
    sk: `${channel}#${digest}`,
  }),
  contactConfirmations: (sub: string) => `CONTACT#${sub}`,
  /** A user's notification channel preferences. */
  notificationPreferences: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PREFS#NOTIFICATIONS' }),
  /** One delivery of one event on one channel to one recipient: written conditionally, so at most once. */
  delivery: (eventId: string, channel: string, recipientId: string) => ({
    pk: `DELIVERY#${eventId}`,
    sk: `${channel}#${recipientId}`,
  }),
  /**
   * One Idempotency-Key record of a function (shared/http/idempotency.ts): a partition per record (the
   * scope: a digest of the record's key), all under the function's own prefix, its own grant.
   */
  idempotency: (functionName: string, scope: string) => `IDEMPOTENCY#${functionName}#${scope}`,
  /** The IAM pattern of a function's Idempotency-Key partitions (its manifest entry). */
  idempotencyPartitions: (functionName: string) => `IDEMPOTENCY#${functionName}#*`,
  /** A partner's signed request already accepted: the signature itself is the nonce. */
  webhookSignature: (partner: string, signature: string) => ({ pk: `WEBHOOK#${partner}#${signature}`, sk: 'SEEN' }),
  /** The national portal's dossier id, claimed once with the code of the dossier it files (a uniqueness item). */
  dvcqgClaim: (dvcqgId: string) => ({ pk: `DVCQG#${dvcqgId}`, sk: 'CLAIM' }),
  /** A filing request's Idempotency-Key (`<caller sub>#<key>`) bound to the dossier it files. */
  filingRequestClaim: (request: string) => ({ pk: `FILING#${request}`, sk: 'CLAIM' }),
  /** How many of a dossier's status changes the national portal acknowledged, and who pushes the next. */
  dvcqgSync: (code: string) => ({ pk: `DVCQGSYNC#${code}`, sk: 'SYNC' }),
  /** A postal waybill: which dossier's shipment it is, for the carrier's tracking callbacks. */
  postalWaybill: (waybill: string) => ({ pk: `WAYBILL#${waybill}`, sk: 'WAYBILL' }),
  applicantIndex: (applicantId: string) => `APPLICANT#${applicantId}`,
  agencyQueueIndex: (agencyId: string) => `QUEUE#${agencyId}`,
  /**
   * Open dossiers due on a local date (`yyyy-mm-dd`), in one of `dueDayShards` index partitions by the
   * dossier's code: the deadline watch reads them all. Unsharded, every dossier due on one date (a whole
   * day's filings of a procedure) would write one index partition, above its 1,000 write units a second.
   */
  dueDayIndex: (date: string, shard: number) => `DUE#${date}#${shard}`,
  /** The one partition of a date used before the shards: open dossiers not written since are still there. */
  unshardedDueDayIndex: (date: string) => `DUE#${date}`,
  /** A deadline-watch mark: the first instant a warning or digest was sent, so it is sent once. */
  watchMark: (subject: string, mark: string) => ({ pk: `WATCH#${subject}`, sk: mark }),
  /** Indicator facts: one item per dossier in its competent agency's partition of a month (`yyyy-mm`). */
  indicatorFacts: (agencyId: string, month: string) => `FACTS#${agencyId}#${month}`,
  indicatorFact: (agencyId: string, month: string, code: string) => ({ pk: `FACTS#${agencyId}#${month}`, sk: code }),
  /** Feedback (PAKN): one item per feedback. */
  feedback: (id: string) => ({ pk: `FEEDBACK#${id}`, sk: 'FEEDBACK' }),
  /** Index partitions of feedback: its author's (byApplicant), its agency's by status (byAgencyDue), the published (openByDueDay). */
  feedbackAuthorIndex: (authorId: string) => `FEEDBACKBY#${authorId}`,
  feedbackAgencyIndex: (agencyId: string) => `FEEDBACKQ#${agencyId}`,
  publishedFeedbackIndex: () => 'FEEDBACK#PUBLISHED',
  /**
   * Feedback received and answered by an agency in a month (`yyyy-mm`), for the reports: one mark per
   * feedback and count in the month's partition (feedback-counters.ts), so no item grows with the month.
   */
  feedbackCountMark: (agencyId: string, month: string, count: string, id: string) => ({
    pk: `FEEDBACKCOUNT#${agencyId}#${month}`,
    sk: `${count}#${id}`,
  }),
  feedbackCountMarks: (agencyId: string, month: string) => `FEEDBACKCOUNT#${agencyId}#${month}`,
  /** The month's single counter item used before the marks (numbers and id sets): read, no longer written. */
  feedbackCounts: (agencyId: string, month: string) => ({ pk: `FEEDBACKCOUNT#${agencyId}#${month}`, sk: 'COUNTS' }),
  /** An online fee payment: its own item, found by the id the platform echoes in its callback. */
  payment: (id: string) => ({ pk: `PAYMENT#${id}`, sk: 'PAYMENT' }),
  /** The dossier's payment still pending at the platform: one at a time (a conditional put). */
  pendingPayment: (code: string) => ({ pk: `DOSSIER#${code}`, sk: 'PAYMENT#PENDING' }),
  /**
   * Payments requested or settled on a local date (`yyyy-mm-dd`), through the openByDueDay index, in one
   * of `paymentDayShards` partitions by the payment's id: the reconciliation Queries them all. One
   * partition a day would take every online payment's writes (hundreds a second at a national peak).
   */
  paymentDayIndex: (date: string, shard: number) => `PAYDAY#${date}#${shard}`,
  /** The one partition of a date used before the shards: read by the reconciliation of those days. */
  unshardedPaymentDayIndex: (date: string) => `PAYDAY#${date}`,
  /** The reconciliation of one local date with the payment platform. */
  paymentReconciliation: (date: string) => ({ pk: `RECONCILIATION#${date}`, sk: 'PAYMENTS' }),
  /**
   * A register's numbers of one year (document-register.ts): one entry per number, the number itself as
   * the sort key (zero-padded, so the last is the greatest), each naming the document that holds it.
   */
  registerEntries: (register: RegisterParts, year: number) =>
    `REGISTER#${register.agencyId}#${register.kind}#${register.series}#${year}`,
  registerEntry: (register: RegisterParts, year: number, number: number) => ({
    pk: `REGISTER#${register.agencyId}#${register.kind}#${register.series}#${year}`,
    sk: String(number).padStart(registerNumberDigits, '0'),
  }),
  /** Which number of a register's year a document holds, or is being given (document-register.ts). */
  registerMarker: (register: RegisterParts, year: number, documentId: string) => ({
    pk: `REGISTERED#${register.agencyId}#${register.kind}#${register.series}#${year}#${documentId}`,
    sk: 'NUMBER',
  }),
  /** An agency's outgoing documents (outgoing-document-repository.ts): one item each, its id the sort key. */
  outgoingDocuments: (agencyId: string) => `OUTGOING#${agencyId}`,
  outgoingDocument: (agencyId: string, id: string) => ({ pk: `OUTGOING#${agencyId}`, sk: id }),
  /** A report (request, status, summary, file keys). */
  report: (id: string) => ({ pk: `REPORT#${id}`, sk: 'REPORT' }),
  /** Reports listing of one scope (an agency, for each agency at or above the report's, or `ALL`), newest first. */
  reportsOf: (scope: string) => `REPORTS#${scope}`,
  reportListing: (scope: string, requestedAt: string, id: string) => ({
    pk: `REPORTS#${scope}`,
    sk: `${requestedAt}#${id}`,
  }),
};

/** Shards of a due date's index partitions (keys.dueDayIndex): about 100 filings a second each at a national peak. */
export const dueDayShards = 16;

export function dueDayShardOf(code: string): number {
  return hashOf(code) % dueDayShards;
}

/** Shards of a day's payments index partitions (keys.paymentDayIndex). */
export const paymentDayShards = 8;

export function paymentDayShardOf(id: string): number {
  return hashOf(id) % paymentDayShards;
}

function hashOf(code: string): number {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}
