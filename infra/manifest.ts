/**
 * THE list of functions. The CDK stacks build each Lambda, route, event source, schedule and
 * least-privilege grant from it; the local cloud mounts the same routes, pollers and schedules.
 * Pure data: no CDK import, so the local cloud can read it too. Handlers never import it: they get what
 * they read of their entry from their environment (infra/function-settings.ts).
 */
import type { Interest } from '../shared/domain/interests.ts';
import type { EventType } from '../shared/domain/events.ts';
import type { PartnerName } from '../shared/domain/partners/partner.ts';
import { type HttpMethod, partnerOfRoute, type RouteAuth } from '../shared/http/route.ts';
import type { TableAccess } from './table-access.ts';

export { type HttpMethod, partnerOfRoute, type RouteAuth, usesToken } from '../shared/http/route.ts';

export interface HttpTrigger {
  kind: 'http';
  method: HttpMethod;
  /** API Gateway route syntax: `/v1/dossiers/{code}`. */
  path: string;
  auth: RouteAuth;
}

export interface QueueTrigger {
  kind: 'queue';
  /** The events delivered to this function's own queue. */
  events: readonly EventType[];
  /** Of those, the ones it acts on (shared/domain/event-interest.ts): the others are never sent to it. Unset: all. */
  actsOn?: Interest;
  batchSize: number;
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
}

export interface ScheduleTrigger {
  kind: 'schedule';
  /** EventBridge Scheduler expression, evaluated in Asia/Ho_Chi_Minh. */
  expression: string;
}

/**
 * The table's change stream (new images): the dossiers' outboxes. Only the records whose new image has
 * `newImageHas` reach the function (the event source mapping's filter; the local change feed's too).
 */
export interface StreamTrigger {
  kind: 'stream';
  newImageHas: string;
  batchSize: number;
  /** Retries of a failing record before it goes to the function's dead-letter queue. */
  maxRetries: number;
}

export type Trigger = HttpTrigger | QueueTrigger | ScheduleTrigger | StreamTrigger;

/** Object key prefixes in the documents bucket; `deletes`: it removes objects under them. */
export interface DocumentsAccess {
  prefixes: readonly string[];
  mode: 'read' | 'readwrite';
  deletes?: true;
}

export interface Access {
  /** The table's partitions it reads, writes and deletes in (infra/table-access.ts): IAM grants no other. */
  table?: TableAccess;
  documents?: DocumentsAccess;
  /** Events this function relays from the outbox: it may send to the queues that consume them. */
  emits?: readonly EventType[];
  /** Notification channels it sends on: `email` through Amazon SES, `sms` through the SMS gateway. */
  sends?: readonly ('email' | 'sms')[];
  /**
   * Digital signing in the cloud (SIGNER=kms): `sign` may use the leaders' KMS keys (`egov:signingKeys`)
   * and read their certificate chains; `verify` reads the trusted roots. Both under {@link signingConfigPrefix}.
   */
  signing?: 'sign' | 'verify';
  /** Partners it calls (their URL and the shared secret that signs the call); a partner route gets its own partner's secret. */
  partners?: readonly PartnerName[];
  /** Signs people in with the province's identity provider (OIDC_ISSUER, OIDC_CLIENT_ID): the portal. */
  signIn?: true;
  /** Calls the API itself (API_URL: its own address behind the edge, infra/stacks/edge.ts): the portal. */
  callsApi?: true;
  /**
   * Keeps what a replay needs sealed with the record seal secret (RECORD_SEAL_SECRET_ARN): every function
   * honouring Idempotency-Key (the filings through their claims, with their PIN; shared/adapters/record-seal.ts).
   */
  sealsRecords?: true;
  /** Hashes or checks look-up PINs with the pepper (LOOKUP_PIN_PEPPER_ARN; shared/adapters/pin-pepper.ts). */
  hashesPins?: true;
}

/** Key prefix of the documents bucket where ops upload the signing configuration (README "Documents"). */
export const signingConfigPrefix = 'config/signing/';

export interface FunctionSpec {
  description: string;
  /** Path of the handler module from the repository root; it exports `handler`. */
  entry: string;
  trigger: Trigger;
  access: Access;
  memoryMb: number;
  timeoutSeconds: number;
}

const citizen = { roles: ['citizen'] } as const;
const admin = { roles: ['admin'] } as const;
const officials = { roles: ['receiver', 'specialist', 'leader', 'auditor'] } as const;
const anyone = {
  roles: ['citizen', 'receiver', 'specialist', 'leader', 'admin', 'auditor'],
} as const satisfies RouteAuth;

