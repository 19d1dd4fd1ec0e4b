import type { MiddlewareObj } from '@middy/core';
import type { RosterLookup } from '../adapters/cached-roster.ts';
import type { Caller } from '../domain/caller.ts';
import { isOfficialRole, rosterRefusal } from '../domain/official.ts';
import type { HttpEvent } from './parse-request.ts';

/** A lookup that fails the request with the refusal, or passes. */
const checkOf = (roster: () => RosterLookup, caller: Caller): Promise<void> =>
  roster()(caller.sub).then((entry) => {
    const refusal = rosterRefusal(caller, entry);
    if (refusal) throw refusal;
  });

/**
 * Refuses (403) an official whose token no longer matches the roster: deactivated, moved to another
 * agency, a role withdrawn, or never on it. Runs after authentication, before the function's own
 * middlewares (an idempotent replay included) and the use case, so it holds for every action and read.
 * Citizens, and the public and partner routes (no caller), are not looked up.
 *
 * On a read (`concurrent`), the lookup runs beside the use case instead of before it, so a roster
 * cache miss costs the request no round trip of its own: the answer waits for it, and a refusal
 * replaces whatever the use case answered (its read audit records the attempt). A write waits for the
 * lookup first: nothing is changed for a caller the roster refuses.
 */
export function rosterCheck(
  roster: () => RosterLookup,
  options: { concurrent?: boolean } = {},
): MiddlewareObj<HttpEvent> {
  const pending = new WeakMap<object, Promise<void>>();
  const settle = async (request: { event: HttpEvent }) => {
    const check = pending.get(request.event);
    pending.delete(request.event);
    await check;
  };
  return {
    before: async (request) => {
      const caller = request.event.parsed?.caller;
      if (!caller?.roles.some(isOfficialRole)) return;
      const check = checkOf(roster, caller);
      if (!options.concurrent) return check;
      // Awaited in `after` or `onError`; until then a refusal must not surface as an unhandled rejection.
      check.catch(() => undefined);
      pending.set(request.event, check);
    },
    after: settle,
    // The refusal wins over the use case's own error (a 404 must not tell a refused caller what exists).
    onError: async (request) => {
      try {
        await settle(request);
      } catch (refusal) {
        request.error = refusal as Error;
      }
    },
  };
}
