import type { PortalRoute } from '../route.ts';

/** Officials' pages: the agency's work queue, a dossier with the actions of their role, reports. */
export const officialRoutes: readonly PortalRoute[] = [];
