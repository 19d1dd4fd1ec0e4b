import type { PortalRoute } from '../route.ts';
import { citizenRoutes } from './citizen.ts';
import { officialRoutes } from './official.ts';
import { publicRoutes } from './public.ts';
import { signInRoutes } from './sign-in.ts';

/** Every page of the portal, each with its access rule (shared/portal/route.ts). */
export const portalRoutes: readonly PortalRoute[] = [
  ...publicRoutes,
  ...signInRoutes,
  ...citizenRoutes,
  ...officialRoutes,
];
