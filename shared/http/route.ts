/**
 * An HTTP route's method and who may call it. The manifest (infra/manifest.ts) declares them per route;
 * the function's own wrapper (http-handler.ts) enforces the auth from the settings its environment hands
 * it (shared/function-settings.ts), without importing the manifest.
 */
import type { Role } from '../domain/caller.ts';
import type { PartnerName } from '../domain/partners/partner.ts';

/** `ANY`: every method, for a greedy route whose handler routes itself (the portal's pages). */
export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'ANY'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/**
 * `public`: no token. `partner`: no token, the partner's HMAC signature instead (partner-signature.ts).
 * Otherwise a valid token is required and the caller must hold one of the roles.
 */
export type RouteAuth = 'public' | { roles: readonly Role[] } | { partner: PartnerName };

/** Whether the gateway's JWT authorizer guards the route (role routes); public and partner routes carry no token. */
export const usesToken = (auth: RouteAuth): auth is { roles: readonly Role[] } =>
  typeof auth === 'object' && 'roles' in auth;

/** The partner whose signature authenticates a route, if it is a partner route. */
export const partnerOfRoute = (auth: RouteAuth): PartnerName | undefined =>
  typeof auth === 'object' && 'partner' in auth ? auth.partner : undefined;