export const manifest = {
  health: {
    description: 'Liveness of the API',
    entry: 'functions/health/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/health', auth: 'public' },
    access: {},
    memoryMb: 128,
    timeoutSeconds: 3,
  },
  'get-openapi': {
    description: "The API's OpenAPI 3.1 document (docs/openapi.json)",
    entry: 'functions/get-openapi/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/openapi.json', auth: 'public' },
    access: {},
    memoryMb: 128,
    timeoutSeconds: 3,
  },
  'submit-dossier': {
    description: 'A citizen files a dossier online',
    entry: 'functions/submit-dossier/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/dossiers', auth: citizen },
    access: {
      table: {
        // A replay under a request's claim (FILING#) reads the dossier it filed: the filings' one idempotency record.
        reads: ['PROCEDURE#*', 'AGENCY#*', 'HOLIDAYS', 'FILING#*', 'QUOTA#*', 'DOSSIER#*'],
        writes: ['DOSSIER#*', 'COUNTER#*', 'FILING#*', 'QUOTA#*'],
      },
      sealsRecords: true,
      hashesPins: true,
    },
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  'get-dossier': {
    description: 'One dossier, to whoever may read it',
    entry: 'functions/get-dossier/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/dossiers/{code}', auth: anyone },
    access: { table: { reads: ['DOSSIER#*', 'OFFICIAL#*'], writes: ['READS#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'list-my-notifications': {
    description: "The caller's in-app notifications, newest first",
    entry: 'functions/list-my-notifications/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/me/notifications', auth: anyone },
    access: { table: { reads: ['OFFICIAL#*', 'USER#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'file-at-counter': {
    description: "A receiver files a dossier at the one-stop desk on an applicant's behalf",
    entry: 'functions/file-at-counter/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/counter/dossiers', auth: { roles: ['receiver'] } },
    access: {
      table: {
        reads: ['PROCEDURE#*', 'AGENCY#*', 'HOLIDAYS', 'FILING#*', 'QUOTA#*', 'OFFICIAL#*', 'DOSSIER#*'],
        writes: ['DOSSIER#*', 'COUNTER#*', 'FILING#*', 'QUOTA#*'],
      },
      sealsRecords: true,
      hashesPins: true,
    },
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  'act-on-dossier': {
    description: 'One step of the lifecycle: receive, refuse, forward, transfer, decide, return, withdraw…',
    entry: 'functions/act-on-dossier/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/dossiers/{code}/actions', auth: anyone },
    access: {
      table: {
        reads: ['DOSSIER#*', 'OFFICIAL#*', 'AGENCY#*', 'HOLIDAYS', 'PROCEDURE#*'],
        writes: ['DOSSIER#*'],
      },
    },
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  'get-dossier-timeline': {
    description: "A dossier's timeline; internal notes only to officials",
    entry: 'functions/get-dossier-timeline/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/dossiers/{code}/timeline', auth: anyone },
    access: { table: { reads: ['DOSSIER#*', 'OFFICIAL#*'], writes: ['READS#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'list-my-dossiers': {
    description: "The citizen's own dossiers, newest first",
    entry: 'functions/list-my-dossiers/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/me/dossiers', auth: citizen },
    // The index keeps keys: the dossiers it lists are read whole by key (shared/adapters/dynamo/items-by-key.ts).
    access: { table: { reads: ['DOSSIER#*'], indexes: { byApplicant: ['APPLICANT#*'] } } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'get-agency-register': {
    description:
      "Form 07 (Sổ theo dõi hồ sơ): the agency's register of dossiers over a period, as PDF or XLSX, a download of a few minutes",
    entry: 'functions/get-agency-register/handler.ts',
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/agencies/{id}/register',
      auth: { roles: ['receiver', 'specialist', 'leader', 'auditor', 'admin'] },
    },
    access: {
      table: { reads: ['OFFICIAL#*', 'AGENCY#*', 'COUNTER#*', 'DOSSIER#*'] },
      documents: { prefixes: ['registers/'], mode: 'readwrite' },
    },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  'list-agency-dossiers': {
    description: "An agency's work queue, by due date, filtered by status and overdue",
    entry: 'functions/list-agency-dossiers/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/agencies/{id}/dossiers', auth: officials },
    access: { table: { reads: ['OFFICIAL#*', 'AGENCY#*', 'DOSSIER#*'], indexes: { byAgencyDue: ['QUEUE#*'] } } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'lookup-dossier': {
    description: 'Public lookup by dossier code and the PIN printed on the receipt',
    entry: 'functions/lookup-dossier/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/dossier-lookups', auth: 'public' },
    access: {
      table: { reads: ['DOSSIER#*', 'AGENCY#*', 'LOOKUP#*', 'LOOKUPCLIENT#*'], writes: ['LOOKUP#*', 'LOOKUPCLIENT#*'] },
      hashesPins: true,
    },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'print-receipt': {
    description:
      'Form 01 with the look-up PIN on it, for the receipt handed over at the counter: the PIN is sent, never stored',
    entry: 'functions/print-receipt/handler.ts',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/dossiers/{code}/forms/01',
      auth: { roles: ['receiver', 'citizen'] },
    },
    access: {
      table: {
        reads: ['DOSSIER#*', 'OFFICIAL#*', 'AGENCY#*', 'PROCEDURE#*', 'LOOKUP#*', 'LOOKUPCLIENT#*'],
        writes: ['LOOKUP#*', 'LOOKUPCLIENT#*', 'READS#*'],
      },
      hashesPins: true,
    },
    memoryMb: 1024,
    timeoutSeconds: 10,
  },
  'search-procedures': {
    description: 'Browse and search the procedure catalogue (diacritics optional)',
    entry: 'functions/search-procedures/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/procedures', auth: 'public' },
    access: { table: { reads: ['CATALOGUE'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'get-procedure': {
    description: 'One procedure, current or at a given version',
    entry: 'functions/get-procedure/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/procedures/{code}', auth: 'public' },
    access: { table: { reads: ['PROCEDURE#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'put-procedure': {
    description: 'An admin creates or updates a procedure: a new version, dossiers keep theirs',
    entry: 'functions/put-procedure/handler.ts',
    trigger: { kind: 'http', method: 'PUT', path: '/v1/procedures/{code}', auth: admin },
    access: {
      table: {
        reads: ['OFFICIAL#*', 'PROCEDURE#*', 'AGENCY#*', 'IDEMPOTENCY#put-procedure#*'],
        writes: ['PROCEDURE#*', 'CATALOGUE', 'IDEMPOTENCY#put-procedure#*'],
        deletes: ['IDEMPOTENCY#put-procedure#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'list-agencies': {
    description: 'The agency tree, by parent and level',
    entry: 'functions/list-agencies/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/agencies', auth: 'public' },
    access: { table: { reads: ['AGENCIES#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'get-agency': {
    description: 'One agency with its working calendar',
    entry: 'functions/get-agency/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/agencies/{id}', auth: 'public' },
    access: { table: { reads: ['AGENCY#*', 'HOLIDAYS'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'get-due-date': {
    description: "The appointment for a dossier received at an instant, with a legal period, on an agency's calendar",
    entry: 'functions/get-due-date/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/agencies/{id}/due-date', auth: 'public' },
    access: { table: { reads: ['AGENCY#*', 'HOLIDAYS'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'put-agency': {
    description: 'An admin creates or updates an agency and its working calendar',
    entry: 'functions/put-agency/handler.ts',
    trigger: { kind: 'http', method: 'PUT', path: '/v1/agencies/{id}', auth: admin },
    access: {
      table: {
        reads: ['OFFICIAL#*', 'AGENCY#*', 'AGENCIES#*', 'IDEMPOTENCY#put-agency#*'],
        writes: ['AGENCY#*', 'AGENCIES#*', 'IDEMPOTENCY#put-agency#*'],
        deletes: ['AGENCIES#*', 'IDEMPOTENCY#put-agency#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'list-officials': {
    description: "An agency's officials and their roles",
    entry: 'functions/list-officials/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/agencies/{id}/officials', auth: { roles: ['admin', 'leader'] } },
    access: { table: { reads: ['AGENCY#*', 'OFFICIAL#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'put-official': {
    description: "An admin sets an official's agency and roles",
    entry: 'functions/put-official/handler.ts',
    trigger: { kind: 'http', method: 'PUT', path: '/v1/agencies/{id}/officials/{sub}', auth: admin },
    access: {
      table: {
        reads: ['AGENCY#*', 'OFFICIAL#*', 'IDEMPOTENCY#put-official#*'],
        writes: ['AGENCY#*', 'OFFICIAL#*', 'IDEMPOTENCY#put-official#*'],
        deletes: ['AGENCY#*', 'IDEMPOTENCY#put-official#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'get-holidays': {
    description: "A year's public holidays",
    entry: 'functions/get-holidays/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/holidays/{year}', auth: 'public' },
    access: { table: { reads: ['HOLIDAYS'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'put-holidays': {
    description: "An admin sets a year's public holidays (the government's yearly schedule)",
    entry: 'functions/put-holidays/handler.ts',
    trigger: { kind: 'http', method: 'PUT', path: '/v1/holidays/{year}', auth: admin },
    access: {
      table: {
        reads: ['OFFICIAL#*', 'HOLIDAYS', 'IDEMPOTENCY#put-holidays#*'],
        writes: ['HOLIDAYS', 'IDEMPOTENCY#put-holidays#*'],
        deletes: ['IDEMPOTENCY#put-holidays#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'request-document-upload': {
    description:
      'A short-lived presigned upload for one required document of a dossier (applicant, or receiver scanning)',
    entry: 'functions/request-document-upload/handler.ts',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/dossiers/{code}/documents',
      auth: { roles: ['citizen', 'receiver'] },
    },
    access: {
      table: {
        reads: ['DOSSIER#*', 'OFFICIAL#*', 'PROCEDURE#*', 'QUOTA#*', 'IDEMPOTENCY#request-document-upload#*'],
        writes: ['DOSSIER#*', 'QUOTA#*', 'IDEMPOTENCY#request-document-upload#*'],
        deletes: ['IDEMPOTENCY#request-document-upload#*'],
      },
      documents: { prefixes: ['dossiers/'], mode: 'readwrite' },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'complete-document-upload': {
    description:
      'Verifies an uploaded file (size, type from its bytes, SHA-256) before it counts; quarantines a bad one',
    entry: 'functions/complete-document-upload/handler.ts',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/dossiers/{code}/documents/{id}/complete',
      auth: { roles: ['citizen', 'receiver'] },
    },
    access: {
      table: {
        reads: ['DOSSIER#*', 'PROCEDURE#*', 'AGENCY#*', 'HOLIDAYS', 'DVCQGSYNC#*', 'OFFICIAL#*'],
        writes: ['DOSSIER#*', 'FACTS#*'],
      },
      documents: { prefixes: ['dossiers/', 'quarantine/'], mode: 'readwrite', deletes: true },
    },
    memoryMb: 512,
    timeoutSeconds: 30,
  },
  'list-dossier-documents': {
    description: "A dossier's documents, with presigned downloads of a few minutes, to whoever may read it",
    entry: 'functions/list-dossier-documents/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/dossiers/{code}/documents', auth: anyone },
    access: {
      table: { reads: ['DOSSIER#*', 'OFFICIAL#*'], writes: ['READS#*'] },
      documents: { prefixes: ['dossiers/'], mode: 'read' },
    },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'print-control-slip': {
    description:
      'The process control slip (form 06) as the dossier stands now, rendered from its timeline on read, to whoever may read it',
    entry: 'functions/print-control-slip/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/dossiers/{code}/control-slip', auth: anyone },
    access: { table: { reads: ['DOSSIER#*', 'OFFICIAL#*', 'AGENCY#*'], writes: ['READS#*'] } },
    // Rendering a PDF with its embedded font, as issue-forms and print-receipt do.
    memoryMb: 1024,
    timeoutSeconds: 10,
  },
  'issue-forms': {
    description: 'Renders the forms of TT 03/2025 a lifecycle step names (01–05) as PDF, stores and lists them',
    entry: 'functions/issue-forms/handler.ts',
    trigger: { kind: 'queue', events: ['DossierChanged'], actsOn: 'issues-forms', batchSize: 5, maxReceiveCount: 5 },
    access: {
      table: { reads: ['DOSSIER#*', 'OFFICIAL#*', 'AGENCY#*', 'PROCEDURE#*'], writes: ['DOSSIER#*'] },
      documents: { prefixes: ['dossiers/'], mode: 'readwrite' },
    },
    memoryMb: 1024,
    timeoutSeconds: 30,
  },
  sign: {
    description:
      "Renders a decided dossier's result and signs it (PAdES, SHA-256) with the deciding leader's certificate",
    entry: 'functions/sign/handler.ts',
    trigger: { kind: 'queue', events: ['DossierChanged'], actsOn: 'signs-result', batchSize: 5, maxReceiveCount: 5 },
    access: {
      table: { reads: ['DOSSIER#*', 'OFFICIAL#*', 'AGENCY#*', 'PROCEDURE#*'], writes: ['DOSSIER#*'] },
      documents: { prefixes: ['dossiers/'], mode: 'readwrite' },
      signing: 'sign',
    },
    memoryMb: 1024,
    timeoutSeconds: 30,
  },
  'verify-signature': {
    description:
      'Anyone checks a signed result (uploaded PDF, or by dossier code and PIN): valid, signer, agency, chain, time, hash',
    entry: 'functions/verify-signature/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/signature-verifications', auth: 'public' },
    // readwrite: a check by dossier code and PIN counts failed attempts as the look-up does. Signed results
    // only (`dossiers/<code>/results/`): this public function has no business with citizens' uploads.
    access: {
      table: { reads: ['DOSSIER#*', 'LOOKUP#*', 'LOOKUPCLIENT#*'], writes: ['LOOKUP#*', 'LOOKUPCLIENT#*'] },
      documents: { prefixes: ['dossiers/*/results/'], mode: 'read' },
      signing: 'verify',
      hashesPins: true,
    },
    memoryMb: 1024,
    timeoutSeconds: 15,
  },
  'process-dossier': {
    description: "Routes a submitted dossier into its agency's intake work queue",
    entry: 'functions/process-dossier/handler.ts',
    trigger: {
      kind: 'queue',
      events: ['DossierSubmitted'],
      actsOn: 'routes-filing',
      batchSize: 10,
      maxReceiveCount: 5,
    },
    access: {
      table: { reads: ['DOSSIER#*', 'AGENCY#*'], writes: ['DOSSIER#*'] },
    },
    memoryMb: 512,
    timeoutSeconds: 20,
  },
  'mark-notification-read': {
    description: "Marks one of the caller's in-app notifications read (idempotent)",
    entry: 'functions/mark-notification-read/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/me/notifications/{id}/read', auth: anyone },
    access: {
      table: {
        reads: ['OFFICIAL#*', 'USER#*', 'IDEMPOTENCY#mark-notification-read#*'],
        writes: ['USER#*', 'IDEMPOTENCY#mark-notification-read#*'],
        deletes: ['IDEMPOTENCY#mark-notification-read#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'get-notification-preferences': {
    description: "The caller's notification channels as stored (defaults when never set)",
    entry: 'functions/get-notification-preferences/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/me/notification-preferences', auth: anyone },
    access: { table: { reads: ['OFFICIAL#*', 'USER#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'put-notification-preferences': {
    description: "The caller's notification channels: email and SMS on or off (in-app always)",
    entry: 'functions/put-notification-preferences/handler.ts',
    trigger: { kind: 'http', method: 'PUT', path: '/v1/me/notification-preferences', auth: anyone },
    access: {
      table: {
        reads: ['OFFICIAL#*', 'USER#*', 'IDEMPOTENCY#put-notification-preferences#*'],
        writes: ['USER#*', 'IDEMPOTENCY#put-notification-preferences#*'],
        deletes: ['IDEMPOTENCY#put-notification-preferences#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'confirm-contact': {
    description: "Confirms one of the caller's contacts with the code sent to it: notifications then go there",
    entry: 'functions/confirm-contact/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/me/contact-confirmations', auth: { roles: ['citizen'] } },
    access: { table: { reads: ['CONTACT#*', 'QUOTA#*'], writes: ['CONTACT#*', 'QUOTA#*'] }, hashesPins: true },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'deliver-email': {
    description: 'Emails the applicant each step of the dossier, once per event, on its own queue and DLQ',
    entry: 'functions/deliver-email/handler.ts',
    trigger: {
      kind: 'queue',
      events: ['DossierRouted', 'DossierChanged'],
      actsOn: 'emails-applicant',
      batchSize: 10,
      maxReceiveCount: 5,
    },
    // Contacts: whether the address is confirmed, the code sent to it (withdrawn when it could not be sent).
    access: {
      table: {
        reads: ['DOSSIER#*', 'AGENCY#*', 'USER#*', 'DELIVERY#*', 'QUOTA#*', 'CONTACT#*'],
        writes: ['DELIVERY#*', 'QUOTA#*', 'CONTACT#*'],
        deletes: ['CONTACT#*'],
      },
      sends: ['email'],
      hashesPins: true,
    },
    memoryMb: 256,
    timeoutSeconds: 20,
  },
  'deliver-sms': {
    description: 'Texts the applicant each step of the dossier, once per event, on its own queue and DLQ',
    entry: 'functions/deliver-sms/handler.ts',
    trigger: {
      kind: 'queue',
      events: ['DossierRouted', 'DossierChanged'],
      actsOn: 'texts-applicant',
      batchSize: 10,
      maxReceiveCount: 5,
    },
    // Contacts: whether the address is confirmed, the code sent to it (withdrawn when it could not be sent).
    access: {
      table: {
        reads: ['DOSSIER#*', 'AGENCY#*', 'USER#*', 'DELIVERY#*', 'QUOTA#*', 'CONTACT#*'],
        writes: ['DELIVERY#*', 'QUOTA#*', 'CONTACT#*'],
        deletes: ['CONTACT#*'],
      },
      sends: ['sms'],
      hashesPins: true,
    },
    memoryMb: 256,
    timeoutSeconds: 20,
  },
  notify: {
    description: 'Tells the applicant, in Vietnamese, what happened to the dossier',
    entry: 'functions/notify/handler.ts',
    trigger: {
      kind: 'queue',
      events: ['DossierRouted', 'DossierChanged'],
      actsOn: 'notifies',
      batchSize: 10,
      maxReceiveCount: 5,
    },
    access: { table: { reads: ['DOSSIER#*', 'AGENCY#*', 'USER#*'], writes: ['USER#*'] } },
    memoryMb: 256,
    timeoutSeconds: 20,
  },
  'record-indicators': {
    description:
      "Keeps each dossier's indicator fact in its competent agency's month partitions, for the reports, from the table's stream",
    entry: 'functions/record-indicators/handler.ts',
    // From the table's stream, as the events' relay: a fact is a view of the dossier as written (no queue
    // to pay for, in order per dossier, no dossier read).
    trigger: { kind: 'stream', newImageHas: 'outboxVersion', batchSize: 100, maxRetries: 50 },
    access: {
      table: { reads: ['DOSSIER#*', 'PROCEDURE#*', 'AGENCY#*', 'HOLIDAYS', 'DVCQGSYNC#*'], writes: ['FACTS#*'] },
    },
    memoryMb: 256,
    timeoutSeconds: 20,
  },
  'request-report': {
    description:
      'Requests an indicator report of an agency and everything under it for a month, quarter or year (async)',
    entry: 'functions/request-report/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/reports', auth: { roles: ['leader', 'admin', 'auditor'] } },
    access: {
      table: {
        reads: ['AGENCY#*', 'OFFICIAL#*', 'REPORT#*', 'IDEMPOTENCY#request-report#*'],
        writes: ['REPORT#*', 'REPORTS#*', 'IDEMPOTENCY#request-report#*'],
        deletes: ['IDEMPOTENCY#request-report#*'],
      },
      emits: ['ReportRequested'],
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'list-reports': {
    description: "The reports of the caller's scope, newest first",
    entry: 'functions/list-reports/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/reports', auth: { roles: ['leader', 'admin', 'auditor'] } },
    access: { table: { reads: ['AGENCY#*', 'OFFICIAL#*', 'REPORTS#*', 'REPORT#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'get-report': {
    description: 'One report: its summary and presigned downloads (JSON, CSV, XLSX) of a few minutes',
    entry: 'functions/get-report/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/reports/{id}', auth: { roles: ['leader', 'admin', 'auditor'] } },
    access: {
      table: { reads: ['AGENCY#*', 'OFFICIAL#*', 'REPORT#*'] },
      documents: { prefixes: ['reports/'], mode: 'read' },
    },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  report: {
    description: 'Computes a requested report from the month partitions and stores it as JSON, CSV and XLSX',
    entry: 'functions/report/handler.ts',
    trigger: { kind: 'queue', events: ['ReportRequested'], batchSize: 1, maxReceiveCount: 3 },
    access: {
      table: { reads: ['REPORT#*', 'AGENCY#*', 'AGENCIES#*', 'FACTS#*', 'FEEDBACKCOUNT#*'], writes: ['REPORT#*'] },
      documents: { prefixes: ['reports/'], mode: 'readwrite' },
    },
    memoryMb: 1024,
    timeoutSeconds: 120,
  },
  'schedule-reports': {
    description:
      "After a month, quarter or year closes: carries open dossiers forward and requests the province's reports",
    entry: 'functions/schedule-reports/handler.ts',
    trigger: { kind: 'schedule', expression: 'cron(30 0 1 * ? *)' },
    access: {
      table: { reads: ['AGENCY#*', 'AGENCIES#*', 'FACTS#*', 'REPORT#*'], writes: ['FACTS#*', 'REPORT#*', 'REPORTS#*'] },
      emits: ['ReportRequested'],
    },
    memoryMb: 512,
    timeoutSeconds: 300,
  },
  'watch-deadlines': {
    description: 'Warns officials of dossiers due within a working day or overdue; daily digest to agency leaders',
    entry: 'functions/watch-deadlines/handler.ts',
    trigger: { kind: 'schedule', expression: 'cron(0 7-17 ? * MON-SAT *)' },
    access: {
      table: {
        reads: ['DOSSIER#*', 'AGENCY#*', 'HOLIDAYS', 'OFFICIAL#*', 'WATCH#*', 'USER#*'],
        writes: ['WATCH#*', 'USER#*'],
        indexes: { openByDueDay: ['DUE#*'], byAgencyDue: ['QUEUE#*'] },
      },
    },
    memoryMb: 256,
    timeoutSeconds: 120,
  },
  // Citizens' voice: feedback (PAKN) and ratings
  'rate-dossier': {
    description: 'The applicant rates a returned dossier once: 1–5 with an optional comment',
    entry: 'functions/rate-dossier/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/dossiers/{code}/rating', auth: citizen },
    access: {
      table: {
        reads: ['DOSSIER#*', 'IDEMPOTENCY#rate-dossier#*'],
        writes: ['DOSSIER#*', 'IDEMPOTENCY#rate-dossier#*'],
        deletes: ['IDEMPOTENCY#rate-dossier#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'file-feedback': {
    description: 'A citizen files feedback (PAKN) to an agency, optionally about their own dossier or anonymously',
    entry: 'functions/file-feedback/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/feedback', auth: citizen },
    access: {
      table: {
        reads: ['DOSSIER#*', 'AGENCY#*', 'HOLIDAYS', 'QUOTA#*', 'IDEMPOTENCY#file-feedback#*'],
        writes: ['FEEDBACK#*', 'FEEDBACKCOUNT#*', 'QUOTA#*', 'IDEMPOTENCY#file-feedback#*'],
        deletes: ['IDEMPOTENCY#file-feedback#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'list-my-feedback': {
    description: "The citizen's own feedback, newest first",
    entry: 'functions/list-my-feedback/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/me/feedback', auth: citizen },
    access: { table: { reads: ['FEEDBACK#*'], indexes: { byApplicant: ['FEEDBACKBY#*'] } } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'get-feedback': {
    description: 'One feedback, to its author or the officials of the agency holding it',
    entry: 'functions/get-feedback/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/feedback/{id}', auth: anyone },
    access: { table: { reads: ['FEEDBACK#*', 'OFFICIAL#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'list-agency-feedback': {
    description: "An agency's feedback by status, oldest received first",
    entry: 'functions/list-agency-feedback/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/agencies/{id}/feedback', auth: officials },
    access: { table: { reads: ['OFFICIAL#*', 'AGENCY#*', 'FEEDBACK#*'], indexes: { byAgencyDue: ['FEEDBACKQ#*'] } } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'act-on-feedback': {
    description: 'One step on a feedback: assign, answer, forward (within 5 working days), publish the answer',
    entry: 'functions/act-on-feedback/handler.ts',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/v1/feedback/{id}/actions',
      auth: { roles: ['receiver', 'specialist', 'leader'] },
    },
    access: {
      table: {
        reads: ['FEEDBACK#*', 'AGENCY#*', 'HOLIDAYS', 'OFFICIAL#*', 'IDEMPOTENCY#act-on-feedback#*'],
        writes: ['FEEDBACK#*', 'FEEDBACKCOUNT#*', 'IDEMPOTENCY#act-on-feedback#*'],
        deletes: ['IDEMPOTENCY#act-on-feedback#*'],
      },
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'list-published-feedback': {
    description: 'Published answers to feedback, newest first, without personal data',
    entry: 'functions/list-published-feedback/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/public-feedback', auth: 'public' },
    access: { table: { indexes: { openByDueDay: ['FEEDBACK#PUBLISHED'] } } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'get-published-feedback': {
    description: 'One published answer to feedback, without personal data',
    entry: 'functions/get-published-feedback/handler.ts',
    trigger: { kind: 'http', method: 'GET', path: '/v1/public-feedback/{id}', auth: 'public' },
    access: { table: { reads: ['FEEDBACK#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  // Fees paid online (national payment platform)
  'request-payment': {
    description: "The applicant pays the dossier's fee online: a payment request on the national payment platform",
    entry: 'functions/request-payment/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/dossiers/{code}/payments', auth: citizen },
    access: {
      table: {
        reads: ['DOSSIER#*', 'PAYMENT#*', 'IDEMPOTENCY#request-payment#*'],
        writes: ['DOSSIER#*', 'PAYMENT#*', 'IDEMPOTENCY#request-payment#*'],
        deletes: ['DOSSIER#*', 'PAYMENT#*', 'IDEMPOTENCY#request-payment#*'],
      },
      partners: ['payments'],
      sealsRecords: true,
    },
    memoryMb: 256,
    timeoutSeconds: 15,
  },
  'payment-callback': {
    description: 'The payment platform reports a transaction: the fee is paid (with an e-receipt), failed or flagged',
    entry: 'functions/payment-callback/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/partners/payments/callbacks', auth: { partner: 'payments' } },
    access: {
      table: {
        reads: ['DOSSIER#*', 'PAYMENT#*', 'AGENCY#*', 'PROCEDURE#*'],
        writes: ['DOSSIER#*', 'PAYMENT#*', 'WEBHOOK#*'],
        deletes: ['DOSSIER#*', 'WEBHOOK#*'],
      },
      documents: { prefixes: ['dossiers/'], mode: 'readwrite' },
    },
    memoryMb: 1024,
    timeoutSeconds: 30,
  },
  'reconcile-payments': {
    description: "Nightly: the platform's transactions of the previous day against ours; differences are stored",
    entry: 'functions/reconcile-payments/handler.ts',
    trigger: { kind: 'schedule', expression: 'cron(30 1 * * ? *)' },
    access: {
      table: {
        reads: ['PAYMENT#*', 'RECONCILIATION#*'],
        writes: ['RECONCILIATION#*'],
        indexes: { openByDueDay: ['PAYDAY#*'] },
      },
      partners: ['payments'],
    },
    memoryMb: 256,
    timeoutSeconds: 120,
  },
  'get-payment-reconciliation': {
    description: "A day's reconciliation with the payment platform: counts and differences (ids and amounts only)",
    entry: 'functions/get-payment-reconciliation/handler.ts',
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/payment-reconciliations/{date}',
      auth: { roles: ['admin', 'auditor'] },
    },
    access: { table: { reads: ['OFFICIAL#*', 'RECONCILIATION#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  // National public-service portal (DVCQG)
  'receive-dvcqg-dossier': {
    description: 'The national portal delivers a dossier filed there: filed here once per portal id',
    entry: 'functions/receive-dvcqg-dossier/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/partners/dvcqg/dossiers', auth: { partner: 'dvcqg' } },
    access: {
      table: {
        reads: ['PROCEDURE#*', 'AGENCY#*', 'HOLIDAYS', 'DVCQG#*', 'DOSSIER#*'],
        writes: ['DOSSIER#*', 'COUNTER#*', 'DVCQG#*', 'WEBHOOK#*'],
        deletes: ['WEBHOOK#*'],
      },
      sealsRecords: true,
      hashesPins: true,
    },
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  'sync-dvcqg': {
    description: "Pushes every dossier's status changes (DVCQG codes 1–10) to the national portal, once and in order",
    entry: 'functions/sync-dvcqg/handler.ts',
    trigger: {
      kind: 'queue',
      events: ['DossierSubmitted', 'DossierChanged'],
      actsOn: 'syncs-status',
      batchSize: 10,
      maxReceiveCount: 8,
    },
    access: {
      table: {
        reads: ['DOSSIER#*', 'PROCEDURE#*', 'AGENCY#*', 'HOLIDAYS', 'DVCQGSYNC#*'],
        writes: ['DVCQGSYNC#*', 'FACTS#*'],
      },
      partners: ['dvcqg'],
    },
    memoryMb: 256,
    timeoutSeconds: 30,
  },
  // Postal service (filing and return by post)
  'book-postal': {
    description: 'Books the pickup of a dossier filed by post and the delivery of a result returned by post',
    entry: 'functions/book-postal/handler.ts',
    trigger: {
      kind: 'queue',
      events: ['DossierSubmitted', 'DossierChanged'],
      actsOn: 'books-shipment',
      batchSize: 10,
      maxReceiveCount: 5,
    },
    access: { table: { reads: ['DOSSIER#*', 'AGENCY#*'], writes: ['WAYBILL#*', 'DOSSIER#*'] }, partners: ['postal'] },
    memoryMb: 256,
    timeoutSeconds: 30,
  },
  'postal-tracking': {
    description: "The postal service's tracking callbacks: timeline entries; a delivered result returns the dossier",
    entry: 'functions/postal-tracking/handler.ts',
    trigger: { kind: 'http', method: 'POST', path: '/v1/partners/postal/tracking', auth: { partner: 'postal' } },
    access: {
      table: { reads: ['WAYBILL#*', 'DOSSIER#*'], writes: ['DOSSIER#*', 'WEBHOOK#*'], deletes: ['WEBHOOK#*'] },
    },
    memoryMb: 256,
    timeoutSeconds: 10,
  },
  'verify-dossier-timeline': {
    description: "Auditors check a dossier's hash-chained timeline as stored",
    entry: 'functions/verify-dossier-timeline/handler.ts',
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/dossiers/{code}/timeline-verification',
      auth: { roles: ['auditor', 'admin'] },
    },
    access: { table: { reads: ['DOSSIER#*', 'OFFICIAL#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  'list-dossier-reads': {
    description: "Auditors list officials' reads of a dossier (read audit), newest first",
    entry: 'functions/list-dossier-reads/handler.ts',
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/v1/dossiers/{code}/access-log',
      auth: { roles: ['auditor', 'admin'] },
    },
    access: { table: { reads: ['READS#*', 'DOSSIER#*', 'OFFICIAL#*'] } },
    memoryMb: 256,
    timeoutSeconds: 5,
  },
  // The public-service portal (server-rendered pages)
  portal: {
    description:
      "The public-service portal: server-rendered Vietnamese pages for citizens and officials; signed-in pages call the API with the person's token",
    entry: 'functions/portal/handler.ts',
    // One greedy route under its own prefix: the function routes its pages and never shadows /v1.
    trigger: { kind: 'http', method: 'ANY', path: '/portal/{proxy+}', auth: 'public' },
    // Signed-in pages go through the API, not the table. The public look-up page reads the dossier itself
    // (through the API every visitor would count against the portal's one address) and writes nothing but
    // the wrong-PIN counters; the catalogue, agencies' names and published answers are public.
    access: {
      table: {
        reads: ['CATALOGUE', 'PROCEDURE#*', 'AGENCY#*', 'DOSSIER#*', 'LOOKUP#*', 'LOOKUPCLIENT#*'],
        writes: ['LOOKUP#*', 'LOOKUPCLIENT#*'],
        indexes: { openByDueDay: ['FEEDBACK#PUBLISHED'] },
      },
      signIn: true,
      hashesPins: true,
      callsApi: true,
    },
    memoryMb: 512,
    // A page may wait on the API (its own Lambda), and filing uploads several documents in turn.
    timeoutSeconds: 25,
  },
  'relay-events': {
    description: "Sends each dossier write's events, from the table's change stream, to the workers that act on them",
    entry: 'functions/relay-events/handler.ts',
    trigger: { kind: 'stream', newImageHas: 'outboxVersion', batchSize: 100, maxRetries: 50 },
    access: { emits: ['DossierSubmitted', 'DossierRouted', 'DossierChanged'] },
    memoryMb: 256,
    timeoutSeconds: 30,
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof manifest;

// The manifest's literal types for the functions' own code (shared/function-settings.ts), which does not import it.
declare module '../shared/function-settings.ts' {
  interface FunctionRegistry {
    manifest: typeof manifest;
  }
}

export const functionNames = Object.keys(manifest) as FunctionName[];

export const specOf = (name: FunctionName): FunctionSpec => manifest[name];

/** Functions whose own queue receives `type`: the one definition of event routing. */
export function consumersOf(type: EventType): FunctionName[] {
  return functionNames.filter((name) => {
    const trigger = specOf(name).trigger;
    return trigger.kind === 'queue' && trigger.events.includes(type);
  });
}

export const queueConsumers = functionNames.filter((name) => specOf(name).trigger.kind === 'queue');

/** The partners whose secret a function reads: those it calls, and the one whose webhook it is. */
export function partnersOf(spec: FunctionSpec): PartnerName[] {
  const trigger = spec.trigger;
  const webhookOf = trigger.kind === 'http' ? partnerOfRoute(trigger.auth) : undefined;
  return [...new Set([...(webhookOf ? [webhookOf] : []), ...(spec.access.partners ?? [])])];
}

export const httpRoutes = functionNames.flatMap((name) => {
  const trigger = specOf(name).trigger;
  return trigger.kind === 'http' ? [{ name, ...trigger }] : [];
});

/** Visibility timeout of a consumer's queue: at least six times the function timeout (AWS guidance). */
export const visibilityTimeoutSeconds = (name: FunctionName): number => specOf(name).timeoutSeconds * 6;
