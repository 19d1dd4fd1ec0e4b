import { referenceCacheSeconds } from './adapters/reference-cache.ts';
import { interests } from './domain/interests.ts';
import { eventTypes } from './domain/events.ts';
import { partnerNames } from './domain/partners/partner.ts';
import {
  type EnvOf,
  integer,
  jsonMap,
  keyOf,
  mapped,
  matching,
  oneOf,
  optional,
  readEnv,
  stringOf,
  text,
  url,
  urlOf,
  routesOf,
  withDefault,
} from './env-vars.ts';

/**
 * The platform's environment variables, each with its rule. Plain readers rather than a zod schema:
 * this runs at every function's init, where zod's first use is the costliest part (shared/env-vars.ts).
 */
const Env = {
  TABLE_NAME: text(1),
  DOCUMENTS_BUCKET: optional(text(1)),
  /**
   * Each event type a function relays → the queues that consume it, each with what it acts on
   * (infra/event-routes.ts). A type with an empty list has no consumer yet; a type missing from the
   * map is a deployment error.
   */
  EVENT_QUEUES: jsonMap(keyOf(eventTypes), routesOf(interests)),
  /**
   * Province whose platform this is (administrative-unit code); commune agencies are `<province>.<commune>`.
   * No default: the stacks set it from `egov:provinceCode`, the local cloud from cdk.json's.
   */
  PROVINCE_CODE: matching(/^\d{2}$/),
  /** After a supplement the legal clock restarts from zero (Nghị định 61/2018) or resumes where it paused. */
  SUPPLEMENT_MODE: withDefault(oneOf(['restart', 'pause']), 'restart'),
  /** A supplement request (form 02) is accepted within this many working days of receipt (Nghị định 61/2018, điều 16). */
  SUPPLEMENT_REQUEST_WORKING_DAYS: withDefault(integer(1), 3),
  /**
   * Working days an agency has to answer a feedback (PAKN) from its receipt there; the QĐ 766 index
   * counts the answers given by then (shared/domain/feedback/feedback.ts, defaultAnswerWithin: 15).
   */
  FEEDBACK_ANSWER_WORKING_DAYS: withDefault(integer(1, 60), 15),
  S3_FORCE_PATH_STYLE: mapped(withDefault(oneOf(['true', 'false']), 'false'), (v) => v === 'true'),
  /**
   * The deployment's public address, where the portal is served under /portal: the API's own URL, or
   * the custom domain that fronts it (CDK context egov:publicUrl); the local cloud's gateway locally.
   * Forms, receipts and results print its look-up page with the dossier code (shared/portal/paths.ts
   * lookupUrl). No default: a province's address is the deployment's, never one written in code.
   */
  PUBLIC_URL: url(),
  /**
   * Who signs results: AWS KMS asymmetric keys (cloud), a CA's remote signing service through the Cloud
   * Signature Consortium API v2 (`csc`), or the local certificate authority (local cloud, tests).
   */
  SIGNER: withDefault(oneOf(['kms', 'csc', 'local']), 'kms'),
  /** Where the local certificate authority keeps its chain; in memory when unset. */
  LOCAL_CA_DIR: optional(text(1)),
  /** KMS signing: JSON map of leader sub → { keyId, certificate (PEM), chain (PEM, nearest first, root last) }. */
  SIGNING_KEYS: withDefault(text(), '{}'),
  /**
   * KMS signing in the cloud: key prefix of the documents bucket holding `leaders/<sub>.json` and
   * `trusted-roots.pem` (set with the grant by the manifest's `access.signing`); when set, SIGNING_KEYS is unused.
   */
  SIGNING_CONFIG_PREFIX: optional(text(1)),
  /**
   * SIGNER=csc (shared/adapters/signing/csc-signer.ts): the service's API base (`…/csc/v2/`), the platform's
   * OAuth client id, and its client secret — in the cloud the Secrets Manager ARN (read at run time, cached),
   * CSC_CLIENT_SECRET only in the local cloud. Who each leader and agency is at the service lives with the
   * signing configuration (SIGNING_CONFIG_PREFIX `leaders/<sub>.json`, `agencies/<id>.json`), or inline in
   * CSC_CREDENTIALS (sub or `agency:<id>` → { userID, credentialID }) with the roots in CSC_TRUSTED_ROOTS (PEM).
   */
  CSC_BASE_URL: optional(url()),
  CSC_CLIENT_ID: optional(text(1)),
  CSC_CLIENT_SECRET_ARN: optional(text(1)),
  CSC_CLIENT_SECRET: optional(text(16)),
  CSC_CREDENTIALS: withDefault(text(), '{}'),
  CSC_TRUSTED_ROOTS: withDefault(text(), ''),
  /** Each call to the signing service gives up after this long (the queue retries the message). */
  CSC_TIMEOUT_MS: withDefault(integer(1000, 60_000), 10_000),
  /** `A`: the service signs once the signer approved on their phone (polled); `S`: it answers with the signature. */
  CSC_OPERATION_MODE: withDefault(oneOf(['S', 'A']), 'A'),
  /**
   * How long one signature waits for the signer's approval, polling every CSC_POLL_INTERVAL_MS; past it the
   * delivery fails and the queue retries (a new request to the signer). Two signatures per result (leader,
   * agency) must fit in the sign function's 30 s.
   */
  CSC_APPROVAL_WAIT_SECONDS: withDefault(integer(0, 12), 10),
  CSC_POLL_INTERVAL_MS: withDefault(integer(0, 10_000), 2000),
  /** Email channel: Amazon SES v2 in the cloud; `capture` writes `.eml` files to NOTIFICATION_CAPTURE_DIR. */
  EMAIL_TRANSPORT: withDefault(oneOf(['ses', 'capture']), 'ses'),
  /** Sender of notification emails (a verified SES identity). */
  EMAIL_FROM: withDefault(text(3), 'thongbao@dichvucong.gov.vn'),
  /** SMS channel: the province's HTTP SMS gateway; `capture` appends to NOTIFICATION_CAPTURE_DIR/sms.log. */
  SMS_TRANSPORT: withDefault(oneOf(['http', 'capture']), 'http'),
  SMS_GATEWAY_URL: optional(url()),
  /** Brand name (sender id) registered with the carriers. */
  SMS_SENDER: withDefault(text(1, 11), 'DICHVUCONG'),
  /** docs/domain.md: Vietnamese with diacritics is UCS-2 (70 chars a segment); stripped it is GSM-7 (160). */
  SMS_DIACRITICS: withDefault(oneOf(['keep', 'strip']), 'strip'),
  SMS_MAX_SEGMENTS: withDefault(integer(1, 5), 1),
  /**
   * Queue consumers' own queue URLs by function name (`{ "deliver-sms": "https://…" }`): a worker that
   * retries with backoff changes the visibility of a failed message on its own queue.
   */
  QUEUE_URLS: jsonMap(keyOf(), urlOf()),
  /** Growing retry delay of external channels: base · 2^(attempt − 1) seconds, capped. */
  RETRY_BACKOFF_BASE_SECONDS: withDefault(integer(0, 43_200), 30),
  RETRY_BACKOFF_MAX_SECONDS: withDefault(integer(0, 43_200), 900),
  /**
   * Partners' shared secrets: in the cloud a JSON map of partner → Secrets Manager ARN (granted with
   * the manifest's `access.partners` or a partner route); PARTNER_SECRETS (partner → secret) only in the local cloud.
   */
  PARTNER_SECRET_ARNS: jsonMap(keyOf(partnerNames), stringOf(1)),
  PARTNER_SECRETS: jsonMap(keyOf(partnerNames), stringOf(16)),
  /** Partners' API base URLs (context `egov:partnerUrls`; the simulators in the local cloud). */
  PARTNER_URLS: jsonMap(keyOf(partnerNames), urlOf()),
  /**
   * Public look-up by code and PIN (POST /v1/dossier-lookups, the portal's look-up page): PINs compared
   * per dossier code, and failed look-ups per client address across codes, in a window of this many seconds.
   */
  LOOKUP_FAILURES_PER_CODE: withDefault(integer(1, 100), 5),
  LOOKUP_FAILURES_PER_CLIENT: withDefault(integer(1, 10_000), 20),
  LOOKUP_WINDOW_SECONDS: withDefault(integer(60, 86_400), 900),
  /**
   * Quotas (shared/use-cases/quotas.ts), each answered 429 with Retry-After when spent: online filings
   * per citizen in a window of FILINGS_WINDOW_SECONDS; presigned uploads per dossier, feedback per
   * citizen, and texts and e-mails per recipient, each in a day (24 hours from the first).
   */
  FILINGS_PER_CITIZEN: withDefault(integer(1, 10_000), 10),
  FILINGS_WINDOW_SECONDS: withDefault(integer(60, 604_800), 3600),
  UPLOAD_GRANTS_PER_DOSSIER: withDefault(integer(1, 10_000), 40),
  FEEDBACK_PER_CITIZEN: withDefault(integer(1, 10_000), 5),
  SMS_PER_RECIPIENT_PER_DAY: withDefault(integer(1, 10_000), 10),
  EMAILS_PER_RECIPIENT_PER_DAY: withDefault(integer(1, 10_000), 20),
  /** Contact-confirmation codes a citizen may try in a day (shared/use-cases/contacts/confirm-contact.ts). */
  CONTACT_CODE_ATTEMPTS_PER_DAY: withDefault(integer(1, 100), 5),
  /**
   * The secret that seals what the platform keeps for a replay (Idempotency-Key records, a filing's PIN):
   * in the cloud the Secrets Manager ARN, read at run time and cached; RECORD_SEAL_SECRET only in the local cloud.
   */
  RECORD_SEAL_SECRET_ARN: optional(text(1)),
  RECORD_SEAL_SECRET: optional(text(32)),
  /**
   * The pepper of the look-up PINs' hashes (shared/domain/lookup-pin.ts): in the cloud the Secrets
   * Manager ARN, read at run time and cached; LOOKUP_PIN_PEPPER only in the local cloud.
   */
  LOOKUP_PIN_PEPPER_ARN: optional(text(1)),
  LOOKUP_PIN_PEPPER: optional(text(32)),
  /**
   * The header CloudFront adds to what it forwards (infra/stacks/edge.ts): functions reachable without a
   * token refuse requests without it (shared/http/edge-origin.ts). Unset (the local cloud): no edge, no check.
   */
  ORIGIN_VERIFY_SECRET_ARN: optional(text(1)),
  /** The API's own address, where the portal calls it behind the edge (infra/stacks/compute.ts); unset: PUBLIC_URL. */
  API_URL: optional(url()),
  /**
   * How long a function keeps an official's roster entry (active, agency, roles) before reading it again:
   * a deactivated or moved official is refused at most this many seconds after the admin's change,
   * whatever their token's lifetime. 0 reads the roster on every request.
   */
  ROSTER_CACHE_SECONDS: withDefault(integer(0, 900), 60),
  /**
   * How long a function keeps the reference data it read (procedures, agencies, officials, calendars,
   * holidays) before reading it again: an admin's change reaches the other functions at most this many
   * seconds later (docs/design.md). 0 reads them on every request. Read by the repositories themselves
   * (shared/adapters/reference-cache.ts), with this rule.
   */
  REFERENCE_CACHE_SECONDS: referenceCacheSeconds,
  /** Where capture transports write (local cloud). */
  NOTIFICATION_CAPTURE_DIR: optional(text(1)),
};

export type Config = EnvOf<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const read = readEnv(Env, env);
  if ('invalid' in read) throw new Error(`Invalid configuration: ${read.invalid.join(', ')}`);
  return read.data;
}

/** Read once per process: a function with a missing variable fails at init, not on its first request. */
export const config: Config = readConfig(process.env);
