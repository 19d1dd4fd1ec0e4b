/**
 * The API's OpenAPI 3.1 document, built from the manifest's routes (every HTTP route, its method, path
 * and auth, its function's description: infra/documented-routes.ts hands them in) and the route docs
 * (the zod schemas the handlers validate with, the answers). `npm run openapi` writes it to
 * docs/openapi.json, which GET /v1/openapi.json serves.
 */
import packageJson from '../../../package.json' with { type: 'json' };
import type { HttpFunctionName } from '../../function-settings.ts';
import { signatureHeader, timestampHeader, webhookToleranceSeconds } from '../../domain/partners/webhook-signature.ts';
import { idempotencyKeyPattern } from '../parse-request.ts';
import { type JsonSchema, jsonSchemaOf, objectMembers } from './json-schema.ts';
import { ProblemDetails, type ProblemStatus, problemStatuses } from './problem-schema.ts';
import { type RouteDoc, routeDocs } from './route-docs.ts';
import { type HttpMethod, partnerOfRoute, type RouteAuth, usesToken } from '../route.ts';

/** An HTTP route of the manifest, with its function's description (the operation's summary). */
export interface DocumentedRoute {
  name: HttpFunctionName;
  method: HttpMethod;
  path: string;
  auth: RouteAuth;
  description: string;
}

export type OpenApiDocument = JsonSchema & { paths: Record<string, Record<string, Operation>> };
export type Operation = JsonSchema & { responses: Record<string, JsonSchema> };

export const bearerScheme = 'bearerJwt';
export const partnerScheme = 'partnerSignature';

/** API Gateway's greedy `{proxy+}` is a plain `{proxy}` in OpenAPI paths. */
export const openApiPath = (path: string): string => path.replace(/\{(\w+)\+\}/g, '{$1}');

/** The OpenAPI methods of a manifest method: the portal's `ANY` serves pages (GET) and forms (POST). */
export const openApiMethods = (method: HttpMethod): string[] =>
  method === 'ANY' ? ['get', 'post'] : [method.toLowerCase()];

export function openApiDocument(routes: readonly DocumentedRoute[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const { name } = route;
    const item = (paths[openApiPath(route.path)] ??= {});
    for (const method of openApiMethods(route.method)) {
      const operationId = route.method === 'ANY' ? `${name}-${method}` : name;
      item[method] = operation(route, routeDocs[name], operationId);
    }
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'egov-one-stop API',
      version: packageJson.version,
      description:
        "The one-stop shop's API for administrative-procedure dossiers: filing, processing, look-up, documents, fees, feedback and reports. Errors are application/problem+json (RFC 9457) with a stable `code`; titles and details are in Vietnamese.",
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      securitySchemes: {
        [bearerScheme]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "A token of the province's identity provider. Each operation lists the roles it admits (its security requirement and `x-roles`); officials are also checked against the agency roster.",
        },
        [partnerScheme]: {
          type: 'apiKey',
          in: 'header',
          name: signatureHeader,
          description: `\`sha256=<hex>\`: a partner system's HMAC-SHA256 over \`<${timestampHeader}>.<raw body>\` with the secret shared with that partner (\`x-partner\`). The timestamp (Unix seconds) must be within ${webhookToleranceSeconds / 60} minutes; a signature is accepted once.`,
        },
      },
      schemas: { ProblemDetails: jsonSchemaOf(ProblemDetails, 'output') },
      responses: Object.fromEntries(
        Object.entries(problemStatuses).map(([status, description]) => [
          problemResponseName(Number(status) as ProblemStatus),
          problemResponse(Number(status), description),
        ]),
      ),
    },
  };
}

export const problemResponseName = (status: ProblemStatus): string => `Problem${status}`;

function problemResponse(status: number, description: string): JsonSchema {
  return {
    description,
    ...(status === 429
      ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 0 } } } }
      : {}),
    ...(status === 401
      ? {
          headers: {
            'WWW-Authenticate': {
              description: '`Bearer` when the token is missing or invalid',
              schema: { type: 'string' },
            },
          },
        }
      : {}),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [{ $ref: '#/components/schemas/ProblemDetails' }],
          properties: { status: { const: status } },
        },
      },
      // A missing or invalid token is refused by API Gateway's JWT authorizer before any function runs.
      ...(status === 401
        ? {
            'application/json': {
              schema: {
                type: 'object',
                properties: { message: { const: 'Unauthorized' } },
                required: ['message'],
              },
            },
          }
        : {}),
    },
  };
}

function operation({ name, path, auth, description }: DocumentedRoute, doc: RouteDoc, operationId: string): Operation {
  const body = doc.request?.body;
  return {
    operationId,
    summary: description,
    tags: [tagOf(path)],
    'x-function': name,
    ...authDoc(auth),
    parameters: [...pathParameters(path, doc), ...queryParameters(doc), ...headerParameters(auth, doc)],
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchemaOf(body, 'input') } },
          },
        }
      : {}),
    responses: { ...successResponses(doc), ...errorResponses(auth, doc) },
  };
}

