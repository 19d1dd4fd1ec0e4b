import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { type DemoUser, demoUsers } from '../../../infra/local/demo-users.ts';
import { gatewayRoutes } from '../../../infra/local/gateway.ts';
import { createLocalJwt } from '../../../infra/local/jwt.ts';
import { type FunctionName, httpRoutes, specOf } from '../../../infra/manifest.ts';

interface Call {
  name: FunctionName;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
  context: Context;
}

const calls: Call[] = [];
let cloud: LocalCloud;

const user = (sub: string): DemoUser => {
  const found = demoUsers.find((u) => u.sub === sub);
  if (!found) throw new Error(sub);
  return found;
};
const citizen = user('citizen-an');

/** One fake for every HTTP function: it records the event and answers as the `x-mode` header asks. */
function fakeHttpHandler(name: FunctionName) {
  return async (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => {
    calls.push({ name, event, context });
    switch (event.headers['x-mode']) {
      case 'throw':
        throw new Error('boom');
      case 'plain-object':
        return { hello: 'world' };
      case 'string':
        return 'just text';
      case 'bad-status':
        return { statusCode: 'teapot' };
      case 'unsendable-header':
        // A character outside Latin-1 cannot go in an HTTP header: node's writeHead throws.
        return { statusCode: 303, headers: { location: '/portal/\u3002' }, body: '' };
      case 'cookies':
        return { statusCode: 201, headers: { 'X-Custom': 'yes' }, cookies: ['a=1; Path=/', 'b=2'], body: '' };
      case 'binary':
        return { statusCode: 200, headers: { 'content-type': 'image/png' }, isBase64Encoded: true, body: 'AAEC/w==' };
      default:
        return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) };
    }
  };
}

beforeAll(async () => {
  cloud = await startLocalCloud({
    pollers: false,
    scheduler: false,
    logLevel: 'SILENT',
    loadHandler: async (name) => fakeHttpHandler(name) as never,
  });
});

afterAll(() => cloud?.stop());

const lastCall = (): Call => {
  const call = calls.at(-1);
  if (!call) throw new Error('no handler call');
  return call;
};

async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  return fetch(`${cloud.apiUrl}${path}`, { ...init, headers });
}

describe('routes', () => {
  it('mounts exactly the manifest httpRoutes', () => {
    const manifestKeys = httpRoutes.map((r) => `${r.method} ${r.path}`).sort();
    expect(
      gatewayRoutes()
        .map((r) => r.routeKey)
        .sort(),
    ).toEqual(manifestKeys);
    expect(gatewayRoutes().map(({ method, path }) => ({ method, path }))).toEqual(
      expect.arrayContaining(httpRoutes.map(({ method, path }) => ({ method, path }))),
    );
  });

  it('routes every mounted route key to its own function', async () => {
    const token = await cloud.issueToken(citizen);
    for (const route of gatewayRoutes()) {
      const path = route.path.replace(/\{[^}]+\}/g, 'X1');
      // Node's HTTP server knows no `ANY` method: an ANY route is reached by any real one.
      const method = route.method === 'ANY' ? 'POST' : route.method;
      const res = await call(path, { method, token, body: method === 'GET' ? undefined : '{}' });
      expect(res.status, route.routeKey).toBe(200);
      expect(lastCall().name).toBe(route.name);
      expect(lastCall().event.routeKey).toBe(route.routeKey);
    }
  });

  it('extracts and decodes path parameters', async () => {
    const res = await call('/v1/dossiers/G24.STP-250101%2F0001', { token: await cloud.issueToken(citizen) });
    expect(res.status).toBe(200);
    const { event } = lastCall();
    expect(event.routeKey).toBe('GET /v1/dossiers/{code}');
    expect(event.pathParameters).toEqual({ code: 'G24.STP-250101/0001' });
  });

  it.each([
    ['GET', '/v1/nothing-here'],
    ['GET', '/v1/dossiers'],
    ['DELETE', '/v1/health'],
    ['GET', '/v1/dossiers/a/b'],
    ['GET', '/v1/health/'],
  ])('answers 404 Not Found to %s %s, as API Gateway does', async (method, path) => {
    const before = calls.length;
    const res = await call(path, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not Found' });
    expect(calls.length).toBe(before);
  });
});

