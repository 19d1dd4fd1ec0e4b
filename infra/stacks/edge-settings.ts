/**
 * The edge's context (infra/stacks/edge.ts, edge-guard.ts): the province's domain and its certificate,
 * and the WAF's rate limits. Read and checked here so a typo fails synthesis, never a deployment.
 */
import type { Construct } from 'constructs';
import { contextObject } from './context-object.ts';

/** CloudFront only serves certificates of ACM in us-east-1, and the CLOUDFRONT-scoped WAF lives there too. */
export const edgeRegion = 'us-east-1';

export const edgeContextKeys = {
  domainName: 'egov:domainName',
  hostedZoneId: 'egov:hostedZoneId',
  certificateArn: 'egov:certificateArn',
  rateLimits: 'egov:edgeRateLimits',
} as const;

/**
 * Requests one client address may make in {@link EdgeRateLimits.windowSeconds} before the WAF blocks it
 * (403) until its rate falls back under the limit: over everything, and tighter on the routes a script
 * would hammer: the look-up by code and PIN (PIN guessing), the signature check (a heavy, public PDF
 * parse) and online filing.
 */
export interface EdgeRateLimits {
  /** WAF's evaluation window: 60, 120, 300 or 600 seconds. */
  windowSeconds: number;
  /** Any request. */
  perClient: number;
  /** POST /v1/dossier-lookups and the portal's look-up page. */
  lookup: number;
  /** POST /v1/signature-verifications and the portal's check page. */
  verification: number;
  /** POST /v1/dossiers and the portal's filing pages. */
  filing: number;
}

/**
 * Defaults sized for a province, per client address and 5 minutes: a person at the counter's shared
 * address or behind a carrier NAT stays far below them; a script does not. The portal's look-up and
 * filing pages count with the API's (one page view, one or two API calls).
 */
export const defaultEdgeRateLimits: EdgeRateLimits = {
  windowSeconds: 300,
  perClient: 3000,
  lookup: 100,
  verification: 60,
  filing: 300,
};

const windows = [60, 120, 300, 600];
/** WAF's bounds of a rate-based rule's limit. */
const minLimit = 10;
const maxLimit = 2_000_000_000;

export interface EdgeSettings {
  /** `egov:domainName`: the province's host name on the distribution (`dichvucong.bacninh.gov.vn`); unset: CloudFront's own. */
  domainName: string | undefined;
  /** `egov:hostedZoneId`: the Route 53 zone of the domain: the certificate is validated and the alias record written there. */
  hostedZoneId: string | undefined;
  /** `egov:certificateArn`: an ACM certificate of the domain in us-east-1, issued outside the stacks. */
  certificateArn: string | undefined;
  rateLimits: EdgeRateLimits;
}

function text(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value.trim() || undefined;
}

const hostName = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const hostedZoneId = /^Z[A-Z0-9]{4,32}$/;
const acmArn = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;

function rateLimits(scope: Construct): EdgeRateLimits {
  const key = edgeContextKeys.rateLimits;
  const raw = contextObject(scope, key, 'limit name to number');
  if (!raw) return defaultEdgeRateLimits;
  const limits: EdgeRateLimits = { ...defaultEdgeRateLimits };
  for (const [name, value] of Object.entries(raw)) {
    if (!(name in defaultEdgeRateLimits)) {
      throw new Error(`Context ${key}: unknown limit ${name} (${Object.keys(defaultEdgeRateLimits).join(', ')})`);
    }
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new Error(`Context ${key}: ${name} must be an integer`);
    limits[name as keyof EdgeRateLimits] = value;
  }
  if (!windows.includes(limits.windowSeconds)) {
    throw new Error(`Context ${key}: windowSeconds must be one of ${windows.join(', ')}`);
  }
  for (const name of ['perClient', 'lookup', 'verification', 'filing'] as const) {
    if (limits[name] < minLimit || limits[name] > maxLimit) {
      throw new Error(`Context ${key}: ${name} must be between ${minLimit} and ${maxLimit}`);
    }
  }
  return limits;
}

export function readEdgeSettings(scope: Construct): EdgeSettings {
  const domainName = text(scope, edgeContextKeys.domainName)?.toLowerCase();
  const zone = text(scope, edgeContextKeys.hostedZoneId);
  const certificateArn = text(scope, edgeContextKeys.certificateArn);
  if (domainName !== undefined && !hostName.test(domainName)) {
    throw new Error(
      `Context ${edgeContextKeys.domainName} must be a host name (no scheme, no path), got ${domainName}`,
    );
  }
  if (zone !== undefined && !hostedZoneId.test(zone)) {
    throw new Error(`Context ${edgeContextKeys.hostedZoneId} must be a Route 53 hosted zone id (Z…), got ${zone}`);
  }
  if (certificateArn !== undefined) {
    const region = acmArn.exec(certificateArn)?.[1];
    if (!region) throw new Error(`Context ${edgeContextKeys.certificateArn} must be an ACM certificate ARN`);
    if (region !== edgeRegion) {
      throw new Error(
        `Context ${edgeContextKeys.certificateArn} must be a certificate in ${edgeRegion} (CloudFront serves no other), got ${region}`,
      );
    }
  }
  if (domainName === undefined && (zone !== undefined || certificateArn !== undefined)) {
    throw new Error(
      `Context ${edgeContextKeys.hostedZoneId} and ${edgeContextKeys.certificateArn} need ${edgeContextKeys.domainName}`,
    );
  }
  if (domainName !== undefined && zone === undefined && certificateArn === undefined) {
    throw new Error(
      `Context ${edgeContextKeys.domainName} needs its certificate: ${edgeContextKeys.certificateArn} (ACM, ${edgeRegion}) or ${edgeContextKeys.hostedZoneId} (a certificate validated in that zone)`,
    );
  }
  return { domainName, hostedZoneId: zone, certificateArn, rateLimits: rateLimits(scope) };
}
