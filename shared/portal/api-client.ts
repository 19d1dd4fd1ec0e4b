/**
 * The portal's way to the platform for a signed-in person: the same HTTP API, with their token. So the
 * API's authorizer, validation and rules (a citizen sees only their dossiers, an official only their
 * agency's) hold for the pages too, and the portal itself holds no grant on the data.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A problem+json answer of the API: its Vietnamese title and detail are what the page shows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fields: readonly FieldProblem[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(`API ${status} ${code}`);
  }

  /** What the page tells the person (Vietnamese): the detail, or the title, and the fields' messages. */
  get sentence(): string {
    const fields = this.fields.map((f) => f.message).join('. ');
    return [this.detail ?? this.title, fields].filter(Boolean).join(' ');
  }
}

export interface ApiClient {
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  /** A change; the key makes a resubmitted form (back button, double click, retry) do it once. */
  post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T>;
}

export type Fetch = typeof fetch;

/**
 * Without a token: the API's public routes (e.g. the signature check), asked as nobody. `edgeHeaders`:
 * what vouches for the portal's calls when they skip the edge (functions/portal/handler.ts).
 */
export function apiClient(
  baseUrl: string,
  token?: string,
  fetchImpl: Fetch = fetch,
  edgeHeaders: () => Promise<Record<string, string>> = async () => ({}),
): ApiClient {
  const call = async <T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> => {
    const response = await fetchImpl(new URL(path, baseUrl), {
      method,
      headers: {
        ...(await edgeHeaders()),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.ok) return parsed as T;
    const problem = (parsed ?? {}) as Record<string, unknown>;
    throw new ApiError(
      response.status,
      typeof problem.code === 'string' ? problem.code : String(response.status),
      typeof problem.title === 'string' ? problem.title : typeof problem.message === 'string' ? problem.message : '',
      typeof problem.detail === 'string' ? problem.detail : undefined,
      Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : [],
      problem,
    );
  };
  return {
    get: (path, query = {}) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined && value !== '') search.set(key, String(value));
      const qs = search.toString();
      return call('GET', qs ? `${path}?${qs}` : path);
    },
    post: (path, body, idempotencyKey) => call('POST', path, body, idempotencyKey),
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
