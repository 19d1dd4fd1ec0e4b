import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInvoker, FunctionTimeoutError, type LambdaHandler } from '../../../infra/local/lambda.ts';
import { specOf } from '../../../infra/manifest.ts';

// The invoker imports the functions' DynamoDB client on the first invocation (the local IAM check); loaded
// here, with real timers, since loading a module for the first time waits on timers the fake clock would hold.
beforeAll(() => import('../../../shared/adapters/dynamo/client.ts'));
afterEach(() => vi.useRealTimers());

/**
 * The manifest's timeout bounds the handler, as in Lambda, where a function's init phase has its own
 * budget: a module that takes long to load on a busy machine must not fail its first invocation.
 */
describe('the local invoker', () => {
  const timeoutMs = specOf('health').timeoutSeconds * 1000;

  it('starts the handler timeout after the module is loaded', async () => {
    vi.useFakeTimers();
    let loaded: (handler: LambdaHandler) => void = () => {};
    const invoker = createInvoker(() => new Promise((resolve) => (loaded = resolve)));
    const answer = invoker.invoke('health', {});
    await vi.advanceTimersByTimeAsync(timeoutMs + 1_000);
    // A handler that takes a moment, well within its own timeout.
    loaded(() => new Promise((resolve) => setTimeout(() => resolve('ok'), 10)));
    const settled = expect(answer).resolves.toBe('ok');
    await vi.advanceTimersByTimeAsync(10);
    await settled;
  });

  it('still times out a handler that runs past the manifest timeout', async () => {
    vi.useFakeTimers();
    const invoker = createInvoker(async () => () => new Promise(() => {}));
    const answer = invoker.invoke('health', {});
    const settled = expect(answer).rejects.toBeInstanceOf(FunctionTimeoutError);
    await vi.advanceTimersByTimeAsync(timeoutMs + 1);
    await settled;
    expect(invoker.active).toBe(0);
  });
});

describe('local logs', () => {
  it('name the function that wrote them, however invocations interleave', async () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const { default: middy } = await import('@middy/core');
      const { injectLambdaContext } = await import('@aws-lambda-powertools/logger/middleware');
      const { logger } = await import('../../../shared/observability.ts');
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      // Each handler logs after the other's context was injected: a shared logger would mix them up.
      const handlerOf = (wait: Promise<void>) =>
        middy(async () => {
          await wait;
          logger.info('step');
        }).use(injectLambdaContext(logger));
      const invoker = createInvoker(async (name) => handlerOf(name === 'health' ? gate : Promise.resolve()));
      const first = invoker.invoke('health', {});
      await new Promise((resolve) => setImmediate(resolve));
      await invoker.invoke('list-agencies', {});
      release();
      await first;
    } finally {
      write.mockRestore();
    }
    const names = lines
      .filter((line) => line.includes('"message":"step"'))
      .map((line) => (JSON.parse(line) as { function_name: string }).function_name);
    expect(names.sort()).toEqual(['health', 'list-agencies']);
  });
});

describe('the local invoker on a busy machine', () => {
  it('does not count against the handler the time in which the process could not run', async () => {
    const timeoutMs = specOf('health').timeoutSeconds * 1000;
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Two hops on the event loop: a starved loop runs the first late, then the second 20 ms after.
    const invoker = createInvoker(async () => async () => {
      await later(10);
      await later(20);
      return 'done';
    });
    const answer = invoker.invoke('health', {});
    await new Promise((resolve) => setImmediate(resolve));
    // The process cannot run for longer than the whole timeout (the machine busy elsewhere).
    const starvedUntil = Date.now() + timeoutMs + 500;
    while (Date.now() < starvedUntil) {
      // busy: no timer, no I/O runs
    }
    await expect(answer).resolves.toBe('done');
  });
});
