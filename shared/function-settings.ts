/**
 * What a function's own code reads of its manifest entry (infra/manifest.ts), handed to it by its
 * environment: FUNCTION_SETTINGS, a JSON map from function name to settings (infra/function-settings.ts
 * builds it). The CDK construct gives each Lambda its own entry; the local cloud, one process running
 * every function, all of them, as it does QUEUE_URLS. Handlers do not import the manifest: a bundle
 * would carry every function's description, routes and grants (26 KB minified), parsed at each cold
 * start, to read one entry.
 *
 * Checked by hand rather than with zod, as shared/env-vars.ts explains: this runs at every HTTP
 * function's init. A malformed entry fails the init; it never weakens a route's auth.
 */
import { type Role, roles } from './domain/caller.ts';
import { partnerNames } from './domain/partners/partner.ts';
import { type HttpMethod, httpMethods, type RouteAuth } from './http/route.ts';

/**
 * Filled in by infra/manifest.ts (declaration merging) with the manifest's type: function names and
 * each route's auth keep their literal types here, and nothing in shared/ imports infra/.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FunctionRegistry {}

type Entries = FunctionRegistry extends { manifest: infer M } ? M : Record<string, { trigger: { kind: string } }>;
type TriggerOf<N extends FunctionName> = Entries[N] extends { trigger: infer T } ? T : never;

export type FunctionName = keyof Entries & string;
export type HttpFunctionName = { [N in FunctionName]: TriggerOf<N> extends { kind: 'http' } ? N : never }[FunctionName];
/** The auth the manifest declares for an HTTP function's route, as a literal type. */
export type AuthOf<N extends FunctionName> = TriggerOf<N> extends { auth: infer A extends RouteAuth } ? A : never;

export interface FunctionSettings {
  /** Its Lambda timeout, which the function's environment does not otherwise show. */
  timeoutSeconds: number;
  /** An HTTP function's route. */
  route?: { method: HttpMethod; path: string; auth: RouteAuth };
}

export const functionSettingsVariable = 'FUNCTION_SETTINGS';

/** The function's own settings, from its environment; throws (a failed init) when they are missing or malformed. */
export function functionSettings(
  name: FunctionName,
  env: Readonly<Record<string, string | undefined>> = process.env,
): FunctionSettings {
  const settings = checkedSettings(entryOf(env[functionSettingsVariable], name));
  if (!settings) throw new Error(`${name}: no valid entry for it in ${functionSettingsVariable}`);
  return settings;
}

function entryOf(raw: string | undefined, name: string): unknown {
  try {
    const map: unknown = JSON.parse(raw ?? '{}');
    return isRecord(map) && Object.hasOwn(map, name) ? map[name] : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOnly = (value: Record<string, unknown>, ...keys: string[]) =>
  Object.keys(value).every((key) => keys.includes(key));

function checkedSettings(value: unknown): FunctionSettings | undefined {
  if (!isRecord(value) || !hasOnly(value, 'timeoutSeconds', 'route')) return undefined;
  const { timeoutSeconds, route } = value;
  if (typeof timeoutSeconds !== 'number' || !Number.isSafeInteger(timeoutSeconds) || timeoutSeconds < 1)
    return undefined;
  if (route === undefined) return { timeoutSeconds };
  if (!isRecord(route) || !hasOnly(route, 'method', 'path', 'auth')) return undefined;
  const { method, path } = route;
  const auth = checkedAuth(route.auth);
  if (!httpMethods.includes(method as HttpMethod) || typeof path !== 'string' || !path.startsWith('/') || !auth)
    return undefined;
  return { timeoutSeconds, route: { method: method as HttpMethod, path, auth } };
}

function checkedAuth(auth: unknown): RouteAuth | undefined {
  if (auth === 'public') return auth;
  if (!isRecord(auth) || Object.keys(auth).length !== 1) return undefined;
  if ('roles' in auth) {
    const list = auth.roles;
    if (!Array.isArray(list) || list.length === 0) return undefined;
    return list.every((role) => roles.includes(role)) ? { roles: list as Role[] } : undefined;
  }
  const partner = partnerNames.find((name) => name === auth.partner);
  return partner ? { partner } : undefined;
}
