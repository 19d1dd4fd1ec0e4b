/**
 * The deployment settings that are CDK context (cdk.json `egov:*`, or `cdk -c key=value`), read and
 * checked in one place so a typo fails synthesis instead of deploying an API nobody can call.
 */
import type { Construct } from 'constructs';
import { contextObject } from './context-object.ts';
import { defaultStage, stagePattern } from '../stack-names.ts';
import { type PartnerName, partnerNames } from '../../shared/domain/partners/partner.ts';
import { type ConcurrencySettings, readConcurrency } from '../concurrency.ts';
import { edgeContextKeys, type EdgeSettings, readEdgeSettings } from './edge-settings.ts';

export interface PlatformSettings {
  /** The province's administrative-unit code (two digits): every function's `PROVINCE_CODE`. */
  provinceCode: string;
  /** `egov:stage` (default `dev`): with the province code, in every stack's name (infra/stack-names.ts). */
  stage: string;
  /** OIDC issuer of the province's identity provider: the JWT authorizer's `issuer`. */
  jwtIssuer: string;
  /** Audience the tokens are minted for: the JWT authorizer's `audience`. */
  jwtAudience: string;
  /** The portal's client id at the identity provider (public client, PKCE); defaults to the audience. */
  oidcClientId: string;
  /** Browser origins allowed by the API's CORS and by the documents bucket (presigned uploads). */
  corsOrigins: string[];
  /** Where alarms are mailed; empty: the topic has no subscription. */
  alarmEmail: string | undefined;
  /**
   * `egov:dashboard` (default false): the CloudWatch dashboard, and the metrics only it reads (the
   * functions' business metrics, the API's 429 count). Off, an idle deployment's fixed cost stays under
   * its bar (docs/design.md §10): on, US$3 a month beyond an account's first three dashboards, and
   * US$0.30 a month for each of those metrics (docs/runbook.md "The dashboard (opt-in)").
   */
  dashboard: boolean;
  /**
   * `egov:signingKeys`: leader sub → ARN of the leader's KMS asymmetric signing key (created by the
   * province's PKI process, outside the stacks). The `sign` function may use exactly these keys; their
   * certificates and the trusted roots are uploaded to `config/signing/` of the documents bucket
   * (README "Documents"). Empty: nothing can be signed in the cloud (each result fails into the DLQ).
   */
  signingKeys: Record<string, string>;
  /**
   * `egov:organisationSigningKeys`: agency id → ARN of the agency's organisation key, whose certificate
   * signs each result after the leader, in place of the agency's seal (Nghị định 30/2020/NĐ-CP, phụ lục
   * I); its certificate goes to `config/signing/agencies/<agency id>.json`. Empty: results cannot be
   * completed in the cloud (each fails into the DLQ) until configured.
   */
  organisationSigningKeys: Record<string, string>;
  /**
   * `egov:remoteSigning` (SIGNER=csc): `{ "baseUrl": "https://…/csc/v2/", "clientId": "…", "clientSecretArn":
   * "arn:aws:secretsmanager:…" }`, the CA's remote signing service (CSC API v2) instead of KMS keys. The
   * secret holds the client secret the CA issued (created by ops, outside the stacks, like the KMS keys);
   * each leader's and agency's `{ userID, credentialID }` goes to `config/signing/leaders/<sub>.json` and
   * `agencies/<agency id>.json`, the CA's root to `config/signing/trusted-roots.pem`. Unset: KMS.
   */
  remoteSigning: RemoteSigning | undefined;
  /** `egov:partnerUrls`: partner → base URL of its API (https). A partner without one cannot be called (its queue's DLQ fills). */
  partnerUrls: Partial<Record<PartnerName, string>>;
  /**
   * `egov:publicUrl`: where citizens reach the platform, when the province says so; else
   * `https://<egov:domainName>` when the distribution has the province's domain; else (undefined) the
   * distribution's own `https://<id>.cloudfront.net`. Every function's PUBLIC_URL: forms print the
   * portal's look-up page on it.
   */
  publicUrl: string | undefined;
  /** `egov:backupRetentionDays`: how long AWS Backup keeps the table's and the documents' recovery points. */
  backupRetention: BackupRetention;
  /** The edge: the province's domain, its certificate, the WAF's rate limits (edge-settings.ts). */
  edge: EdgeSettings;
  /** Reserved concurrency of the public functions, maximum concurrency of the queue consumers (infra/concurrency.ts). */
  concurrency: ConcurrencySettings;
}

