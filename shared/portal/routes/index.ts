import type { PortalRoute } from '../route.ts';
import { citizenDossierRoutes } from './citizen-dossiers.ts';
import { citizenServiceRoutes } from './citizen-services.ts';
import { officialDossierRoutes } from './official-dossiers.ts';
import { officialReportRoutes } from './official-reports.ts';
import { publicRoutes } from './public.ts';
import { signInRoutes } from './sign-in.ts';

/** Every page of the portal, each with its access rule (shared/portal/route.ts). */
export const portalRoutes: readonly PortalRoute[] = [
  ...publicRoutes,
  ...signInRoutes,
  ...citizenDossierRoutes,
  ...citizenServiceRoutes,
  ...officialDossierRoutes,
  ...officialReportRoutes,
];
