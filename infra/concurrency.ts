/**
 * How many copies of a function may run at once, so one abused or overloaded entry point cannot take
 * the whole account's Lambda concurrency (1,000 by default, shared by every stage in the account) from
 * the rest of the platform:
 *
 * - Reserved concurrency on every function reachable without a token (infra/manifest.ts `auth: 'public'`
 *   and the partners' webhooks): each is capped at its reservation, and the reservation is theirs alone.
 * - Maximum concurrency on every SQS event source mapping: a burst of events (a mass import, a partner's
 *   outage retried) drains at a bounded pace instead of flooding a partner, KMS or the table.
 *
 * Defaults here; context `egov:reservedConcurrency` and `egov:queueConcurrency` (function → number)
 * override them per deployment. Lambda refuses a reservation that leaves the account fewer than 100
 * unreserved executions: {@link totalReserved} is what one stage reserves (210 by default, so two stages
 * in an account of 1,000 leave 590). An account still at a new account's low quota sets
 * `egov:reservedConcurrency` to `"none"` until AWS raises it.
 */
import type { Construct } from 'constructs';
import { contextObject } from './stacks/context-object.ts';
import { type FunctionName, functionNames, queueConsumers, specOf, usesToken } from './manifest.ts';

export const concurrencyContextKeys = {
  reserved: 'egov:reservedConcurrency',
  queue: 'egov:queueConcurrency',
} as const;

/**
 * Per public function: the heavy ones (a PDF parse, a signature check, a page render) and the look-up
 * tight, the cheap catalogue reads a little looser. The portal serves every page, its own limit is the widest.
 */
export const defaultReservedConcurrency = {
  health: 5,
  'get-openapi': 5,
  'lookup-dossier': 20,
  'search-procedures': 20,
  'get-procedure': 20,
  'list-agencies': 10,
  'get-agency': 10,
  'get-due-date': 10,
  'get-holidays': 5,
  'verify-signature': 10,
  'list-published-feedback': 10,
  'get-published-feedback': 10,
  'payment-callback': 10,
  'receive-dvcqg-dossier': 10,
  'postal-tracking': 5,
  portal: 50,
} as const satisfies Partial<Record<FunctionName, number>>;

/** SQS's bounds of an event source mapping's maximum concurrency. */
export const queueConcurrencyBounds = { min: 2, max: 1000 } as const;

/**
 * Per queue consumer: partner callers and the signer (KMS) low, the table-only workers higher. A consumer
 * not listed gets {@link defaultQueueConcurrency}.
 */
export const defaultQueueConcurrencyOf: Partial<Record<FunctionName, number>> = {
  'process-dossier': 10,
  notify: 10,
  'issue-forms': 5,
  sign: 5,
  'deliver-email': 5,
  'deliver-sms': 5,
  'sync-dvcqg': 5,
  'book-postal': 3,
  report: 2,
};
export const defaultQueueConcurrency = 5;

/** Functions reachable without a token: the ones that get a reservation by default. */
export const publicFunctions = functionNames.filter((name) => {
  const trigger = specOf(name).trigger;
  return trigger.kind === 'http' && !usesToken(trigger.auth);
});

export interface ConcurrencySettings {
  /** Function → reserved concurrency; empty with `"none"`. */
  reserved: Partial<Record<FunctionName, number>>;
  /** Queue consumer → its event source mapping's maximum concurrency (every consumer listed). */
  queue: Partial<Record<FunctionName, number>>;
}

/** What one stage reserves of the account's concurrency. */
export const totalReserved = (settings: ConcurrencySettings): number =>
  Object.values(settings.reserved).reduce((sum, n) => sum + n, 0);

function numbers(
  scope: Construct,
  key: string,
  allowed: readonly FunctionName[],
): Partial<Record<FunctionName, number>> {
  const raw = contextObject(scope, key, 'function name to number');
  if (!raw) return {};
  const result: Partial<Record<FunctionName, number>> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!(allowed as readonly string[]).includes(name))
      throw new Error(`Context ${key}: ${name} is not one of ${allowed.join(', ')}`);
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new Error(`Context ${key}: ${name} must be an integer`);
    result[name as FunctionName] = value;
  }
  return result;
}

export function readConcurrency(scope: Construct): ConcurrencySettings {
  const reservedKey = concurrencyContextKeys.reserved;
  const none = scope.node.tryGetContext(reservedKey) === 'none';
  const reserved: Partial<Record<FunctionName, number>> = none
    ? {}
    : { ...defaultReservedConcurrency, ...numbers(scope, reservedKey, functionNames) };
  for (const [name, n] of Object.entries(reserved)) {
    // 0 is allowed: it stops a function outright (an abused endpoint, until it is fixed).
    if (n < 0 || n > 900) throw new Error(`Context ${reservedKey}: ${name} must be between 0 and 900`);
  }
  const queueKey = concurrencyContextKeys.queue;
  const overrides = numbers(scope, queueKey, queueConsumers);
  const queue: Partial<Record<FunctionName, number>> = {};
  for (const name of queueConsumers) {
    const n = overrides[name] ?? defaultQueueConcurrencyOf[name] ?? defaultQueueConcurrency;
    if (n < queueConcurrencyBounds.min || n > queueConcurrencyBounds.max) {
      throw new Error(
        `Context ${queueKey}: ${name} must be between ${queueConcurrencyBounds.min} and ${queueConcurrencyBounds.max}`,
      );
    }
    queue[name] = n;
  }
  return { reserved, queue };
}
