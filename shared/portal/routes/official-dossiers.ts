import type { PortalRoute } from '../route.ts';

export const officialDossierRoutes: readonly PortalRoute[] = [];