export interface RemoteSigning {
  baseUrl: string;
  clientId: string;
  clientSecretArn: string;
}

/** Days each backup rule's recovery points are kept (infra/stacks/backup.ts). */
export interface BackupRetention {
  /** The daily rule's (default 35: five weeks back, beyond point-in-time recovery's 35 days of the table only). */
  dailyDays: number;
  /** The monthly rule's (default 365). */
  monthlyDays: number;
}

export const defaultBackupRetention: BackupRetention = { dailyDays: 35, monthlyDays: 365 };

export const contextKeys = {
  provinceCode: 'egov:provinceCode',
  stage: 'egov:stage',
  jwtIssuer: 'egov:jwtIssuer',
  jwtAudience: 'egov:jwtAudience',
  oidcClientId: 'egov:oidcClientId',
  corsOrigins: 'egov:corsOrigins',
  alarmEmail: 'egov:alarmEmail',
  dashboard: 'egov:dashboard',
  signingKeys: 'egov:signingKeys',
  organisationSigningKeys: 'egov:organisationSigningKeys',
  remoteSigning: 'egov:remoteSigning',
  partnerUrls: 'egov:partnerUrls',
  publicUrl: 'egov:publicUrl',
  backupRetentionDays: 'egov:backupRetentionDays',
  emailFrom: 'egov:emailFrom',
  smsGatewayUrl: 'egov:smsGatewayUrl',
  smsMilestones: 'egov:smsMilestones',
  ...edgeContextKeys,
} as const;

/** Stages that serve citizens: their synthesis refuses the development defaults (see {@link productionGaps}). */
export const productionStages: readonly string[] = ['prod'];

/** The example identity provider of cdk.json: fine for development, never for citizens. */
const exampleIssuerHost = 'id.example.gov.vn';

function text(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value.trim();
}

/** A yes/no context value: a JSON boolean (cdk.json), or `true`/`false` (`-c key=true`); absent: false. */
function flag(scope: Construct, key: string): boolean {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(`Context ${key} must be true or false, got ${JSON.stringify(value)}`);
}

function required(scope: Construct, key: string): string {
  const value = text(scope, key);
  if (!value) throw new Error(`Context ${key} is required (cdk.json or -c ${key}=...)`);
  return value;
}

function httpsUrl(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Context ${key} must be a URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:') throw new Error(`Context ${key} must be an https URL, got ${value}`);
  return value;
}

/** `egov:corsOrigins` is a JSON array in cdk.json; `-c egov:corsOrigins=a,b` on the command line gives a string. */
function origins(scope: Construct): string[] {
  const raw: unknown = scope.node.tryGetContext(contextKeys.corsOrigins);
  let list: unknown[];
  if (Array.isArray(raw)) list = raw;
  else if (typeof raw === 'string') {
    const trimmed = raw.trim();
    list = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.split(',');
  } else list = [];
  const result = list.map((o) => {
    if (typeof o !== 'string') throw new Error(`Context ${contextKeys.corsOrigins} must list strings`);
    const origin = o.trim();
    if (origin === '*' || origin.includes('*')) {
      throw new Error(`Context ${contextKeys.corsOrigins} must list exact origins, not ${origin}`);
    }
    const url = new URL(httpsUrl(contextKeys.corsOrigins, origin));
    if (url.origin !== origin) {
      throw new Error(`Context ${contextKeys.corsOrigins}: ${origin} is not an origin (no path, no trailing slash)`);
    }
    return origin;
  });
  if (result.length === 0) throw new Error(`Context ${contextKeys.corsOrigins} must list at least one origin`);
  return result;
}

/** A KMS key ARN (not an alias: IAM authorizes kms:Sign on the key's ARN), multi-Region keys included. */
const kmsKeyArn =
  /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** A leader's `sub`, as it names the object `config/signing/leaders/<sub>.json`. */
const leaderSub = /^[\w.@-]+$/;

/** An agency id, as it names the object `config/signing/agencies/<agency id>.json`. */
const agencyId = /^[A-Za-z0-9.]{2,40}$/;

/**
 * `egov:signingKeys` (leader sub → ARN) and `egov:organisationSigningKeys` (agency id → ARN) are JSON
 * objects in cdk.json; `-c key='{...}'` gives their text.
 */
