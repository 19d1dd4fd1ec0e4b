/**
 * The manifest's HTTP routes, each with its function's description: what the OpenAPI document
 * (shared/http/openapi/document.ts) is built from, handed in so that nothing under shared/ imports infra/.
 */
import type { DocumentedRoute } from '../shared/http/openapi/document.ts';
import type { HttpFunctionName } from '../shared/function-settings.ts';
import { httpRoutes, specOf } from './manifest.ts';

export const documentedRoutes: readonly DocumentedRoute[] = httpRoutes.map(({ name, method, path, auth }) => ({
  name: name as HttpFunctionName,
  method,
  path,
  auth,
  description: specOf(name).description,
}));
