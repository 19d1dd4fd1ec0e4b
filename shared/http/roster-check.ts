import type { MiddlewareObj } from '@middy/core';
import type { RosterLookup } from '../adapters/cached-roster.ts';
import { isOfficialRole, rosterRefusal } from '../domain/official.ts';
import type { HttpEvent } from './parse-request.ts';

/**
 * Refuses (403) an official whose token no longer matches the roster: deactivated, moved to another
 * agency, a role withdrawn, or never on it. Runs after authentication, before the function's own
 * middlewares (an idempotent replay included) and the use case, so it holds for every action and read.
 * Citizens, and the public and partner routes (no caller), are not looked up.
 */
export function rosterCheck(roster: () => RosterLookup): MiddlewareObj<HttpEvent> {
  return {
    before: async (request) => {
      const caller = request.event.parsed?.caller;
      if (!caller?.roles.some(isOfficialRole)) return;
      const refusal = rosterRefusal(caller, await roster()(caller.sub));
      if (refusal) throw refusal;
    },
  };
}
