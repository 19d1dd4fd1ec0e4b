import { createHash, timingSafeEqual } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Role } from '../domain/caller.ts';
import { callerFromClaims } from '../http/caller-from-claims.ts';
import { portalPrefix } from './paths.ts';

/**
 * The signed-in person, as the portal shows them. The claims are decoded, not verified: the portal makes
 * no decision on them beyond which links to show. Every read and change goes to the API with the token,
 * whose authorizer verifies it, so a forged cookie gets the person nothing but error pages.
 */
export interface Session {
  token: string;
  sub: string;
  name: string;
  roles: readonly Role[];
  agencyId?: string;
  /** Seconds since the epoch. */
  expiresAt: number;
  /** The form token of this session (CSRF): hidden in every form a signed-in person posts. */
  csrf: string;
}

/** `__Host-` binds a cookie to this host over HTTPS (no subdomain can set it); plain names on http://localhost. */
const cookieName = (base: string, secure: boolean) => (secure ? `__Host-${base}` : base);
const sessionCookie = 'egov-session';
const signInCookie = 'egov-signin';

export const csrfField = '_csrf';

export function readCookies(cookies: readonly string[] | undefined): Record<string, string | undefined> {
  return parseCookie((cookies ?? []).join('; '));
}

/**
 * A token the attacker's page cannot know, derived from the session cookie it cannot read: forms carry it,
 * and a post without it is refused. Stateless, and it changes with every sign-in.
 */
export const csrfTokenOf = (token: string): string =>
  createHash('sha256').update(`egov-portal-csrf:${token}`).digest('base64url');

export function csrfMatches(session: Session, submitted: string | null | undefined): boolean {
  if (!submitted) return false;
  const expected = Buffer.from(session.csrf);
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function decodeClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function sessionOf(
  cookies: Record<string, string | undefined>,
  secure: boolean,
  nowSeconds: number,
): Session | undefined {
  const token = cookies[cookieName(sessionCookie, secure)];
  return token ? sessionFromToken(token, nowSeconds) : undefined;
}

/** Undefined for a token that is not a JWT with a subject, or has expired. */
export function sessionFromToken(token: string, nowSeconds: number): Session | undefined {
  const claims = decodeClaims(token);
  const caller = callerFromClaims(claims as Parameters<typeof callerFromClaims>[0], 'jwt');
  const expiresAt = typeof claims?.exp === 'number' ? claims.exp : 0;
  if (!caller || expiresAt <= nowSeconds) return undefined;
  return {
    token,
    sub: caller.sub,
    name: typeof claims?.name === 'string' && claims.name ? claims.name : caller.sub,
    roles: caller.roles,
    ...(caller.agencyId ? { agencyId: caller.agencyId } : {}),
    expiresAt,
    csrf: csrfTokenOf(token),
  };
}

const base = (secure: boolean) => ({
  path: secure ? '/' : portalPrefix,
  httpOnly: true,
  secure,
  sameSite: 'lax' as const,
});

export const sessionSetCookie = (token: string, maxAgeSeconds: number, secure: boolean): string =>
  stringifySetCookie({ name: cookieName(sessionCookie, secure), value: token, maxAge: maxAgeSeconds, ...base(secure) });

export const sessionClearCookie = (secure: boolean): string =>
  stringifySetCookie({ name: cookieName(sessionCookie, secure), value: '', maxAge: 0, ...base(secure) });

/** What the sign-in keeps between the redirect to the provider and its return: ten minutes at most. */
export interface SignInFlow {
  state: string;
  verifier: string;
  nonce: string;
  /** A portal path to go back to after sign-in. */
  returnTo: string;
}

export const signInFlowSetCookie = (flow: SignInFlow, secure: boolean): string =>
  stringifySetCookie({
    name: cookieName(signInCookie, secure),
    value: Buffer.from(JSON.stringify(flow)).toString('base64url'),
    maxAge: 600,
    ...base(secure),
  });

export const signInFlowClearCookie = (secure: boolean): string =>
  stringifySetCookie({ name: cookieName(signInCookie, secure), value: '', maxAge: 0, ...base(secure) });

export function signInFlowOf(cookies: Record<string, string | undefined>, secure: boolean): SignInFlow | undefined {
  const raw = cookies[cookieName(signInCookie, secure)];
  if (!raw) return undefined;
  try {
    const flow = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<SignInFlow>;
    const fields = [flow.state, flow.verifier, flow.nonce, flow.returnTo];
    if (!fields.every((f) => typeof f === 'string' && f.length > 0 && f.length < 2048)) return undefined;
    return flow as SignInFlow;
  } catch {
    return undefined;
  }
}

/** Only a path of this portal: an open redirect would let a link send people anywhere after sign-in. */
export function safeReturnPath(candidate: string | null | undefined, fallback: string): string {
  if (!candidate || !candidate.startsWith(`${portalPrefix}/`) || candidate.length > 512) return fallback;
  // Control characters (a tab, a newline) and backslashes are refused outright: browsers drop or rewrite them.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(candidate) || candidate.includes('//')) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(candidate, 'http://portal.invalid');
  } catch {
    return fallback;
  }
  // Dot segments resolved as the browser would: `/portal/../local/…` leaves the portal.
  if (resolved.origin !== 'http://portal.invalid' || !resolved.pathname.startsWith(`${portalPrefix}/`)) return fallback;
  // The URL serializer percent-encodes spaces and non-ASCII in the path (a Location header carries Latin-1
  // only, and a character outside it made node throw); the query keeps its own encoding, finished here.
  const path = `${resolved.pathname}${resolved.search}`.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
  return path.length > 1024 ? fallback : path;
}
