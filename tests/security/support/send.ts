import type { LocalCloud } from '../../../infra/local/cloud.ts';
import { partnerOfRoute, type RouteAuth } from '../../../infra/manifest.ts';
import { signedHeaders } from '../../../shared/domain/partners/webhook-signature.ts';
import { apiClient } from '../../../shared/http/api-client.ts';
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

/** What fetch labels a text body with when nobody says: what the client sends when the test names no type. */
const plainText = 'text/plain;charset=UTF-8';

/**
 * One request with exactly these bytes and content type; on a partner route it is signed with the
 * partner's real secret, so what is tested is what comes after the signature check.
 */
export async function sendRaw(cloud: LocalCloud, req: RawRequest): Promise<TestResponse & { text: string }> {
  const partner = partnerOfRoute(req.auth);
  const secrets = JSON.parse(cloud.env.PARTNER_SECRETS ?? '{}') as Record<string, string>;
  const contentType = req.contentType || (req.rawBody === undefined ? undefined : plainText);
  return apiClient(cloud.apiUrl, req.token).call(req.method, req.path, {
    ...(req.rawBody === undefined ? {} : { rawBody: req.rawBody }),
    headers: {
      ...(contentType ? { 'content-type': contentType } : {}),
      ...(partner ? signedHeaders(secrets[partner] as string, req.rawBody ?? '', new Date()) : {}),
    },
  });
}
