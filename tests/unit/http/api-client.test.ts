/**
 * The one API client's raw call, which the tests' `request` is: an answer as it came, refusals included,
 * with the request worded as the caller gave it (the portal's typed calls: tests/unit/portal/api-client.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { ApiError, apiClient } from '../../../shared/http/api-client.ts';

interface Seen {
  url: string;
  method: string | undefined;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | null | undefined;
}

function answering(response: () => Response) {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({
      url: String(input),
      method: init?.method,
      headers: new Headers(init?.headers),
      body: init?.body,
      signal: init?.signal,
    });
    return response();
  }) as typeof fetch;
  return { seen, fetchImpl };
}

const problem = () =>
  new Response(JSON.stringify({ status: 409, code: 'version-conflict', title: 'Xung đột phiên bản' }), {
    status: 409,
    headers: { 'content-type': 'application/problem+json' },
  });

describe('the API client’s raw call', () => {
  it('answers a refusal with its status, headers, parsed problem and text instead of throwing', async () => {
    const { fetchImpl } = answering(problem);
    const answer = await apiClient('http://127.0.0.1:3000', 'token', { fetch: fetchImpl }).call(
      'POST',
      '/v1/dossiers/x/actions',
      { body: { type: 'receive' } },
    );
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toEqual({ status: 409, code: 'version-conflict', title: 'Xung đột phiên bản' });
    expect(answer.text).toBe('{"status":409,"code":"version-conflict","title":"Xung đột phiên bản"}');
  });

  it('keeps an answer that is not JSON (a page) as its text, and an empty one as undefined', async () => {
    const page = answering(
      () => new Response('<!doctype html><p>Trang</p>', { headers: { 'content-type': 'text/html' } }),
    );
    expect((await apiClient('http://h', undefined, { fetch: page.fetchImpl }).call('GET', '/portal/')).body).toBe(
      '<!doctype html><p>Trang</p>',
    );
    const empty = answering(() => new Response(null, { status: 204 }));
    expect((await apiClient('http://h', undefined, { fetch: empty.fetchImpl }).call('DELETE', '/x')).body).toBe(
      undefined,
    );
  });

  it('sends a raw body exactly as given, as JSON unless the caller’s headers say otherwise', async () => {
    const { seen, fetchImpl } = answering(() => new Response(null, { status: 400 }));
    const client = apiClient('http://h', 'token', { fetch: fetchImpl });
    await client.call('POST', '/v1/dossiers', { rawBody: '{"a":' });
    await client.call('POST', '/v1/dossiers', { rawBody: 'a=1', headers: { 'content-type': 'text/plain' } });
    expect(seen.map((s) => [s.body, s.headers.get('content-type')])).toEqual([
      ['{"a":', 'application/json'],
      ['a=1', 'text/plain'],
    ]);
    expect(seen.every((s) => s.headers.get('authorization') === 'Bearer token')).toBe(true);
  });

  it('sends no body, content type or accept header of its own on a bare call', async () => {
    const { seen, fetchImpl } = answering(() => new Response(null, { status: 200 }));
    await apiClient('http://h', undefined, { fetch: fetchImpl }).call('GET', '/v1/agencies');
    expect(seen[0]?.body).toBeUndefined();
    expect([...(seen[0]?.headers.keys() ?? [])]).toEqual([]);
  });

  it('bounds a call only when given a time (the portal’s), never the tests’ or the scripts’', async () => {
    const { seen, fetchImpl } = answering(() => new Response(null, { status: 200 }));
    await apiClient('http://h', undefined, { fetch: fetchImpl }).call('GET', '/a');
    await apiClient('http://h', undefined, { fetch: fetchImpl, timeoutMs: 20_000 }).call('GET', '/b');
    expect(seen[0]?.signal).toBeUndefined();
    expect(seen[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('throws the same refusal as an ApiError from the typed calls', async () => {
    const { fetchImpl } = answering(problem);
    const refused = await apiClient('http://h', 'token', { fetch: fetchImpl })
      .post('/v1/dossiers/x/actions', { type: 'receive' }, 'key-1')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 409, code: 'version-conflict', sentence: 'Xung đột phiên bản' });
  });
});