function signingKeys(
  scope: Construct,
  key: string = contextKeys.signingKeys,
  holder: { name: string; pattern: RegExp } = { name: 'leader sub', pattern: leaderSub },
): Record<string, string> {
  const raw = contextObject(scope, key, `${holder.name} to KMS key ARN`) ?? {};
  const result: Record<string, string> = {};
  for (const [sub, arn] of Object.entries(raw)) {
    if (!holder.pattern.test(sub))
      throw new Error(`Context ${key}: ${JSON.stringify(sub)} is not a valid ${holder.name}`);
    if (typeof arn !== 'string' || !kmsKeyArn.test(arn.trim())) {
      throw new Error(
        `Context ${key}: the key of ${sub} must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)`,
      );
    }
    result[sub] = arn.trim();
  }
  return result;
}

/** `egov:remoteSigning` is a JSON object in cdk.json (or its text with -c). */
function remoteSigning(scope: Construct): RemoteSigning | undefined {
  const key = contextKeys.remoteSigning;
  const raw = contextObject(scope, key, 'baseUrl, clientId and clientSecretArn');
  if (!raw) return undefined;
  const { baseUrl, clientId, clientSecretArn } = raw;
  if (typeof baseUrl !== 'string' || typeof clientId !== 'string' || !clientId.trim()) {
    throw new Error(`Context ${key} must be { baseUrl, clientId, clientSecretArn }`);
  }
  if (
    typeof clientSecretArn !== 'string' ||
    !/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/.test(clientSecretArn)
  ) {
    throw new Error(`Context ${key}: clientSecretArn must be a Secrets Manager secret ARN`);
  }
  return { baseUrl: httpsUrl(key, baseUrl.trim()), clientId: clientId.trim(), clientSecretArn };
}

/** `egov:partnerUrls` is a JSON object in cdk.json (or its text with -c). */
function partnerUrls(scope: Construct): Partial<Record<PartnerName, string>> {
  const key = contextKeys.partnerUrls;
  const raw = contextObject(scope, key, 'partner to base URL') ?? {};
  const result: Partial<Record<PartnerName, string>> = {};
  for (const [partner, url] of Object.entries(raw)) {
    if (!(partnerNames as readonly string[]).includes(partner)) {
      throw new Error(`Context ${key}: unknown partner ${partner} (${partnerNames.join(', ')})`);
    }
    if (typeof url !== 'string') throw new Error(`Context ${key}: the URL of ${partner} must be a string`);
    result[partner as PartnerName] = httpsUrl(key, url.trim());
  }
  return result;
}

/** `egov:publicUrl`: an https URL (a path is allowed: an API mapping), without a trailing slash. */
function publicUrl(scope: Construct): string | undefined {
  const value = text(scope, contextKeys.publicUrl);
  return value ? httpsUrl(contextKeys.publicUrl, value).replace(/\/+$/, '') : undefined;
}

/** `egov:backupRetentionDays`: `{"daily": 35, "monthly": 365}` (JSON object, or its text with -c); each key optional. */
function backupRetention(scope: Construct): BackupRetention {
  const key = contextKeys.backupRetentionDays;
  const given = contextObject(scope, key, 'rule to days, like {"daily": 35, "monthly": 365}');
  if (!given) return defaultBackupRetention;
  for (const name of Object.keys(given)) {
    if (name !== 'daily' && name !== 'monthly')
      throw new Error(`Context ${key}: unknown rule ${name} (daily, monthly)`);
  }
  const days = (name: 'daily' | 'monthly', fallback: number): number => {
    const value = given[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new Error(`Context ${key}: ${name} must be a whole number of days, at least 1`);
    }
    return value;
  };
  const retention = {
    dailyDays: days('daily', defaultBackupRetention.dailyDays),
    monthlyDays: days('monthly', defaultBackupRetention.monthlyDays),
  };
  if (retention.monthlyDays < retention.dailyDays) {
    throw new Error(`Context ${key}: the monthly backups must be kept at least as long as the daily ones`);
  }
  return retention;
}

/**
 * The public URL and the distribution's domain name the same host: forms would otherwise print a look-up
 * address the certificate does not cover. A path is refused with a domain: the distribution serves the
 * API at its root.
 */
