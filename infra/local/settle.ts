/**
 * Waiting for the local cloud to go idle, by progress rather than by a wall-clock budget: on a busy
 * machine a healthy pipeline only runs slower, so the wait fails when nothing has moved for a while,
 * however long the whole wait took.
 */

/** One look at the cloud. */
export interface CloudProbe {
  /** Nothing queued (visible, in flight, delayed) and no invocation running. */
  idle: boolean;
  /** Changes whenever something moves: an invocation starts or ends, a message is sent, received, deleted. */
  progress: string;
  /**
   * Until when the cloud is waiting on a clock rather than stuck (ms since the epoch): a delayed message's
   * delay, an in-flight message's visibility timeout, a running invocation's own timeout. 0: none.
   */
  waitingUntil: number;
  /** What is pending, for the error. */
  describe(): string;
}

export interface SettleOptions {
  /**
   * How long nothing may move (once no timer is pending) before settle() gives up. Default 30 s: a ready
   * message is taken within a poll (1 s) on an idle machine, so 30 s without any change is a stall, not load.
   */
  stallMs?: number;
  /** Pause between the checks; default 25 ms. */
  intervalMs?: number;
}

export class SettleStalledError extends Error {
  constructor(stallMs: number, pending: string) {
    super(`settle(): no progress for ${stallMs} ms: ${pending}`);
    this.name = 'SettleStalledError';
  }
}

/**
 * Resolves once the probe reads idle twice in a row; rejects once it has read the same progress, with
 * no timer pending, for `stallMs`.
 */
export async function settle(probe: () => CloudProbe, options: SettleOptions = {}): Promise<void> {
  const stallMs = options.stallMs ?? 30_000;
  const interval = options.intervalMs ?? 25;
  let quietChecks = 0;
  let last: string | undefined;
  let lastMovedAt = Date.now();
  // Twice in a row: a handler may finish (count 0) a moment before its sent message is counted elsewhere.
  for (;;) {
    const now = Date.now();
    const look = probe();
    if (look.progress !== last) {
      last = look.progress;
      lastMovedAt = now;
    }
    quietChecks = look.idle ? quietChecks + 1 : 0;
    if (quietChecks >= 2) return;
    const stillSince = Math.max(lastMovedAt, look.waitingUntil);
    if (!look.idle && now - stillSince > stallMs) throw new SettleStalledError(stallMs, look.describe());
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
