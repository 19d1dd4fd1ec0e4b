/**
 * The local identity provider: signs tokens for the demo users and verifies them with the checks
 * API Gateway's JWT authorizer makes (kid, alg, iss, aud or client_id, exp, nbf, iat).
 */
import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { DemoUser } from './demo-users.ts';

export const localAudience = 'egov-one-stop';
const algorithm = 'RS256';
const lifetimeSeconds = 12 * 3600;

export interface IssueOptions {
  /** Seconds since the epoch; defaults to now. */
  issuedAt?: number;
  expiresInSeconds?: number;
  notBefore?: number;
  audience?: string;
  issuer?: string;
  /** Merged over the standard claims, e.g. to test how a gateway renders odd claim types. */
  claims?: Record<string, unknown>;
}

export interface LocalJwt {
  readonly issuer: string;
  readonly audience: string;
  readonly kid: string;
  readonly jwks: JSONWebKeySet;
  issueToken(user: DemoUser, options?: IssueOptions): Promise<string>;
  /** Resolves the verified claims, rejects on any failed check. */
  verify(token: string): Promise<JWTPayload>;
}

export interface LocalJwtOptions {
  /** A function when the issuer depends on a port not yet known (it is `<apiUrl>/local`). */
  issuer: string | (() => string);
  audience?: string;
}

export async function createLocalJwt(options: LocalJwtOptions): Promise<LocalJwt> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  const kid = `local-${randomUUID()}`;
  const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: algorithm, use: 'sig' }] };
  const keySet = createLocalJWKSet(jwks);
  const audience = options.audience ?? localAudience;
  const issuerOf = typeof options.issuer === 'string' ? () => options.issuer as string : options.issuer;

  return {
    get issuer() {
      return issuerOf();
    },
    audience,
    kid,
    jwks,
    issueToken(user, opts = {}) {
      const iat = opts.issuedAt ?? Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({
        name: user.name,
        roles: [...user.roles],
        ...(user.agencyId ? { agencyId: user.agencyId } : {}),
        ...(user.phone ? { phone_number: user.phone, phone_number_verified: true } : {}),
        ...(user.email ? { email: user.email, email_verified: true } : {}),
        ...opts.claims,
      })
        .setProtectedHeader({ alg: algorithm, kid, typ: 'JWT' })
        .setSubject(user.sub)
        .setIssuer(opts.issuer ?? issuerOf())
        .setAudience(opts.audience ?? audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + (opts.expiresInSeconds ?? lifetimeSeconds))
        .setJti(randomUUID());
      if (opts.notBefore !== undefined) jwt.setNotBefore(opts.notBefore);
      return jwt.sign(privateKey);
    },
    async verify(token) {
      const { payload, protectedHeader } = await jwtVerify(token, keySet, {
        issuer: issuerOf(),
        algorithms: [algorithm],
        requiredClaims: ['exp'],
      });
      // createLocalJWKSet would accept a kid-less token when the set holds one key; API Gateway does not.
      if (protectedHeader.kid !== kid) throw new Error('unknown kid');
      const now = Math.floor(Date.now() / 1000);
      if (typeof payload.iat === 'number' && payload.iat > now) throw new Error('iat is in the future');
      const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
      // API Gateway accepts `client_id` in place of `aud` (access tokens of some providers carry no aud).
      const audienceOk = payload.aud === undefined ? payload.client_id === audience : audiences.includes(audience);
      if (!audienceOk) throw new Error('audience mismatch');
      return payload;
    },
  };
}
