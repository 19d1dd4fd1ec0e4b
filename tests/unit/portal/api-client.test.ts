/**
 * The portal's calls to the API go straight to the API's own address (API_URL), not back through the
 * edge the page request already passed: the WAF would count every citizen's calls against the portal's
 * one address. The edge's origin-verify header vouches for them, as CloudFront's does for a browser's.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, apiClient } from '../../../shared/http/api-client.ts';
import { originVerifyHeader } from '../../../shared/http/edge-origin.ts';

function recordingFetch() {
  const calls: Array<{ url: string; headers: Headers }> = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response(JSON.stringify({ ok: true }), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('the portal’s API client', () => {
  it('sends the edge’s header with every call when the portal sits behind the edge', async () => {
    const { calls, fetchImpl } = recordingFetch();
    const api = apiClient('https://abc123.execute-api.ap-southeast-1.amazonaws.com', 'token', {
      fetch: fetchImpl,
      edgeHeaders: async () => ({ [originVerifyHeader]: 'the-secret' }),
    });
    await api.get('/v1/agencies');
    await api.post('/v1/signature-verifications', { code: 'x' });
    expect(calls.map((c) => c.url)).toEqual([
      'https://abc123.execute-api.ap-southeast-1.amazonaws.com/v1/agencies',
      'https://abc123.execute-api.ap-southeast-1.amazonaws.com/v1/signature-verifications',
    ]);
    for (const call of calls) {
      expect(call.headers.get(originVerifyHeader)).toBe('the-secret');
      expect(call.headers.get('authorization')).toBe('Bearer token');
    }
  });

  it('sends no such header without an edge (the local cloud)', async () => {
    const { calls, fetchImpl } = recordingFetch();
    await apiClient('http://127.0.0.1:3000', undefined, { fetch: fetchImpl }).get('/v1/agencies');
    expect(calls[0]?.headers.has(originVerifyHeader)).toBe(false);
  });

  it('fetches a file the API renders with the token, and reads its refusal as a problem like any call’s', async () => {
    const seen: Headers[] = [];
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      seen.push(new Headers(init?.headers));
      return String(input).endsWith('-0001/control-slip')
        ? new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff]), {
            headers: { 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="a.pdf"' },
          })
        : new Response(
            JSON.stringify({
              status: 404,
              code: 'not-found',
              title: 'Không tìm thấy',
              detail: 'Không tìm thấy hồ sơ.',
            }),
            {
              status: 404,
              headers: { 'content-type': 'application/problem+json' },
            },
          );
    }) as typeof fetch;
    const api = apiClient('http://127.0.0.1:3000', 'token', { fetch: fetchImpl });
    const file = await api.getFile('/v1/dossiers/24.07210-260302-0001/control-slip', 'application/pdf');
    expect([...file.bytes]).toEqual([0x25, 0x50, 0x44, 0x46, 0xff]);
    expect(file).toMatchObject({ contentType: 'application/pdf', disposition: 'inline; filename="a.pdf"' });
    expect(seen[0]?.get('accept')).toBe('application/pdf');
    expect(seen[0]?.get('authorization')).toBe('Bearer token');
    const refused = await api
      .getFile('/v1/dossiers/24.07210-260302-0002/control-slip', 'application/pdf')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 404, code: 'not-found', sentence: 'Không tìm thấy hồ sơ.' });
  });
});
