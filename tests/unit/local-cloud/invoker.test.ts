import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInvoker, FunctionTimeoutError, type LambdaHandler } from '../../../infra/local/lambda.ts';
import { specOf } from '../../../infra/manifest.ts';

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
