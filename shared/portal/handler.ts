import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { admitFromEdge, type OriginSecret } from '../http/edge-origin.ts';
import { Problem } from '../http/problem.ts';
import type { PortalDeps } from './deps.ts';
import { portalRoutes } from './routes/index.ts';
import type { PortalRequest } from './route.ts';
import { portalRouter } from './router.ts';
import { readCookies } from './session.ts';

/**
 * API Gateway (payload 2.0) to the router and back. `publicUrl` is the deployment's public URL (config
 * PUBLIC_URL): the origin the portal calls the API at, signs people in to and checks forms' Origin
 * against. Never the Host a request names: a forged Host would otherwise send a person's token, or the
 * sign-in's redirect, to a server of the sender's choosing. `originSecret`: behind the edge, what
 * CloudFront sends (shared/http/edge-origin.ts): a page asked past it is refused, and the look-up counts
 * against the viewer's address rather than CloudFront's.
 */
export function portalHandler(deps: PortalDeps, settings: { publicUrl: string; originSecret?: OriginSecret }) {
  const route = portalRouter(deps, portalRoutes);
  const origin = new URL(settings.publicUrl).origin;
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    if (settings.originSecret) {
      const refused = await admitFromEdge(event, settings.originSecret).then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof Problem) return error;
          throw error;
        },
      );
      if (refused) {
        return {
          statusCode: refused.status,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          body: `${refused.title}. ${refused.detail ?? ''}`,
        };
      }
    }
    const request = await toRequest(event, origin);
    const response = await route(request);
    return {
      statusCode: response.status,
      headers: response.headers,
      body: response.body,
      ...(response.isBase64Encoded ? { isBase64Encoded: true } : {}),
      ...(response.cookies ? { cookies: response.cookies } : {}),
    };
  };
}

async function toRequest(event: APIGatewayProxyEventV2, origin: string): Promise<PortalRequest> {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const contentType = (headers['content-type'] ?? '').toLowerCase();
  const raw = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  const request: PortalRequest = {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    query: new URLSearchParams(event.rawQueryString ?? ''),
    cookies: readCookies(event.cookies),
    origin,
    headers,
    sourceIp: event.requestContext.http.sourceIp,
  };
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { ...request, form: new URLSearchParams(raw.toString('utf8')) };
  }
  if (contentType.startsWith('multipart/form-data')) {
    // The platform's own multipart parser (undici's), not one more dependency.
    const form = await new Response(raw, { headers: { 'content-type': headers['content-type'] ?? '' } })
      .formData()
      .catch(() => undefined);
    return form ? { ...request, multipart: form } : request;
  }
  return request;
}