/** `/v1/dossiers/{code}/actions` → `dossiers`; `/v1/me/…` → `me`. */
const tagOf = (path: string): string =>
  (path.split('/')[path.startsWith('/v1/') ? 2 : 1] ?? 'api').replace(/\.json$/, '');

function authDoc(auth: RouteAuth): JsonSchema {
  if (usesToken(auth)) return { security: [{ [bearerScheme]: [...auth.roles] }], 'x-roles': [...auth.roles] };
  const partner = partnerOfRoute(auth);
  if (partner) return { security: [{ [partnerScheme]: [] }], 'x-partner': partner };
  return { security: [], 'x-public': true };
}

function pathParameters(path: string, doc: RouteDoc): JsonSchema[] {
  const names = [...path.matchAll(/\{(\w+)(\+?)\}/g)].map(([, name, greedy]) => ({ name: name as string, greedy }));
  const declared = doc.request?.params
    ? new Map(objectMembers(jsonSchemaOf(doc.request.params, 'input'), `${path} params`).map((m) => [m.name, m]))
    : new Map<string, { schema: JsonSchema }>();
  for (const member of declared.keys())
    if (!names.some((n) => n.name === member))
      throw new Error(`${path}: the params schema has ${member}, the path not`);
  return names.map(({ name, greedy }) => ({
    name,
    in: 'path',
    required: true,
    ...(greedy ? { description: 'The rest of the path, slashes included' } : {}),
    schema: declared.get(name)?.schema ?? { type: 'string' },
  }));
}

function queryParameters(doc: RouteDoc): JsonSchema[] {
  if (!doc.request?.query) return [];
  return objectMembers(jsonSchemaOf(doc.request.query, 'input'), 'query').map((member) => ({
    name: member.name,
    in: 'query',
    required: member.required,
    schema: member.schema,
  }));
}

function headerParameters(auth: RouteAuth, doc: RouteDoc): JsonSchema[] {
  const headers: JsonSchema[] = [];
  if (partnerOfRoute(auth))
    headers.push({
      name: timestampHeader,
      in: 'header',
      required: true,
      description: 'When the partner signed the request (Unix seconds), part of what is signed',
      schema: { type: 'string', pattern: '^\\d+$' },
    });
  if (doc.idempotent)
    headers.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Retrying with the same key and body returns the first answer instead of acting twice (kept 24 hours)',
      schema: { type: 'string', pattern: idempotencyKeyPattern.source },
    });
  return headers;
}

const successHeaders = {
  location: { description: 'Where the created resource is', schema: { type: 'string' } },
  etag: { description: 'The version of the resource, to send back as `expectedVersion`', schema: { type: 'string' } },
  'content-location': { description: 'The version answered', schema: { type: 'string' } },
} as const;

function successResponses(doc: RouteDoc): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(doc.success).map(([status, success]) => [
      status,
      {
        description: success.description,
        ...(success.headers?.length
          ? { headers: Object.fromEntries(success.headers.map((h) => [h, successHeaders[h]])) }
          : {}),
        content: Object.fromEntries(
          (success.mediaTypes ?? ['application/json']).map((type) => [
            type,
            success.schema ? { schema: jsonSchemaOf(success.schema, 'output') } : {},
          ]),
        ),
      },
    ]),
  );
}

/** The problem statuses a route can answer: its own rules' and the common stack's. */
export function problemStatusesOf(auth: RouteAuth, doc: RouteDoc): ProblemStatus[] {
  const statuses = new Set<number>([500, ...(doc.problems ?? [])]);
  if (doc.request?.params || doc.request?.query || doc.request?.body) statuses.add(400);
  if (doc.request?.body) [400, 413, 415].forEach((s) => statuses.add(s));
  if (usesToken(auth)) [401, 403].forEach((s) => statuses.add(s));
  // A bad signature, a stale timestamp (401), a replayed signature (409).
  if (partnerOfRoute(auth)) [401, 409].forEach((s) => statuses.add(s));
  if (doc.idempotent) [400, 409, 422].forEach((s) => statuses.add(s));
  for (const status of statuses)
    if (!(status in problemStatuses)) throw new Error(`No shared response for problem status ${status}`);
  return [...statuses].sort((a, b) => a - b) as ProblemStatus[];
}

function errorResponses(auth: RouteAuth, doc: RouteDoc): Record<string, JsonSchema> {
  if (doc.pages)
    return {
      '303': {
        description: 'A form was handled, or sign-in is needed: the page to go to next',
        headers: { location: { description: 'The next page', schema: { type: 'string' } } },
      },
      '4XX': { description: 'An error page', content: { 'text/html': {} } },
      '5XX': { description: 'An error page', content: { 'text/html': {} } },
    };
  return Object.fromEntries(
    problemStatusesOf(auth, doc).map((status) => [
      String(status),
      { $ref: `#/components/responses/${problemResponseName(status)}` },
    ]),
  );
}
