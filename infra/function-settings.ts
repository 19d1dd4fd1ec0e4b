/**
 * FUNCTION_SETTINGS (shared/function-settings.ts): the part of a manifest entry the function's own code
 * reads, given to it in its environment so no bundle carries the manifest. The CDK construct sets each
 * Lambda's (infra/stacks/platform-function.ts), the local cloud every function's (infra/local/environment.ts).
 */
import { isOfficialRole } from '../shared/domain/official.ts';
import { type FunctionSettings, functionSettingsVariable } from '../shared/function-settings.ts';
import { usesToken } from '../shared/http/route.ts';
import { type FunctionName, type FunctionSpec, functionNames, specOf } from './manifest.ts';

/** What the function reads of its entry; throws on an entry its wrapper could not run with. */
export function settingsOf(name: string, spec: FunctionSpec): FunctionSettings {
  const { trigger } = spec;
  if (trigger.kind !== 'http') return { timeoutSeconds: spec.timeoutSeconds };
  // Officials are checked against the roster on every request of a route they may call (http-handler.ts).
  if (usesToken(trigger.auth) && trigger.auth.roles.some(isOfficialRole) && !spec.access.table)
    throw new Error(`${name} admits officials: it needs read access to the table for the roster`);
  const { method, path, auth } = trigger;
  return { timeoutSeconds: spec.timeoutSeconds, route: { method, path, auth } };
}

/** The variable for the functions given: one in a Lambda, all of them in the local cloud's one process. */
export function functionSettingsEnvironment(
  specs: Iterable<readonly [string, FunctionSpec]> = functionNames.map((name: FunctionName) => [name, specOf(name)]),
): { [functionSettingsVariable]: string } {
  const entries = [...specs].map(([name, spec]) => [name, settingsOf(name, spec)]);
  return { [functionSettingsVariable]: JSON.stringify(Object.fromEntries(entries)) };
}