describe('JWT authorizer', () => {
  const protectedPath = '/v1/me/notifications';

  async function expectUnauthorized(init: RequestInit & { token?: string }) {
    const before = calls.length;
    const res = await call(protectedPath, init);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Unauthorized' });
    expect(calls.length).toBe(before);
  }

  it('refuses a request without a token', () => expectUnauthorized({}));

  it('refuses a malformed token', () => expectUnauthorized({ token: 'not-a-jwt' }));

  it('refuses an expired token', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - 13 * 3600;
    await expectUnauthorized({ token: await cloud.issueToken(citizen, { issuedAt }) });
  });

  it('refuses a token not yet valid', async () => {
    const notBefore = Math.floor(Date.now() / 1000) + 3600;
    await expectUnauthorized({ token: await cloud.issueToken(citizen, { notBefore }) });
  });

  it('refuses a token for another audience', async () => {
    await expectUnauthorized({ token: await cloud.issueToken(citizen, { audience: 'someone-else' }) });
  });

  it('refuses a token from another issuer', async () => {
    await expectUnauthorized({ token: await cloud.issueToken(citizen, { issuer: 'https://evil.example/local' }) });
  });

  it('refuses a token signed by another key, even with the same issuer', async () => {
    const other = await createLocalJwt({ issuer: `${cloud.apiUrl}/local` });
    await expectUnauthorized({ token: await other.issueToken(citizen) });
  });

  it('refuses an unsigned token', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const payload = { sub: 'citizen-an', iss: `${cloud.apiUrl}/local`, aud: 'egov-one-stop', iat: now, exp: now + 60 };
    await expectUnauthorized({ token: `${b64({ alg: 'none' })}.${b64(payload)}.` });
  });

  it('accepts the token without the Bearer prefix, as the authorizer does', async () => {
    const token = await cloud.issueToken(citizen);
    const res = await fetch(`${cloud.apiUrl}${protectedPath}`, { headers: { authorization: token } });
    expect(res.status).toBe(200);
  });

  it('hands the claims over as API Gateway does: every value a string, arrays as "[a b]"', async () => {
    // Two roles, to see how API Gateway hands an array over.
    const lan = { ...user('receiver-lan'), roles: ['receiver', 'specialist'] as const };
    const res = await call(protectedPath, { token: await cloud.issueToken(lan) });
    expect(res.status).toBe(200);
    const { authorizer } = lastCall().event.requestContext;
    const claims = authorizer.jwt.claims;
    expect(claims).toMatchObject({
      sub: 'receiver-lan',
      name: 'Đỗ Thị Lan',
      roles: '[receiver specialist]',
      agencyId: '24.07210.TTPVHCC',
      aud: 'egov-one-stop',
      iss: `${cloud.apiUrl}/local`,
    });
    expect(claims.iat).toMatch(/^\d+$/);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(12 * 3600);
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
    expect(authorizer.jwt.scopes).toBeNull();
  });

  it('renders single-role arrays, booleans, numbers and objects like API Gateway, and drops null claims', async () => {
    const token = await cloud.issueToken(citizen, {
      claims: { flag: true, level: 3, nested: { a: 1 }, gone: null, empty: [] },
    });
    await call(protectedPath, { token });
    const claims = lastCall().event.requestContext.authorizer.jwt.claims;
    expect(claims).toMatchObject({ roles: '[citizen]', flag: 'true', level: '3', nested: '{"a":1}', empty: '[]' });
    expect(claims).not.toHaveProperty('gone');
    expect(claims).not.toHaveProperty('agencyId');
  });

  it('lets anyone through a public route, with no authorizer in the event', async () => {
    const res = await call('/v1/health', { token: 'garbage-is-ignored-on-public-routes' });
    expect(res.status).toBe(200);
    expect(lastCall().event.requestContext).not.toHaveProperty('authorizer');
  });
});

