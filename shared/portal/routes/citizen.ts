import type { PortalRoute } from '../route.ts';

/** A citizen's own pages: filing, their dossiers, paying, rating, feedback, verifying a signed result. */
export const citizenRoutes: readonly PortalRoute[] = [];
