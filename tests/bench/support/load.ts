/**
 * A small closed-loop load generator: `concurrency` workers issue `total` calls between them, each
 * timed. Hand-written rather than autocannon, because the same loop must also drive raw SDK calls
 * (GetItem, PutItem) for the ratios' baselines, and the API calls need per-route tokens and bodies.
 */
export interface LoadRun {
  latenciesMs: number[];
  wallMs: number;
  failures: number;
}

export async function runLoad(
  total: number,
  concurrency: number,
  call: (index: number) => Promise<boolean | void>,
): Promise<LoadRun> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const t = performance.now();
      const ok = await call(index).catch(() => false);
      latenciesMs.push(performance.now() - t);
      if (ok === false) failures++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { latenciesMs, wallMs: performance.now() - started, failures };
}

/** Nearest-rank percentile (p in 0–100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);
