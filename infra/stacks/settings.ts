/**
 * The deployment settings that are CDK context (cdk.json `egov:*`, or `cdk -c key=value`), read and
 * checked in one place so a typo fails synthesis instead of deploying an API nobody can call.
 */
import type { Construct } from 'constructs';

export interface PlatformSettings {
  /** The province's administrative-unit code (two digits): every function's `PROVINCE_CODE`. */
  provinceCode: string;
  /** OIDC issuer of the province's identity provider: the JWT authorizer's `issuer`. */
  jwtIssuer: string;
  /** Audience the tokens are minted for: the JWT authorizer's `audience`. */
  jwtAudience: string;
  /** Browser origins allowed by the API's CORS and by the documents bucket (presigned uploads). */
  corsOrigins: string[];
  /** Where alarms are mailed; empty: the topic has no subscription. */
  alarmEmail: string | undefined;
}

export const contextKeys = {
  provinceCode: 'egov:provinceCode',
  jwtIssuer: 'egov:jwtIssuer',
  jwtAudience: 'egov:jwtAudience',
  corsOrigins: 'egov:corsOrigins',
  alarmEmail: 'egov:alarmEmail',
} as const;

function text(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value.trim();
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

export function readSettings(scope: Construct): PlatformSettings {
  const alarmEmail = text(scope, contextKeys.alarmEmail);
  if (alarmEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`Context ${contextKeys.alarmEmail} must be an e-mail address or empty`);
  }
  const provinceCode = required(scope, contextKeys.provinceCode);
  if (!/^\d{2}$/.test(provinceCode)) throw new Error(`Context ${contextKeys.provinceCode} must be two digits`);
  return {
    provinceCode,
    jwtIssuer: httpsUrl(contextKeys.jwtIssuer, required(scope, contextKeys.jwtIssuer)),
    jwtAudience: required(scope, contextKeys.jwtAudience),
    corsOrigins: origins(scope),
    alarmEmail: alarmEmail || undefined,
  };
}
