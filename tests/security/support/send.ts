import type { LocalCloud } from '../../../infra/local/cloud.ts';
import { partnerOfRoute, type RouteAuth } from '../../../infra/manifest.ts';
import { signedHeaders } from '../../../shared/domain/partners/webhook-signature.ts';
import type { TestResponse } from '../../support/http.ts';

export interface RawRequest {
  method: string;
  path: string;
  auth: RouteAuth;
  /** A Bearer token, for role routes. */
  token?: string;
  rawBody?: string;
  contentType?: string;
}

/**
 * One request with exactly these bytes and content type; on a partner route it is signed with the
 * partner's real secret, so what is tested is what comes after the signature check.
 */
export async function sendRaw(cloud: LocalCloud, req: RawRequest): Promise<TestResponse & { text: string }> {
  const partner = partnerOfRoute(req.auth);
  const secrets = JSON.parse(cloud.env.PARTNER_SECRETS ?? '{}') as Record<string, string>;
  const headers: Record<string, string> = {
    ...(req.contentType ? { 'content-type': req.contentType } : {}),
    ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
    ...(partner ? signedHeaders(secrets[partner] as string, req.rawBody ?? '', new Date()) : {}),
  };
  const response = await fetch(new URL(req.path, cloud.apiUrl), {
    method: req.method,
    headers,
    ...(req.rawBody !== undefined ? { body: req.rawBody } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, headers: response.headers, body, text };
}
