/**
 * The portal's way to the platform for a signed-in person: the same HTTP API, with their token. So the
 * API's authorizer, validation and rules (a citizen sees only their dossiers, an official only their
 * agency's) hold for the pages too, and the portal itself holds no grant on the data.
 */
import type { FieldError } from '../http/problem.ts';

/** A problem+json answer of the API: its Vietnamese title and detail are what the page shows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fields: readonly FieldError[] = [],
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

/** A file the API answers (a PDF it renders), as it answered it. */
export interface ApiFile {
  bytes: Uint8Array;
  contentType: string;
  /** The API's `content-disposition`, with the file's name, when it gave one. */
  disposition?: string;
}

export interface ApiClient {
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  /** A GET answered with a file rather than JSON; its refusals are problems like any other call's. */
  getFile(path: string, accept: string): Promise<ApiFile>;
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
  const send = async (method: string, path: string, accept: string, body?: unknown, idempotencyKey?: string) =>
    fetchImpl(new URL(path, baseUrl), {
      method,
      headers: {
        ...(await edgeHeaders()),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        accept,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
  const call = async <T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> => {
    const response = await send(method, path, 'application/json', body, idempotencyKey);
    const text = await response.text();
    if (response.ok) return parseJson(text) as T;
    throw problemOf(response.status, text);
  };
  return {
    get: (path, query = {}) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined && value !== '') search.set(key, String(value));
      const qs = search.toString();
      return call('GET', qs ? `${path}?${qs}` : path);
    },
    getFile: async (path, accept) => {
      const response = await send('GET', path, accept);
      if (!response.ok) throw problemOf(response.status, await response.text());
      const disposition = response.headers.get('content-disposition');
      return {
        bytes: new Uint8Array(await response.arrayBuffer()),
        contentType: response.headers.get('content-type') ?? accept,
        ...(disposition ? { disposition } : {}),
      };
    },
    post: (path, body, idempotencyKey) => call('POST', path, body, idempotencyKey),
  };
}

/** The API's problem+json refusal as the error the pages show. */
function problemOf(status: number, text: string): ApiError {
  const problem = (parseJson(text) ?? {}) as Record<string, unknown>;
  return new ApiError(
    status,
    typeof problem.code === 'string' ? problem.code : String(status),
    typeof problem.title === 'string' ? problem.title : typeof problem.message === 'string' ? problem.message : '',
    typeof problem.detail === 'string' ? problem.detail : undefined,
    Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [],
    problem,
  );
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
