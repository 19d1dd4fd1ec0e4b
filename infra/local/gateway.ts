/**
 * API Gateway HTTP API, emulated: the manifest's routes, the JWT authorizer, CORS and payload
 * format 2.0, invoking the handlers in-process. Plus a few /local helper routes no deployment has.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { problemResponse, problems } from '../../shared/http/problem.ts';
import { type FunctionName, type HttpMethod, httpRoutes, type RouteAuth, usesToken } from '../manifest.ts';
import { type DemoUser, demoUsers } from './demo-users.ts';
import { generatedStaff } from './seed-agencies.ts';
import { apiGatewayClaims, fromResult, type HttpResponse, jsonMessage, toEvent } from './http-event.ts';
import type { LocalJwt } from './jwt.ts';
import type { Invoker } from './lambda.ts';
import type { Log } from './log.ts';
import { createLocalOidc, type LocalOidc, type LocalRequest } from './oidc.ts';

export interface GatewayRoute {
  name: FunctionName;
  method: HttpMethod;
  path: string;
  /** `GET /v1/dossiers/{code}`, as in the CDK template's route keys. */
  routeKey: string;
  auth: RouteAuth;
}

/** The routes the gateway mounts, straight from the manifest: a parity test compares them with the template. */
export function gatewayRoutes(): GatewayRoute[] {
  return httpRoutes.map(({ name, method, path, auth }) => ({
    name,
    method,
    path,
    routeKey: `${method} ${path}`,
    auth,
  }));
}

export interface CorsOptions {
  /** Exact origins or patterns with `*`, e.g. `http://localhost:*`. */
  allowOrigins: readonly string[];
  allowHeaders?: readonly string[];
  allowMethods?: readonly string[];
  exposeHeaders?: readonly string[];
  maxAgeSeconds?: number;
  allowCredentials?: boolean;
}

/** As the API stack's corsPreflight (infra/stacks/api.ts), except the origins: any local dev server. */
export const localCors: CorsOptions = {
  allowOrigins: ['http://localhost:*', 'http://127.0.0.1:*'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  exposeHeaders: ['location', 'retry-after'],
  maxAgeSeconds: 3600,
};

export interface GatewayOptions {
  invoker: Invoker;
  jwt: LocalJwt;
  log: Log;
  /** Who may get a token from POST /local/token, listed by GET /local/users; the named demo users by default. */
  users?: readonly DemoUser[];
  /**
   * Who else may sign in (a token, the sign-in page's staff list) without being listed: by default the
   * generated staff of the demo province when `users` is the default, none otherwise.
   */
  staff?: readonly DemoUser[];
  cors?: CorsOptions | false;
}

export interface Gateway {
  readonly server: Server;
  /** Resolves the base URL, e.g. `http://127.0.0.1:3000`. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** API Gateway's payload limit for HTTP APIs. */
export const maxBodyBytes = 10 * 1024 * 1024;

interface CompiledRoute extends GatewayRoute {
  segments: string[];
}

export function createGateway(options: GatewayOptions): Gateway {
  const routes = compile(gatewayRoutes());
  const users = options.users ?? demoUsers;
  const staff = options.staff ?? (options.users ? [] : generatedStaff);
  const cors = options.cors === undefined ? localCors : options.cors;
  const oidc = createLocalOidc({ jwt: options.jwt, users, staff });

  const handle = async (req: IncomingMessage, url: URL): Promise<HttpResponse> => {
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS' && cors && req.headers.origin && req.headers['access-control-request-method']) {
      return preflight(cors, req.headers.origin);
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return jsonMessage(413, 'Request Entity Too Large');
    const body = await readBody(req);
    if (!body) return jsonMessage(413, 'Request Entity Too Large');
    if (url.pathname.startsWith('/local/')) {
      const local = { method, url, body, contentType: req.headers['content-type'] };
      return localRoute(local, options.jwt, { users, staff }, oidc);
    }

    const match = matchRoute(routes, method, url.pathname);
    if (!match) return jsonMessage(404, 'Not Found');
    let claims: Record<string, string> | undefined;
    if (usesToken(match.route.auth)) {
      const token = bearerToken(req.headers.authorization);
      try {
        if (!token) throw new Error('no bearer token');
        claims = apiGatewayClaims(await options.jwt.verify(token));
      } catch (error) {
        options.log('DEBUG', `401 ${match.route.routeKey}: ${(error as Error).message}`);
        return unauthorized();
      }
    }
    const event = toEvent({ req, url, routeKey: match.route.routeKey, pathParameters: match.params, body, claims });
    try {
      const response = fromResult(await options.invoker.invoke(match.route.name, event));
      if (cors) dropCorsHeaders(response);
      response.headers['apigw-requestid'] = event.requestContext.requestId;
      return response;
    } catch (error) {
      options.log('ERROR', `${match.route.name} failed: ${match.route.routeKey}`, error);
      return jsonMessage(500, 'Internal Server Error');
    }
  };

  const server = createServer((req, res) => {
    // Prefixed rather than resolved against a base, so a path like `//x` stays a path.
    const url = new URL(`http://local${req.url ?? '/'}`);
    handle(req, url)
      .catch((error: unknown) => {
        options.log('ERROR', 'gateway failure', error);
        return jsonMessage(500, 'Internal Server Error');
      })
      .then((response) => send(res, withCors(response, cors, req.headers.origin)))
      .catch((error: unknown) => {
        // A header node refuses to send (a character outside Latin-1, a newline): answer 500, keep serving.
        options.log('ERROR', 'gateway could not send the answer', error);
        sendFailure(res);
      });
  });

  return {
    server,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(`http://${host}:${(server.address() as AddressInfo).port}`);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
    },
  };
}

function compile(routes: GatewayRoute[]): CompiledRoute[] {
  const compiled = routes.map((route) => ({ ...route, segments: route.path.split('/').slice(1) }));
  // API Gateway picks the most specific route: a literal segment beats a {param}, which beats {proxy+}.
  const rank = (s: string) => (s.endsWith('+}') ? 2 : s.startsWith('{') ? 1 : 0);
  return compiled.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const diff = rank(a.segments[i] ?? '{+}') - rank(b.segments[i] ?? '{+}');
      if (diff !== 0) return diff;
    }
    return 0;
  });
}

