import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../infra/local/lambda.ts';
import { documentedRoutes } from '../../../infra/documented-routes.ts';
import { httpRoutes, partnerOfRoute, usesToken } from '../../../infra/manifest.ts';
import {
  bearerScheme,
  type OpenApiDocument,
  openApiDocument,
  openApiMethods,
  openApiPath,
  partnerScheme,
} from '../../../shared/http/openapi/document.ts';
import { contractChecker } from '../../support/openapi-contract.ts';

const document = openApiDocument(documentedRoutes);
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);
const operationOf = (path: string, method: string) => document.paths[openApiPath(path)]?.[method];
const valid = async (doc: unknown) => (await new Validator().validate(doc as Record<string, unknown>)).valid;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, and the validator does refuse a broken one', async () => {
    expect(await new Validator().validate(document)).toEqual({ valid: true });
    const broken = structuredClone(document) as OpenApiDocument;
    (broken.paths['/v1/health'] as Record<string, unknown>).get = {
      responses: {},
      parameters: [{ name: 'x', in: 'body' }],
    };
    expect(await valid(broken)).toBe(false);
  });

  it('is the committed docs/openapi.json (run `npm run openapi` after changing a route or a schema)', () => {
    const committed = JSON.parse(readFileSync(resolve(repoRoot, 'docs/openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('has every HTTP route of the manifest, by method and path, and nothing else', () => {
    const expected = httpRoutes
      .flatMap((route) => openApiMethods(route.method).map((m) => `${m} ${openApiPath(route.path)} ${route.name}`))
      .sort();
    const actual = operations.map((o) => `${o.method} ${o.path} ${String(o.operation['x-function'])}`).sort();
    expect(actual).toEqual(expected);
    expect(new Set(operations.map((o) => o.operation.operationId)).size).toBe(operations.length);
  });

  it.each(httpRoutes.map((r) => [r.name, r] as const))('%s: its auth rule', (_name, route) => {
    for (const method of openApiMethods(route.method)) {
      const operation = operationOf(route.path, method);
      const responses = Object.keys(operation?.responses ?? {});
      if (usesToken(route.auth)) {
        expect(operation?.security).toEqual([{ [bearerScheme]: [...route.auth.roles] }]);
        expect(operation?.['x-roles']).toEqual([...route.auth.roles]);
        expect(responses).toEqual(expect.arrayContaining(['401', '403']));
      } else if (partnerOfRoute(route.auth)) {
        expect(operation?.security).toEqual([{ [partnerScheme]: [] }]);
        expect(operation?.['x-partner']).toBe(partnerOfRoute(route.auth));
        expect(responses).toContain('401');
      } else {
        expect(operation?.security).toEqual([]);
        expect(responses).not.toContain('401');
      }
    }
  });

  it.each(httpRoutes.map((r) => [r.name, r] as const))('%s: its path parameters, its body', (_name, route) => {
    const names = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]);
    for (const method of openApiMethods(route.method)) {
      const operation = operationOf(route.path, method);
      const parameters = (operation?.parameters ?? []) as { name: string; in: string; required: boolean }[];
      const inPath = parameters.filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name)).toEqual(names);
      expect(inPath.every((p) => p.required)).toBe(true);
      if (operation?.requestBody)
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '413', '415']));
    }
  });

  it('answers problems as problem+json with the shared ProblemDetails, and every operation its 500', () => {
    for (const { path, method, operation } of operations) {
      if (path.startsWith('/portal/')) continue;
      expect(operation.responses['500'], `${method} ${path}`).toEqual({ $ref: '#/components/responses/Problem500' });
    }
  });
});

describe('the contract check of answers', () => {
  const json = (type: string) => new Headers({ 'content-type': type });
  const problem = (status: unknown) => ({
    type: 'https://egov-one-stop.gov.vn/problems/not-returned',
    code: 'not-returned',
    status,
    title: 'Xung đột dữ liệu',
  });

  it('passes an answer the document describes', () => {
    const checker = contractChecker(document);
    const answer = { status: 200, headers: json('application/json'), body: { status: 'ok', service: 'egov-one-stop' } };
    expect(checker.check('GET', '/v1/health', answer)).toEqual([]);
    expect(
      checker.check('POST', '/v1/dossiers/{code}/rating', {
        status: 409,
        headers: json('application/problem+json'),
        body: problem(409),
      }),
    ).toEqual([]);
  });

  it('fails an undocumented status, a wrong media type, and a body off its schema', () => {
    const checker = contractChecker(document);
    const health = { status: 200, headers: json('application/json'), body: { status: 'ok', service: 'x' } };
    expect(checker.check('GET', '/v1/health', { ...health, status: 418 })).toHaveLength(1);
    expect(checker.check('GET', '/v1/health', { ...health, headers: json('text/plain') })).toHaveLength(1);
    expect(checker.check('GET', '/v1/health', { ...health, body: { status: 'down' } })).toHaveLength(1);
    // A problem whose `status` member is not its HTTP status.
    const conflict = { status: 409, headers: json('application/problem+json'), body: problem('submitted') };
    expect(checker.check('POST', '/v1/dossiers/{code}/rating', conflict)).toHaveLength(1);
  });
});