describe('payload format 2.0 event', () => {
  it('carries the request as API Gateway would', async () => {
    const token = await cloud.issueToken(citizen);
    const res = await call('/v1/dossiers?limit=5&tag=a&tag=b', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json', 'X-Trace-Me': 'yes', cookie: 'session=abc; theme=dark' },
      body: JSON.stringify({ procedureCode: '1.001' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('apigw-requestid')).toBeTruthy();
    const { event, context } = lastCall();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/dossiers',
      rawPath: '/v1/dossiers',
      rawQueryString: 'limit=5&tag=a&tag=b',
      queryStringParameters: { limit: '5', tag: 'a,b' },
      cookies: ['session=abc', 'theme=dark'],
      body: '{"procedureCode":"1.001"}',
      isBase64Encoded: false,
    });
    expect(event.headers['x-trace-me']).toBe('yes');
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.headers.authorization).toBe(`Bearer ${token}`);
    expect(event.pathParameters).toBeUndefined();
    expect(event.requestContext).toMatchObject({
      stage: '$default',
      routeKey: 'POST /v1/dossiers',
      http: { method: 'POST', path: '/v1/dossiers', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
    });
    expect(event.requestContext.requestId).toBe(res.headers.get('apigw-requestid'));
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(typeof event.requestContext.timeEpoch).toBe('number');

    expect(context.functionName).toBe('submit-dossier');
    expect(context.memoryLimitInMB).toBe(String(specOf('submit-dossier').memoryMb));
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    const remaining = context.getRemainingTimeInMillis();
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(specOf('submit-dossier').timeoutSeconds * 1000);
  });

  it('base64-encodes a binary body', async () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    await call('/v1/dossiers', {
      method: 'POST',
      token: await cloud.issueToken(citizen),
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const { event } = lastCall();
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(bytes);
  });

  it('answers 413 above 10 MB without invoking the handler', async () => {
    const before = calls.length;
    const res = await call('/v1/dossiers', {
      method: 'POST',
      token: await cloud.issueToken(citizen),
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    });
    expect(res.status).toBe(413);
    expect(calls.length).toBe(before);
  });
});

describe('handler results', () => {
  const get = (mode: string) => call('/v1/health', { headers: { 'x-mode': mode } });

  it('turns a result without statusCode into 200 JSON', async () => {
    const res = await get('plain-object');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ hello: 'world' });
  });

  it('passes a string result through as the body', async () => {
    const res = await get('string');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('just text');
  });

  it('answers 500 problem+json, and keeps serving, when a handler returns a header node cannot send', async () => {
    const res = await get('unsendable-header');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('internal-error');
    expect((await get('plain-object')).status).toBe(200);
  });

  it('sends cookies as Set-Cookie headers, and the handler’s headers', async () => {
    const res = await get('cookies');
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(res.headers.get('x-custom')).toBe('yes');
  });

  it('decodes a base64 body', async () => {
    const res = await get('binary');
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it.each(['throw', 'bad-status'])('answers 500 Internal Server Error when the handler fails (%s)', async (mode) => {
    const res = await get(mode);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Internal Server Error' });
  });
});

describe('CORS', () => {
  it('answers a preflight from a local origin', async () => {
    const res = await fetch(`${cloud.apiUrl}/v1/dossiers`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('does not allow a foreign origin', async () => {
    const res = await fetch(`${cloud.apiUrl}/v1/dossiers`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds the allow-origin header to actual responses', async () => {
    const res = await call('/v1/health', { headers: { origin: 'http://127.0.0.1:8080' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
  });
});

describe('local helper routes', () => {
  it('lists the demo users', async () => {
    const res = await fetch(`${cloud.apiUrl}/local/users`);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(demoUsers)));
  });

  it('issues a token to the generated staff too, without listing them', async () => {
    const listed = (await (await fetch(`${cloud.apiUrl}/local/users`)).json()) as { sub: string }[];
    expect(listed.map((u) => u.sub)).not.toContain('receiver-24-07228-ttpvhcc-1');
    const res = await fetch(`${cloud.apiUrl}/local/token`, {
      method: 'POST',
      body: '{"sub":"receiver-24-07228-ttpvhcc-1"}',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token: string }).token).toEqual(expect.any(String));
  });

  it('issues a token for a demo user that the gateway accepts', async () => {
    const res = await fetch(`${cloud.apiUrl}/local/token`, { method: 'POST', body: '{"sub":"leader-tuan"}' });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect((await call('/v1/me/notifications', { token })).status).toBe(200);
    expect(lastCall().event.requestContext.authorizer.jwt.claims).toMatchObject({
      sub: 'leader-tuan',
      roles: '[leader]',
      agencyId: '24.STP',
    });
  });

  it('refuses an unknown user', async () => {
    const res = await fetch(`${cloud.apiUrl}/local/token`, { method: 'POST', body: '{"sub":"nobody"}' });
    expect(res.status).toBe(404);
  });

  it('publishes the JWKS that verifies its tokens under <apiUrl>/local', async () => {
    const jwks = (await (await fetch(`${cloud.apiUrl}/local/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const token = await cloud.issueToken(citizen);
    expect(jwks.keys[0]?.kid).toBe(decodeProtectedHeader(token).kid);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: `${cloud.apiUrl}/local`,
      audience: 'egov-one-stop',
    });
    expect(payload.sub).toBe('citizen-an');
  });
});