function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  pathname: string,
): { route: CompiledRoute; params: Record<string, string> | undefined } | undefined {
  const parts = pathname.split('/').slice(1);
  for (const route of routes) {
    if (route.method !== method && route.method !== 'ANY') continue;
    const params = matchSegments(route.segments, parts);
    if (params) return { route, params: Object.keys(params).length ? params : undefined };
  }
  return undefined;
}

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of template.entries()) {
    const part = parts[i];
    if (segment.startsWith('{') && segment.endsWith('+}')) {
      const rest = parts.slice(i);
      if (!rest.join('')) return undefined;
      params[segment.slice(1, -2)] = decode(rest.join('/'));
      return params;
    }
    if (part === undefined || part === '') return undefined;
    if (segment.startsWith('{')) params[segment.slice(1, -1)] = decode(part);
    else if (decode(part) !== segment) return undefined;
  }
  return parts.length === template.length ? params : undefined;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  // The authorizer's identity source is the Authorization header; a `Bearer ` prefix is optional.
  const token = header?.replace(/^Bearer\s+/i, '').trim();
  return token || undefined;
}

function unauthorized(): HttpResponse {
  const response = jsonMessage(401, 'Unauthorized');
  response.headers['www-authenticate'] = 'Bearer';
  return response;
}

/** JSON helpers, and the OpenID Connect provider's pages, redirects and token endpoint (oidc.ts). */
async function localRoute(
  request: LocalRequest,
  jwt: LocalJwt,
  people: { users: readonly DemoUser[]; staff: readonly DemoUser[] },
  oidc: LocalOidc,
): Promise<HttpResponse> {
  const { users, staff } = people;
  const { method, body } = request;
  const path = request.url.pathname;
  const oidcResponse = await oidc.handle(request);
  if (oidcResponse) return oidcResponse;
  const json = (statusCode: number, value: unknown): HttpResponse => ({
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(value)),
  });
  if (method === 'GET' && path === '/local/users') return json(200, users);
  if (method === 'GET' && path === '/local/.well-known/jwks.json') return json(200, jwt.jwks);
  if (method === 'POST' && path === '/local/token') {
    let sub: unknown;
    try {
      sub = (JSON.parse(body.toString('utf8') || '{}') as { sub?: unknown }).sub;
    } catch {
      return jsonMessage(400, 'Body must be JSON: {"sub": "<demo user sub>"}');
    }
    const user = users.find((u) => u.sub === sub) ?? staff.find((u) => u.sub === sub);
    if (!user) return jsonMessage(404, `Unknown demo user; see GET /local/users`);
    return json(200, { token: await jwt.issueToken(user) });
  }
  return jsonMessage(404, 'Not Found');
}

/** Resolves undefined when the body exceeds the limit (a missing content-length lets it stream that far). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function originAllowed(cors: CorsOptions, origin: string): boolean {
  return cors.allowOrigins.some((pattern) => {
    if (pattern === '*' || pattern === origin) return true;
    const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`);
    return regex.test(origin);
  });
}

function preflight(cors: CorsOptions, origin: string): HttpResponse {
  const response: HttpResponse = { statusCode: 204, headers: {}, body: Buffer.alloc(0) };
  if (!originAllowed(cors, origin)) return response;
  const h = response.headers;
  if (cors.allowMethods?.length) h['access-control-allow-methods'] = cors.allowMethods.join(',');
  if (cors.allowHeaders?.length) h['access-control-allow-headers'] = cors.allowHeaders.join(',');
  if (cors.maxAgeSeconds !== undefined) h['access-control-max-age'] = String(cors.maxAgeSeconds);
  return response;
}

/** With CORS configured, API Gateway sets the CORS headers itself and ignores the integration's. */
function dropCorsHeaders(response: HttpResponse): void {
  for (const name of Object.keys(response.headers)) {
    if (name.startsWith('access-control-')) delete response.headers[name];
  }
}

function withCors(response: HttpResponse, cors: CorsOptions | false, origin: string | undefined): HttpResponse {
  if (!cors || !origin || !originAllowed(cors, origin)) return response;
  const h = response.headers;
  h['access-control-allow-origin'] = origin;
  h.vary = 'origin';
  if (cors.allowCredentials) h['access-control-allow-credentials'] = 'true';
  if (cors.exposeHeaders?.length) h['access-control-expose-headers'] = cors.exposeHeaders.join(',');
  return response;
}

function send(res: ServerResponse, response: HttpResponse): void {
  res.writeHead(response.statusCode, { ...response.headers, 'content-length': String(response.body.length) });
  res.end(response.body);
}

/** The last resort once an answer could not be sent: a plain problem+json 500, if the headers are not gone yet. */
function sendFailure(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const answer = problemResponse(problems.internal());
  const body = Buffer.from(answer.body ?? '');
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(500, { ...answer.headers, 'content-length': String(body.length) });
  res.end(body);
}
