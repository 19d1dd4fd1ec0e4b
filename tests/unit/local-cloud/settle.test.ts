import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CloudProbe, settle } from '../../../infra/local/settle.ts';

/** A cloud that moves one step per look for `steps` looks, then is idle; or never moves again. */
function cloudThat(steps: number, after: 'idle' | 'stuck'): () => CloudProbe {
  let looks = 0;
  return () => {
    looks++;
    const moving = looks <= steps;
    return {
      idle: !moving && after === 'idle',
      progress: String(Math.min(looks, steps)),
      waitingUntil: 0,
      describe: () => 'notify: 1 ready',
    };
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('settle()', () => {
  it('keeps waiting as long as the cloud moves, however long that takes in all', async () => {
    // 20,000 looks 25 ms apart: 500 s of a slow but moving pipeline, far beyond the 1 s stall window.
    const settled = settle(cloudThat(20_000, 'idle'), { stallMs: 1_000 });
    await vi.advanceTimersByTimeAsync(501_000);
    await expect(settled).resolves.toBeUndefined();
  });

  it('fails once nothing has moved for the stall window, naming what is pending', async () => {
    const settled = settle(cloudThat(40, 'stuck'), { stallMs: 1_000 });
    const outcome = expect(settled).rejects.toThrow(/^settle\(\): no progress for 1000 ms: notify: 1 ready$/);
    await vi.advanceTimersByTimeAsync(2_100);
    await outcome;
  });

  it('does not count the time a pending timer holds the cloud still', async () => {
    let now = 0;
    const timerDue = Date.now() + 10_000;
    const probe = (): CloudProbe => ({
      idle: (now += 25) > 10_500,
      progress: 'unchanged',
      waitingUntil: timerDue,
      describe: () => 'notify: 1 delayed',
    });
    const settled = settle(probe, { stallMs: 1_000 });
    await vi.advanceTimersByTimeAsync(11_000);
    await expect(settled).resolves.toBeUndefined();
  });
});
