import type { PortalRoute } from '../route.ts';

export const citizenDossierRoutes: readonly PortalRoute[] = [];
