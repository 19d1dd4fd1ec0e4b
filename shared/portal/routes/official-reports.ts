import type { PortalRoute } from '../route.ts';

export const officialReportRoutes: readonly PortalRoute[] = [];
