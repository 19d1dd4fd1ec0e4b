/**
 * Sequential AWS round trips per HTTP route: how many times a request waits on the network. Calls
 * that overlap in time count once: a round trip starts when a call begins while none of the same
 * invocation is in flight. The invocation is found through AsyncLocalStorage, which follows the
 * handler's awaits into every SDK call it makes (tests/bench/support/sdk-calls.ts reports them).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Invocation {
  route: string;
  inFlight: number;
  trips: number;
  calls: number;
  /** `service.Command` of each call, `|` before each new round trip. */
  sequence: string[];
}

export interface RouteTrips {
  route: string;
  kind: 'read' | 'write';
  invocations: number;
  /** Round trips of each invocation, in the order they ran. */
  trips: number[];
  calls: number[];
  /** The calls of the route's first invocation, in order: what its round trips are. */
  sequence: string[];
}

/** docs/design.md §10: a write route waits on at most 4 round trips, a read route on 2. */
export const roundTripBars = { write: 4, read: 2 } as const;

export class RoundTrips {
  private readonly current = new AsyncLocalStorage<Invocation>();
  private readonly routes = new Map<string, RouteTrips>();

  /** Runs one invocation of `route` (`POST /v1/dossiers`), counting its calls. */
  async run<T>(route: string, invoke: () => Promise<T>): Promise<T> {
    const invocation: Invocation = { route, inFlight: 0, trips: 0, calls: 0, sequence: [] };
    try {
      return await this.current.run(invocation, invoke);
    } finally {
      const seen = this.routes.get(route) ?? {
        route,
        kind: route.startsWith('GET ') ? ('read' as const) : ('write' as const),
        invocations: 0,
        trips: [],
        calls: [],
        sequence: invocation.sequence,
      };
      seen.invocations++;
      seen.trips.push(invocation.trips);
      seen.calls.push(invocation.calls);
      this.routes.set(route, seen);
    }
  }

  /** A call starts (synchronously, in the caller's context), e.g. `dynamodb.GetItem`. Returns its end. */
  started(what = 'call'): () => void {
    const invocation = this.current.getStore();
    if (!invocation) return () => {};
    invocation.sequence.push(invocation.inFlight === 0 ? `| ${what}` : what);
    if (invocation.inFlight === 0) invocation.trips++;
    invocation.inFlight++;
    invocation.calls++;
    return () => {
      invocation.inFlight--;
    };
  }

  reset(): void {
    this.routes.clear();
  }

  results(): RouteTrips[] {
    return [...this.routes.values()];
  }
}

/** The verdict of one route against its bar: the worst invocation decides. */
export const verdictOf = (r: RouteTrips): { worst: number; bar: number; ok: boolean } => {
  const worst = Math.max(...r.trips);
  const bar = roundTripBars[r.kind];
  return { worst, bar, ok: worst <= bar };
};
