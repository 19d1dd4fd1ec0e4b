import { type Caller, type Role, roles } from '../domain/caller.ts';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * API Gateway's JWT authorizer hands claims over as strings: an array claim arrives as
 * "[citizen leader]". Accept that form, a JSON array and a real array alike.
 */
function parseRoles(value: Claims[string]): Role[] {
  const raw = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.trim().startsWith('[')
        ? parseListString(value)
        : value.split(/[\s,]+/)
      : [];
  return raw.filter((r): r is Role => (roles as readonly string[]).includes(r));
}

function parseListString(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // Not JSON: API Gateway's "[a b]" form.
  }
  return value
    .slice(1, -1)
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function callerFromClaims(claims: Claims | undefined): Caller | undefined {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const agencyId = claims?.agencyId;
  return {
    sub,
    roles: parseRoles(claims?.roles),
    ...(typeof agencyId === 'string' && agencyId ? { agencyId } : {}),
  };
}