function publicUrlOf(url: string | undefined, domainName: string | undefined): string | undefined {
  if (!domainName) return url;
  if (url === undefined) return `https://${domainName}`;
  const parsed = new URL(url);
  if (parsed.hostname !== domainName || parsed.pathname !== '/') {
    throw new Error(
      `Context ${contextKeys.publicUrl} (${url}) must be https://${contextKeys.domainName} (${domainName}): the distribution serves the API at the domain's root`,
    );
  }
  return url;
}

export function readSettings(scope: Construct): PlatformSettings {
  const alarmEmail = text(scope, contextKeys.alarmEmail);
  if (alarmEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`Context ${contextKeys.alarmEmail} must be an e-mail address or empty`);
  }
  const provinceCode = required(scope, contextKeys.provinceCode);
  if (!/^\d{2}$/.test(provinceCode)) throw new Error(`Context ${contextKeys.provinceCode} must be two digits`);
  const stage = text(scope, contextKeys.stage) || defaultStage;
  if (!stagePattern.test(stage)) {
    throw new Error(
      `Context ${contextKeys.stage} must be 2–12 lower-case letters and digits (dev, staging, prod), got ${stage}`,
    );
  }
  const settings: PlatformSettings = {
    provinceCode,
    stage,
    jwtIssuer: httpsUrl(contextKeys.jwtIssuer, required(scope, contextKeys.jwtIssuer)),
    jwtAudience: required(scope, contextKeys.jwtAudience),
    oidcClientId: text(scope, contextKeys.oidcClientId) || required(scope, contextKeys.jwtAudience),
    corsOrigins: origins(scope),
    alarmEmail: alarmEmail || undefined,
    dashboard: flag(scope, contextKeys.dashboard),
    signingKeys: signingKeys(scope),
    organisationSigningKeys: signingKeys(scope, contextKeys.organisationSigningKeys, {
      name: 'agency id',
      pattern: agencyId,
    }),
    remoteSigning: remoteSigning(scope),
    partnerUrls: partnerUrls(scope),
    publicUrl: undefined,
    backupRetention: backupRetention(scope),
    edge: readEdgeSettings(scope),
    concurrency: readConcurrency(scope),
  };
  settings.publicUrl = publicUrlOf(publicUrl(scope), settings.edge.domainName);
  if (productionStages.includes(stage)) {
    const gaps = productionGaps(scope, settings);
    if (gaps.length > 0) {
      throw new Error(
        `Stage ${stage} serves citizens; its context lacks:\n${gaps.map((gap) => `  - ${gap}`).join('\n')}`,
      );
    }
  }
  return settings;
}

/**
 * What a production stage may not go without, each named by its context key: without them a deployment
 * looks healthy while every sign-in, notification, signature or partner call fails (into a DLQ, hours later).
 */
export function productionGaps(scope: Construct, settings: PlatformSettings): string[] {
  const gaps: string[] = [];
  if (new URL(settings.jwtIssuer).hostname === exampleIssuerHost) {
    gaps.push(`${contextKeys.jwtIssuer} (still cdk.json's example issuer)`);
  }
  if (!text(scope, contextKeys.jwtAudience)) gaps.push(contextKeys.jwtAudience);
  if (!settings.edge.domainName) {
    gaps.push(
      `${contextKeys.domainName} (the province's domain, with ${contextKeys.certificateArn} or ${contextKeys.hostedZoneId})`,
    );
  }
  const missingPartners = partnerNames.filter((partner) => !settings.partnerUrls[partner]);
  if (missingPartners.length > 0) gaps.push(`${contextKeys.partnerUrls} (${missingPartners.join(', ')})`);
  if (!text(scope, contextKeys.smsGatewayUrl)) gaps.push(`${contextKeys.smsGatewayUrl} (the SMS gateway)`);
  if (!text(scope, contextKeys.emailFrom)) gaps.push(`${contextKeys.emailFrom} (a verified SES sender)`);
  if (!settings.alarmEmail) gaps.push(`${contextKeys.alarmEmail} (where alarms go)`);
  // With a remote signing service the leaders' and agencies' keys are at the CA, not in KMS.
  if (!settings.remoteSigning) {
    if (Object.keys(settings.signingKeys).length === 0) gaps.push(`${contextKeys.signingKeys} (the leaders' keys)`);
    if (Object.keys(settings.organisationSigningKeys).length === 0) {
      gaps.push(`${contextKeys.organisationSigningKeys} (the agencies' keys)`);
    }
  }
  return gaps;
}
