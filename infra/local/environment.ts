/**
 * The process environment of every handler, as the CDK function construct would set it in Lambda.
 * Handlers read it at module scope (shared/config.ts), so it is applied before any handler is imported.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventTypes } from '../../shared/domain/events.ts';
import { eventRoutes, readSmsMilestones } from '../event-routes.ts';
import { functionSettingsEnvironment } from '../function-settings.ts';
import { queueConsumers } from '../manifest.ts';
import { localRegion, repoRoot } from './lambda.ts';
import { type LogLevel, logLevels } from './log.ts';
import type { ConsumerName } from './resources.ts';

export interface LocalEnvironmentInput {
  endpoints: { dynamodb: string; sqs: string; s3: string };
  tableName: string;
  bucketName: string;
  queueUrlOf: (consumer: ConsumerName) => string;
  /** The partners' simulators: their shared secrets and base URLs. */
  partners: { secrets: Record<string, string>; urls: Record<string, string> };
  logLevel?: LogLevel;
  /** The steps texted to applicants, over cdk.json's `egov:smsMilestones` (tests of the SMS channel's mechanics). */
  smsMilestones?: readonly string[];
}

/**
 * Variables that would silently point handlers elsewhere: a developer's real session or profile,
 * a generic endpoint, or the switch that makes the SDK ignore AWS_ENDPOINT_URL_* altogether.
 */
const unset = [
  'POWERTOOLS_DEV',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_ENDPOINT_URL',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
] as const;

/** A deployment setting from cdk.json's context (`egov:*`), the one place the CDK app reads it from too. */
export function cdkContext(key: string): unknown {
  const cdk = JSON.parse(readFileSync(resolve(repoRoot, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdk.context?.[key];
}

export function localEnvironment(input: LocalEnvironmentInput): Record<string, string> {
  const eventQueues = eventRoutes(eventTypes, (name) => input.queueUrlOf(name as ConsumerName), {
    smsMilestones: input.smsMilestones ?? readSmsMilestones(cdkContext('egov:smsMilestones')),
  });
  return {
    AWS_REGION: localRegion,
    AWS_DEFAULT_REGION: localRegion,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // The SDK v3 reads these per service (checked: DynamoDB, SQS and S3 clients built with no endpoint reach them).
    AWS_ENDPOINT_URL_DYNAMODB: input.endpoints.dynamodb,
    AWS_ENDPOINT_URL_SQS: input.endpoints.sqs,
    AWS_ENDPOINT_URL_S3: input.endpoints.s3,
    PROVINCE_CODE: String(cdkContext('egov:provinceCode')),
    TABLE_NAME: input.tableName,
    DOCUMENTS_BUCKET: input.bucketName,
    // fauxqs would need *.localhost DNS for virtual-hosted bucket addressing.
    S3_FORCE_PATH_STYLE: 'true',
    EVENT_QUEUES: JSON.stringify(eventQueues),
    // Every consumer's own queue (one process runs them all), and retry delays short enough for tests.
    QUEUE_URLS: JSON.stringify(
      Object.fromEntries(queueConsumers.map((name) => [name, input.queueUrlOf(name as ConsumerName)])),
    ),
    // Every function's settings from its manifest entry (one process runs them all), as in its Lambda.
    ...functionSettingsEnvironment(),
    RETRY_BACKOFF_BASE_SECONDS: '1',
    RETRY_BACKOFF_MAX_SECONDS: '2',
    // The demo citizens file, upload and are texted far more often than a person is: the quotas are out of
    // the suite's way here (tests/integration/quotas.test.ts sets its own small ones).
    FILINGS_PER_CITIZEN: '10000',
    UPLOAD_GRANTS_PER_DOSSIER: '10000',
    FEEDBACK_PER_CITIZEN: '10000',
    SMS_PER_RECIPIENT_PER_DAY: '10000',
    EMAILS_PER_RECIPIENT_PER_DAY: '10000',
    POWERTOOLS_SERVICE_NAME: 'egov-one-stop',
    POWERTOOLS_METRICS_NAMESPACE: 'EgovOneStop',
    // The business metrics' EMF lines go to stdout with the logs at INFO and below (LOG_LEVEL=INFO npm start).
    POWERTOOLS_METRICS_DISABLED: String(logLevels.indexOf(input.logLevel ?? 'WARN') > logLevels.indexOf('INFO')),
    DEPLOYMENT: `${String(cdkContext('egov:provinceCode'))}-local`,
    POWERTOOLS_LOG_LEVEL: input.logLevel ?? 'WARN',
    // No X-Ray daemon here: a Tracer, where a function uses one, must not try to send segments.
    POWERTOOLS_TRACE_ENABLED: 'false',
    // Results are signed by the local certificate authority (root → province CA → a certificate per leader).
    SIGNER: 'local',
    // Notification channels are captured, never sent: .eml files and an SMS log (infra/local/notification-capture.ts).
    EMAIL_TRANSPORT: 'capture',
    SMS_TRANSPORT: 'capture',
    NOTIFICATION_CAPTURE_DIR: join(tmpdir(), `egov-notifications-${input.tableName}`),
    // Local configuration stands in for Secrets Manager: fresh secrets per cloud, shared with the simulators.
    PARTNER_SECRETS: JSON.stringify(input.partners.secrets),
    PARTNER_URLS: JSON.stringify(input.partners.urls),
    // Stands in for the record seal's Secrets Manager secret (shared/adapters/record-seal.ts): fresh per cloud.
    RECORD_SEAL_SECRET: randomBytes(32).toString('base64url'),
    // Stands in for the look-up PIN pepper's secret (shared/adapters/pin-pepper.ts): fresh per cloud.
    LOOKUP_PIN_PEPPER: randomBytes(32).toString('base64url'),
  };
}

/**
 * Where the portal signs people in: the local OpenID Connect provider (oidc.ts), whose issuer is the
 * local JWT issuer. Separate from localEnvironment because the issuer holds the gateway's port.
 */
export function oidcEnvironment(issuer: string, clientId: string): Record<string, string> {
  return { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId };
}

/** Writes `env` into process.env; the returned function puts back what was there before. */
export function applyEnvironment(env: Record<string, string>): () => void {
  const keys = [...Object.keys(env), ...unset];
  const saved = new Map(keys.map((key) => [key, process.env[key]]));
  for (const key of unset) delete process.env[key];
  Object.assign(process.env, env);
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
