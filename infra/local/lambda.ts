/**
 * Runs a manifest function in-process the way the Lambda runtime would: one module init per
 * function (a failed init is retried on the next invoke), a Lambda-like context, and the
 * manifest's timeout, counted from when the handler starts, not from the module's init. Every invocation is counted so `settle()` can tell when the cloud is idle.
 */
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { withInvocationLogger } from '../../shared/observability.ts';
import { type FunctionName, type FunctionSpec, specOf } from '../manifest.ts';
import { checkTableAccess, runAs } from './table-access.ts';

export type LambdaHandler = (event: never, context: Context) => unknown;
export type HandlerLoader = (name: FunctionName, spec: FunctionSpec) => Promise<LambdaHandler>;

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const localRegion = 'ap-southeast-1';
export const localAccountId = '000000000000';

/** Imports `spec.entry` and takes its `handler` export, as the Lambda runtime's `handler` setting does. */
export const importHandler: HandlerLoader = async (name, spec) => {
  const module = (await import(pathToFileURL(resolve(repoRoot, spec.entry)).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`${spec.entry} (${name}) does not export a handler`);
  return module.handler as LambdaHandler;
};

/** Lambda's limit on a function's init phase; here only what settle() waits for while a module loads. */
const initBudgetMs = 10_000;

export class FunctionTimeoutError extends Error {
  constructor(name: FunctionName, seconds: number) {
    super(`${name}: Task timed out after ${seconds.toFixed(2)} seconds`);
    this.name = 'FunctionTimeoutError';
  }
}

export interface Invoker {
  invoke(name: FunctionName, event: unknown): Promise<unknown>;
  /** Invocations started and not yet finished (or timed out). */
  readonly active: number;
}

/** The invoker the local cloud runs, with what settle() reads progress from. */
export interface CountingInvoker extends Invoker {
  /** Invocations started so far, and finished so far. */
  readonly started: number;
  readonly finished: number;
  /** The latest timeout (ms since the epoch) of the running invocations; 0 when none runs. */
  readonly runningUntil: number;
}

export function createInvoker(loadHandler: HandlerLoader = importHandler): CountingInvoker {
  const handlers = new Map<FunctionName, Promise<LambdaHandler>>();
  const running = new Set<{ deadline: number }>();
  let started = 0;
  let finished = 0;

  const handlerOf = (name: FunctionName): Promise<LambdaHandler> => {
    let loading = handlers.get(name);
    if (!loading) {
      loading = loadHandler(name, specOf(name));
      handlers.set(name, loading);
      loading.catch(() => handlers.delete(name));
    }
    return loading;
  };

  return {
    get active() {
      return running.size;
    },
    get started() {
      return started;
    },
    get finished() {
      return finished;
    },
    get runningUntil() {
      let latest = 0;
      for (const invocation of running) latest = Math.max(latest, invocation.deadline);
      return latest;
    },
    async invoke(name, event) {
      const spec = specOf(name);
      // Until the module is loaded, no handler timeout runs: Lambda budgets the init phase on its own
      // (10 s), and a busy machine compiling a module for the first time must not time out a handler.
      const invocation = { deadline: Date.now() + initBudgetMs };
      running.add(invocation);
      started++;
      let timer: { cancel(): void } | undefined;
      try {
        const handler = await runAs(name, () => handlerOf(name));
        // The functions' own client (loaded with them): IAM's partition grants, held here as in the cloud.
        checkTableAccess((await import('../../shared/adapters/dynamo/client.ts')).dynamoClient);
        const deadline = Date.now() + spec.timeoutSeconds * 1000;
        invocation.deadline = deadline;
        const timedOut = new Promise<never>((_, reject) => {
          timer = runningTimeout(spec.timeoutSeconds * 1000, invocation, () =>
            reject(new FunctionTimeoutError(name, spec.timeoutSeconds)),
          );
        });
        return await Promise.race([
          runAs(name, () =>
            Promise.resolve().then(() =>
              withInvocationLogger(() => handler(event as never, lambdaContext(name, spec, deadline))),
            ),
          ),
          timedOut,
        ]);
      } finally {
        timer?.cancel();
        running.delete(invocation);
        finished++;
      }
    },
  };
}

const tickMs = 100;

/**
 * The manifest's timeout, counted in the time the process could run: a tick late by more than a little
 * means the event loop could not run (the machine busy with other work, or this process with other
 * invocations), and that wait is not the handler's. A handler that hangs times out after its timeout, as
 * in Lambda, where a function has its own CPU; one that is only slow because the machine is shared does
 * not. The invocation's deadline (what settle() waits for) moves with it.
 */
function runningTimeout(budgetMs: number, invocation: { deadline: number }, onTimeout: () => void) {
  let used = 0;
  let last = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const now = Date.now();
    used += Math.min(now - last, tickMs * 1.2);
    last = now;
    if (used >= budgetMs) return onTimeout();
    invocation.deadline = now + (budgetMs - used);
    timer = setTimeout(tick, Math.min(tickMs, budgetMs - used));
  };
  timer = setTimeout(tick, Math.min(tickMs, budgetMs));
  return { cancel: () => clearTimeout(timer) };
}

function lambdaContext(name: FunctionName, spec: FunctionSpec, deadline: number): Context {
  const deprecated = () => {
    throw new Error('context.done/fail/succeed are not supported: return or throw from an async handler');
  };
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccountId}:function:${name}`,
    memoryLimitInMB: String(spec.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `${day}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: deprecated,
    fail: deprecated,
    succeed: deprecated,
  };
}
