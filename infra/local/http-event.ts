/**
 * API Gateway HTTP API, payload format 2.0: the event a request becomes and the response a
 * handler's result becomes. Details follow AWS's documentation and published captures of real events.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithRequestContext,
} from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { localAccountId } from './lambda.ts';

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Bodies API Gateway passes as text; any other type (or none) arrives base64-encoded. */
const textType = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded)\b)/i;

export function isTextContent(contentType: string | undefined): boolean {
  return contentType !== undefined && textType.test(contentType.trim());
}

/**
 * Claims as the JWT authorizer hands them over: every value a string, arrays as `[a b]`
 * (Go's formatting, space-separated), null claims dropped, nested objects as JSON text.
 */
export function apiGatewayClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    claims[name] = renderClaim(value);
  }
  return claims;
}

function renderClaim(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(renderClaim).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface EventInput {
  req: IncomingMessage;
  url: URL;
  routeKey: string;
  pathParameters: Record<string, string> | undefined;
  body: Buffer;
  claims: Record<string, string> | undefined;
}

/** Public routes have no authorizer: the field is absent, as in a real event. */
export type HttpEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: APIGatewayEventRequestContextJWTAuthorizer }
>;

export function toEvent({ req, url, routeKey, pathParameters, body, claims }: EventInput): HttpEvent {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(',') : value;
    // 2.0 moves cookies out of the headers into their own field.
    if (name === 'cookie') cookies = joined.split(/;\s*/).filter(Boolean);
    else headers[name] = joined;
  }
  const query = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) query.set(key, [...(query.get(key) ?? []), value]);
  const queryStringParameters = query.size
    ? Object.fromEntries([...query].map(([key, values]) => [key, values.join(',')]))
    : undefined;
  const contentType = headers['content-type'];
  const text = isTextContent(contentType);
  const now = new Date();
  const requestId = randomUUID();
  // HTTP APIs hand over the path percent-decoded.
  const rawPath = safeDecode(url.pathname);
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(pathParameters ? { pathParameters } : {}),
    requestContext: {
      accountId: localAccountId,
      apiId: 'local',
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !text,
  };
}

/** Maps a handler's result the way format 2.0 does; throws on a result API Gateway would reject (→ 500). */
export function fromResult(result: unknown): HttpResponse {
  const structured = result !== null && typeof result === 'object' && 'statusCode' in result;
  if (!structured) {
    const body = typeof result === 'string' ? result : (JSON.stringify(result) ?? 'null');
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const { statusCode, headers, body, isBase64Encoded, cookies } = result as {
    statusCode: unknown;
    headers?: Record<string, unknown>;
    body?: unknown;
    isBase64Encoded?: boolean;
    cookies?: unknown;
  };
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new Error(`invalid statusCode ${String(statusCode)}`);
  }
  if (body !== undefined && body !== null && typeof body !== 'string') throw new Error('body must be a string');
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = String(value);
  if (Array.isArray(cookies) && cookies.length) out['set-cookie'] = cookies.map(String);
  const text = typeof body === 'string' ? body : '';
  return { statusCode, headers: out, body: isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text) };
}

export const jsonMessage = (statusCode: number, message: string): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify({ message })),
});

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the access-log time format of requestContext.time. */
function clfTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
