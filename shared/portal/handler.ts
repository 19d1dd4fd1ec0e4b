import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { portalRouter, type PortalDeps } from './router.ts';

/** API Gateway (payload 2.0) to the router and back; the caller stays anonymous until sign-in. */
export function portalHandler(deps: PortalDeps) {
  const route = portalRouter(deps);
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const isForm = (headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
    const raw = event.body
      ? event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body
      : '';
    const response = await route({
      method: event.requestContext.http.method.toUpperCase(),
      path: event.rawPath,
      query: new URLSearchParams(event.rawQueryString ?? ''),
      ...(isForm ? { form: new URLSearchParams(raw) } : {}),
      context: {},
    });
    return { statusCode: response.status, headers: response.headers, body: response.body };
  };
}
