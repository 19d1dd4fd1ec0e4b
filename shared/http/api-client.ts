/**
 * The one client of the platform's HTTP API, for everything that calls it as a client would: the portal
 * (for a signed-in person, with their token, so the API's authorizer, validation and rules hold for the
 * pages too and the portal holds no grant on the data), the scripts (`npm run demo`) and the tests.
 * It lives beside the API's contract (problem+json, Idempotency-Key, the edge's header), not in any one
 * of its callers, so the portal imports nothing of the scripts or the tests.
 */
import type { FieldError } from './problem.ts';

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

/** What the portal's pages and the scripts ask of the API: its answers, or its refusal as an `ApiError`. */
export interface ApiClient {
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  /** A GET answered with a file rather than JSON; its refusals are problems like any other call's. */
  getFile(path: string, accept: string): Promise<ApiFile>;
  /** A change; the key makes a resubmitted form (back button, double click, retry) do it once. */
  post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T>;
}

/** One call as the caller words it: a JSON body, or a body sent exactly as given (a malformed one, say). */
export interface ApiRequest {
  body?: unknown;
  rawBody?: string;
  /** Sent as given, after the client's own (they win over its `content-type`). */
  headers?: Record<string, string>;
}

/** An answer as it came, refusals included: JSON and problem+json parsed, any other text (a page) as text. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  /** The body as sent, for a caller that checks what an answer lets out. */
  text: string;
}

/** The client, with the raw call its typed ones are built on: for callers that read refusals themselves. */
export interface RawApiClient extends ApiClient {
  /** Never throws for an answer, whatever its status (only when there is no answer at all). */
  call(method: string, path: string, request?: ApiRequest): Promise<ApiResponse>;
}

export type Fetch = typeof fetch;

export interface ApiClientOptions {
  fetch?: Fetch;
  /** What vouches for the portal's calls when they skip the edge (functions/portal/handler.ts). */
  edgeHeaders?: () => Promise<Record<string, string>>;
  /** A call not answered by then fails; without it a call waits as long as the API takes. */
  timeoutMs?: number;
}

/** Without a token: the API's public routes (e.g. the signature check), asked as nobody. */
export function apiClient(baseUrl: string, token?: string, options: ApiClientOptions = {}): RawApiClient {
  const { fetch: fetchImpl = fetch, edgeHeaders = async () => ({}), timeoutMs } = options;
  const send = async (method: string, path: string, request: ApiRequest = {}): Promise<Response> => {
    const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    return fetchImpl(new URL(path, baseUrl), {
      method,
      headers: {
        ...(await edgeHeaders()),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(body === undefined ? {} : { body }),
      ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
    });
  };
  const call = async (method: string, path: string, request?: ApiRequest): Promise<ApiResponse> => {
    const response = await send(method, path, request);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: bodyOf(text, response.headers), text };
  };
  const answerOf = async <T>(method: string, path: string, request: ApiRequest): Promise<T> => {
    const { status, body } = await call(method, path, request);
    if (status >= 200 && status < 300) return body as T;
    throw problemOf(status, body);
  };
  return {
    call,
    get: (path, query = {}) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined && value !== '') search.set(key, String(value));
      const qs = search.toString();
      return answerOf('GET', qs ? `${path}?${qs}` : path, { headers: { accept: 'application/json' } });
    },
    getFile: async (path, accept) => {
      const response = await send('GET', path, { headers: { accept } });
      if (!response.ok) throw problemOf(response.status, bodyOf(await response.text(), response.headers));
      const disposition = response.headers.get('content-disposition');
      return {
        bytes: new Uint8Array(await response.arrayBuffer()),
        contentType: response.headers.get('content-type') ?? accept,
        ...(disposition ? { disposition } : {}),
      };
    },
    post: (path, body, idempotencyKey) =>
      answerOf('POST', path, {
        body,
        headers: { accept: 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      }),
  };
}

/** JSON (and problem+json) parsed; anything else as its text; nothing as undefined. */
function bodyOf(text: string, headers: Headers): unknown {
  if (!text) return undefined;
  if (!/json/.test(headers.get('content-type') ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The API's problem+json refusal as the error the pages show. */
function problemOf(status: number, body: unknown): ApiError {
  const problem = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return new ApiError(
    status,
    typeof problem.code === 'string' ? problem.code : String(status),
    typeof problem.title === 'string' ? problem.title : typeof problem.message === 'string' ? problem.message : '',
    typeof problem.detail === 'string' ? problem.detail : undefined,
    Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [],
    problem,
  );
}
