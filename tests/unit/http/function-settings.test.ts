/**
 * A function's settings (shared/function-settings.ts) come from its environment, built from its manifest
 * entry (infra/function-settings.ts): the route and auth its wrapper enforces are the manifest's, and an
 * entry that is missing or malformed fails the function's init rather than weakening a route.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { repoRoot } from '../../../infra/local/lambda.ts';
import { functionSettingsEnvironment, settingsOf } from '../../../infra/function-settings.ts';
import { type FunctionSpec, functionNames, specOf } from '../../../infra/manifest.ts';
import {
  type AuthOf,
  type FunctionName,
  functionSettings,
  functionSettingsVariable,
  type HttpFunctionName,
} from '../../../shared/function-settings.ts';

const variableWith = (entry: unknown) => ({ [functionSettingsVariable]: JSON.stringify({ 'get-dossier': entry }) });
const getDossier = { timeoutSeconds: 5, route: { method: 'GET', path: '/v1/dossiers/{code}', auth: 'public' } };

describe('a function’s settings', () => {
  const everyFunction = functionSettingsEnvironment();

  it.each(functionNames)('%s: its timeout, and its route and auth exactly as the manifest declares them', (name) => {
    const spec = specOf(name);
    const { trigger } = spec;
    expect(functionSettings(name, everyFunction)).toEqual({
      timeoutSeconds: spec.timeoutSeconds,
      ...(trigger.kind === 'http' ? { route: { method: trigger.method, path: trigger.path, auth: trigger.auth } } : {}),
    });
  });

  it('in a Lambda, are its own only: another function’s entry is no use to it', () => {
    const own = functionSettingsEnvironment([['get-dossier', specOf('get-dossier')]]);
    expect(functionSettings('get-dossier', own).route?.path).toBe('/v1/dossiers/{code}');
    expect(() => functionSettings('list-dossier-reads', own)).toThrow(/list-dossier-reads.*FUNCTION_SETTINGS/);
    expect(() => functionSettings('get-dossier', {})).toThrow(/get-dossier.*FUNCTION_SETTINGS/);
  });

  it.each([
    ['no roles', { roles: [] }],
    ['a role that does not exist', { roles: ['leader', 'root'] }],
    ['roles and a partner at once', { roles: ['admin'], partner: 'dvcqg' }],
    ['a partner that does not exist', { partner: 'bank' }],
    ['public, spelt otherwise', 'Public'],
    ['none', undefined],
  ])('fail the init on a route whose auth is malformed (%s), never reading it as public', (_case, auth) => {
    const env = variableWith({ ...getDossier, route: { ...getDossier.route, auth } });
    expect(() => functionSettings('get-dossier', env)).toThrow(/get-dossier/);
  });

  it.each([
    ['not JSON', { [functionSettingsVariable]: '{"get-dossier":' }],
    ['no timeout', variableWith({ route: getDossier.route })],
    ['a timeout of zero', variableWith({ ...getDossier, timeoutSeconds: 0 })],
    ['a method that does not exist', variableWith({ ...getDossier, route: { ...getDossier.route, method: 'TRACE' } })],
    ['a relative path', variableWith({ ...getDossier, route: { ...getDossier.route, path: 'v1/dossiers' } })],
    ['a key the runtime does not know', variableWith({ ...getDossier, access: { table: {} } })],
  ])('fail the init when malformed otherwise (%s)', (_case, env) => {
    expect(() => functionSettings('get-dossier', env)).toThrow(/get-dossier/);
  });

  it.each(functionNames)('%s: its handler reads its own entry, the only one its Lambda holds', (name) => {
    // The local cloud holds every function's entry: a handler naming another function would pass there.
    const source = readFileSync(resolve(repoRoot, specOf(name).entry), 'utf8');
    const named = [
      ...source.matchAll(/\b(?:httpHandler|queueHandler|functionSettings|auditDossierRead)\(([^;]*?)'([a-z0-9-]+)'/g),
    ];
    if (source.includes('httpHandler(')) expect(named.length).toBeGreaterThan(0);
    for (const [call, , other] of named) expect(other, call).toBe(name);
  });

  it('are not made for a route that admits officials without read access to the table (the roster check)', () => {
    const spec: FunctionSpec = { ...specOf('list-dossier-reads'), access: {} };
    expect(() => settingsOf('list-dossier-reads', spec)).toThrow(/needs read access to the table for the roster/);
  });

  it('keep the manifest’s literal types for the functions’ own code', () => {
    expectTypeOf<AuthOf<'health'>>().toEqualTypeOf<'public'>();
    expectTypeOf<AuthOf<'list-dossier-reads'>>().toEqualTypeOf<{ readonly roles: readonly ['auditor', 'admin'] }>();
    expectTypeOf<'relay-events'>().toExtend<FunctionName>();
    expectTypeOf<'relay-events'>().not.toExtend<HttpFunctionName>();
    expectTypeOf<'not-a-function'>().not.toExtend<FunctionName>();
  });
});
