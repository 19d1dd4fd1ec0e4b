/**
 * The gateway's JWT authorizer against forged and broken tokens, and its CORS policy. The CDK side
 * (authorizer issuer and audience, CORS origins from context) is asserted in tests/infra/stacks.test.ts.
 */
import { createHmac } from 'node:crypto';
import { decodeJwt, exportSPKI, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { demoUsers } from '../../infra/local/demo-users.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request } from '../support/http.ts';
import { errorCollector } from './support/leaks.ts';

let cloud: LocalCloud;
let jwk: JWK & { kid: string };
let genuine: JWTPayload;
const collected = errorCollector();
const an = demoUsers.find((u) => u.sub === 'citizen-an') as (typeof demoUsers)[number];

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'ERROR' });
  const jwks = (await request(cloud, 'GET', '/local/.well-known/jwks.json')).body as {
    keys: (JWK & { kid: string })[];
  };
  jwk = jwks.keys[0] as JWK & { kid: string };
  genuine = decodeJwt(await cloud.issueToken(an));
});
afterAll(() => cloud?.stop());

const now = () => Math.floor(Date.now() / 1000);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The claims of a genuine token of citizen-an, fresh: only the signature can be wrong. */
const claimsOfAn = () => ({ ...genuine, iat: now(), exp: now() + 3600 });

async function signedWithAnotherKey(kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claimsOfAn()).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
}

/** HS256 keyed with the issuer's public key, in the forms a confused verifier might use as the secret. */
async function hmacWithPublicKey(form: 'pem' | 'jwk-n'): Promise<string> {
  const pem = await exportSPKI((await importJWK(jwk, 'RS256')) as Parameters<typeof exportSPKI>[0]);
  const secret = form === 'pem' ? pem : String(jwk.n);
  const signingInput = `${b64url({ alg: 'HS256', kid: jwk.kid, typ: 'JWT' })}.${b64url(claimsOfAn())}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

const attacks: [string, () => Promise<string>][] = [
  ['alg none', async () => `${b64url({ alg: 'none', kid: jwk.kid, typ: 'JWT' })}.${b64url(claimsOfAn())}.`],
  ['alg none with a signature', async () => `${b64url({ alg: 'none', kid: jwk.kid })}.${b64url(claimsOfAn())}.c2ln`],
  ['signed with another key under the real kid', () => signedWithAnotherKey(jwk.kid)],
  ['signed with another key under an unknown kid', () => signedWithAnotherKey('attacker-key')],
  ['HS256 keyed with the public key (PEM)', () => hmacWithPublicKey('pem')],
  ['HS256 keyed with the public key (modulus)', () => hmacWithPublicKey('jwk-n')],
  [
    'a real token with its payload swapped (roles: admin)',
    async () => {
      const [header, , signature] = (await cloud.issueToken(an)).split('.');
      return `${header}.${b64url({ ...claimsOfAn(), roles: ['admin'] })}.${signature}`;
    },
  ],
  ['expired', () => cloud.issueToken(an, { issuedAt: now() - 7200, expiresInSeconds: 60 })],
  ['not yet valid', () => cloud.issueToken(an, { notBefore: now() + 3600 })],
  ['issued in the future', () => cloud.issueToken(an, { issuedAt: now() + 3600 })],
  ['from another issuer', () => cloud.issueToken(an, { issuer: 'https://evil.example/local' })],
  ['for another audience', () => cloud.issueToken(an, { audience: 'another-app' })],
  ['garbage', async () => 'garbage'],
  ['three garbage segments', async () => 'a.b.c'],
  ['an empty bearer', async () => ' '],
];

describe('the JWT authorizer', () => {
  it('lets a genuine token through (so the refusals below mean something)', async () => {
    const token = await cloud.issueToken(an);
    expect((await request(cloud, 'GET', '/v1/me/dossiers', { token })).status).toBe(200);
  });

  it.each(attacks)('refuses a token %s with 401, on reads and on writes', async (_label, forge) => {
    const token = await forge();
    const read = await request(cloud, 'GET', '/v1/me/dossiers', { headers: { authorization: `Bearer ${token}` } });
    const write = await request(cloud, 'POST', '/v1/dossiers', {
      headers: { authorization: `Bearer ${token}` },
      body: birthRegistration(),
    });
    for (const response of [read, write]) {
      collected.add('token attack', response.status, response.body);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });
});

describe('CORS at the local gateway', () => {
  const preflight = (origin: string) =>
    fetch(new URL('/v1/dossiers', cloud.apiUrl), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });

  it('answers a preflight from a local dev server with the allowed methods and headers', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each([
    'https://evil.example',
    'http://evil.example',
    'https://localhost:5173',
    'null',
    'http://localhost.evil.example',
  ])('grants nothing to %s, on a preflight or a plain request', async (origin) => {
    const answer = await preflight(origin);
    const plain = await fetch(new URL('/v1/procedures', cloud.apiUrl), { headers: { origin } });
    for (const response of [answer, plain]) {
      const granted = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
      expect(granted).toEqual([]);
    }
    expect(plain.status).toBe(200);
  });
});

describe('error bodies', () => {
  it('leak no stack trace, path, request id, table name, key or exception class', () => {
    expect(collected.errors.length).toBeGreaterThanOrEqual(attacks.length * 2);
    expect(collected.leaks(cloud.tableName)).toEqual([]);
  });
});
