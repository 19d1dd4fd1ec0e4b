import { type Caller, type Role, roles } from '../domain/caller.ts';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * Where the claims come from: `api-gateway`, the JWT authorizer's context, which hands every claim over as
 * a string and an array claim as "[citizen leader]" (elements joined by one space); `jwt`, a token's own
 * payload (the portal decodes its session token), where the roles claim must be a real array.
 */
export type ClaimsForm = 'api-gateway' | 'jwt';

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (roles as readonly string[]).includes(value);

/**
 * Only exact role names count. A sentence ("citizen admin"), a JSON text ('["admin"]') or a name with a
 * space (["admin "], rendered "[admin ]") gives no role: a loose parse would let an identity provider's
 * free-text attribute make its bearer an administrator. Names the platform does not know are dropped.
 */
function parseRoles(value: Claims[string], form: ClaimsForm): Role[] {
  if (form === 'jwt') return Array.isArray(value) ? value.filter(isRole) : [];
  if (typeof value !== 'string') return [];
  // The authorizer's rendering of an array: brackets, elements separated by exactly one space.
  const list = /^\[([^\s[\]]+(?: [^\s[\]]+)*)?\]$/.exec(value);
  if (!list) return [];
  return (list[1] ?? '').split(' ').filter(isRole);
}

/** A verified contact claim: the authorizer renders `true` as "true". */
function verifiedClaim(claims: Claims, name: 'phone_number' | 'email'): string | undefined {
  const value = claims[name];
  const verified = claims[`${name}_verified`];
  return typeof value === 'string' && value && (verified === true || verified === 'true') ? value : undefined;
}

function contactsOf(claims: Claims): Caller['contacts'] {
  const phone = verifiedClaim(claims, 'phone_number');
  const email = verifiedClaim(claims, 'email');
  return phone || email ? { ...(phone ? { phone } : {}), ...(email ? { email } : {}) } : undefined;
}

export function callerFromClaims(claims: Claims | undefined, form: ClaimsForm = 'api-gateway'): Caller | undefined {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const agencyId = claims?.agencyId;
  const contacts = claims ? contactsOf(claims) : undefined;
  return {
    sub,
    roles: parseRoles(claims?.roles, form),
    ...(typeof agencyId === 'string' && agencyId ? { agencyId } : {}),
    ...(contacts ? { contacts } : {}),
  };
}
