/**
 * A process that dies after its Nth write. Each write the use case makes through a wrapped
 * dependency is counted once it has succeeded; at the Nth, the process "dies": that call and every
 * later one never settle, so nothing the use case would do next happens (no catch, no finally
 * that writes), as when Lambda's sandbox is killed. The abandoned promise is simply dropped.
 */
export class CrashPlan {
  writes = 0;
  #dead = false;
  #died!: () => void;
  readonly #death = new Promise<void>((resolve) => {
    this.#died = resolve;
  });

  /** `crashAfter` 0 dies before the first write; a number past the last write never dies. */
  constructor(readonly crashAfter: number) {}

  get died(): boolean {
    return this.#dead;
  }

  /** Runs the use case; resolves `crashed` when the process died, or the result when it finished. */
  async run<T>(work: () => Promise<T>): Promise<{ crashed: true } | { crashed: false; result: T }> {
    if (this.crashAfter === 0) this.#die();
    if (this.#dead) return { crashed: true };
    return Promise.race([
      work().then((result) => ({ crashed: false as const, result })),
      this.#death.then(() => ({ crashed: true as const })),
    ]);
  }

  /** Wraps a write: counted once it succeeded; the Nth kills the process before its result is seen. */
  write<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      if (this.#dead) return never();
      const result = await fn(...args);
      if (this.#dead) return never();
      if (++this.writes === this.crashAfter) {
        this.#die();
        return never();
      }
      return result;
    };
  }

  /** The object with the named methods wrapped as writes; the others (reads) pass through unless dead. */
  wrap<T extends object>(target: T, methods: readonly (keyof T & string)[]): T {
    const wrapped: Record<string, unknown> = {};
    for (const name of methods) {
      const fn = target[name] as unknown as (...args: unknown[]) => Promise<unknown>;
      wrapped[name] = this.write(fn.bind(target));
    }
    return new Proxy(target, {
      get: (t, key, receiver) => {
        if (typeof key === 'string' && key in wrapped) return wrapped[key];
        const value = Reflect.get(t, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => (this.#dead ? never() : (value as (...a: unknown[]) => unknown).apply(t, args));
      },
    });
  }

  #die(): void {
    this.#dead = true;
    this.#died();
  }
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/**
 * Runs `scenario` with crashAfter = 0, 1, 2, … until a run completes without dying, and returns
 * how many writes that complete run made. Each crashed run is followed by its recovery in `scenario`.
 */
export async function atEveryWrite(scenario: (plan: CrashPlan) => Promise<void>, limit = 30): Promise<number> {
  for (let crashAfter = 0; crashAfter <= limit; crashAfter++) {
    const plan = new CrashPlan(crashAfter);
    await scenario(plan);
    if (!plan.died) return plan.writes;
  }
  throw new Error(`Still crashing after ${limit} writes: is the use case looping?`);
}
