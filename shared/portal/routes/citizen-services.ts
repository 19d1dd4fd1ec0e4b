import type { PortalRoute } from '../route.ts';

export const citizenServiceRoutes: readonly PortalRoute[] = [];
