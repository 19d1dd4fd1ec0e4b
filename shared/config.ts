import * as z from 'zod';
import { eventTypes } from './domain/events.ts';
import { partnerNames } from './domain/partners/partner.ts';

/**
 * `EVENT_QUEUES` maps each event type a function relays to the URLs of the queues that consume it.
 * A type with an empty list has no consumer yet; a type missing from the map is a deployment error.
 */
const EventQueues = z.partialRecord(z.enum(eventTypes), z.array(z.url()));

/** An optional environment variable holding a JSON object; a malformed one fails at init. */
function jsonMap<T extends z.ZodType>(name: string, schema: T) {
  return z
    .string()
    .default('{}')
    .transform((raw, ctx): z.output<T> => {
      try {
        return schema.parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} must be a JSON map` });
        return z.NEVER;
      }
    });
}

const Env = z.object({
  TABLE_NAME: z.string().min(1),
  DOCUMENTS_BUCKET: z.string().min(1).optional(),
  EVENT_QUEUES: jsonMap('EVENT_QUEUES', EventQueues),
  /** Province whose platform this is (administrative-unit code); commune agencies are `<province>.<commune>`. */
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/)
    .default('24'),
  /** After a supplement the legal clock restarts from zero (Nghị định 61/2018) or resumes where it paused. */
  SUPPLEMENT_MODE: z.enum(['restart', 'pause']).default('restart'),
  /** How long an outbox event may wait before the sweeper assumes its sender died. */
  OUTBOX_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The public dossier lookup page printed, with the code, as a QR code on every form. */
  PUBLIC_LOOKUP_URL: z.url().default('https://dichvucong.bacninh.gov.vn/tra-cuu-ho-so'),
  /** Who signs results: AWS KMS asymmetric keys (cloud) or the local certificate authority (local cloud, tests). */
  SIGNER: z.enum(['kms', 'local']).default('kms'),
  /** Where the local certificate authority keeps its chain; in memory when unset. */
  LOCAL_CA_DIR: z.string().min(1).optional(),
  /** KMS signing: JSON map of leader sub → { keyId, certificate (PEM), chain (PEM, nearest first, root last) }. */
  SIGNING_KEYS: z.string().default('{}'),
  /**
   * KMS signing in the cloud: key prefix of the documents bucket holding `leaders/<sub>.json` and
   * `trusted-roots.pem` (set with the grant by the manifest's `access.signing`); when set, SIGNING_KEYS is unused.
   */
  SIGNING_CONFIG_PREFIX: z.string().min(1).optional(),
  /** Email channel: Amazon SES v2 in the cloud; `capture` writes `.eml` files to NOTIFICATION_CAPTURE_DIR. */
  EMAIL_TRANSPORT: z.enum(['ses', 'capture']).default('ses'),
  /** Sender of notification emails (a verified SES identity). */
  EMAIL_FROM: z.string().min(3).default('thongbao@dichvucong.gov.vn'),
  /** SMS channel: the province's HTTP SMS gateway; `capture` appends to NOTIFICATION_CAPTURE_DIR/sms.log. */
  SMS_TRANSPORT: z.enum(['http', 'capture']).default('http'),
  SMS_GATEWAY_URL: z.url().optional(),
  /** Brand name (sender id) registered with the carriers. */
  SMS_SENDER: z.string().min(1).max(11).default('DICHVUCONG'),
  /** DOMAIN.md: Vietnamese with diacritics is UCS-2 (70 chars a segment); stripped it is GSM-7 (160). */
  SMS_DIACRITICS: z.enum(['keep', 'strip']).default('strip'),
  SMS_MAX_SEGMENTS: z.coerce.number().int().min(1).max(5).default(1),
  /**
   * Queue consumers' own queue URLs by function name (`{ "deliver-sms": "https://…" }`): a worker that
   * retries with backoff changes the visibility of a failed message on its own queue.
   */
  QUEUE_URLS: jsonMap('QUEUE_URLS', z.record(z.string(), z.url())),
  /** Growing retry delay of external channels: base · 2^(attempt − 1) seconds, capped. */
  RETRY_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(0).max(43_200).default(30),
  RETRY_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(0).max(43_200).default(900),
  /**
   * Partners' shared secrets: in the cloud a JSON map of partner → Secrets Manager ARN (granted with
   * the manifest's `access.partners` or a partner route); PARTNER_SECRETS (partner → secret) only in the local cloud.
   */
  PARTNER_SECRET_ARNS: jsonMap('PARTNER_SECRET_ARNS', z.partialRecord(z.enum(partnerNames), z.string().min(1))),
  PARTNER_SECRETS: jsonMap('PARTNER_SECRETS', z.partialRecord(z.enum(partnerNames), z.string().min(16))),
  /** Partners' API base URLs (context `egov:partnerUrls`; the simulators in the local cloud). */
  PARTNER_URLS: jsonMap('PARTNER_URLS', z.partialRecord(z.enum(partnerNames), z.url())),
  /** Where capture transports write (local cloud). */
  NOTIFICATION_CAPTURE_DIR: z.string().min(1).optional(),
});

export type Config = z.infer<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  return parsed.data;
}

/** Read once per process: a function with a missing variable fails at init, not on its first request. */
export const config: Config = readConfig(process.env);
