import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger per process. Log ids (dossier code, request id, subject), never names, citizen id
 * numbers or phone numbers: the personal-data rules forbid them in logs.
 */
const root = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'egov-one-stop' });

/**
 * The local cloud runs every function in one process, where one shared logger would print whichever
 * function's context was injected last: there each invocation logs through a logger of its own
 * ({@link withInvocationLogger}). In Lambda no scope is set and the process's one logger serves.
 */
const invocationLogger = new AsyncLocalStorage<Logger>();

export const logger: Logger = new Proxy(root, {
  get(target, property) {
    const current = invocationLogger.getStore() ?? target;
    const value: unknown = Reflect.get(current, property, current);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
  },
});

/** Runs one invocation with a logger of its own: its context and keys are never another's. */
export const withInvocationLogger = <T>(run: () => T): T => invocationLogger.run(root.createChild(), run);
