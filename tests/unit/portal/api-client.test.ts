/**
 * The portal's calls to the API go straight to the API's own address (API_URL), not back through the
 * edge the page request already passed: the WAF would count every citizen's calls against the portal's
 * one address. The edge's origin-verify header vouches for them, as CloudFront's does for a browser's.
 */
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../../shared/portal/api-client.ts';
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
    const api = apiClient('https://abc123.execute-api.ap-southeast-1.amazonaws.com', 'token', fetchImpl, async () => ({
      [originVerifyHeader]: 'the-secret',
    }));
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
    await apiClient('http://127.0.0.1:3000', undefined, fetchImpl).get('/v1/agencies');
    expect(calls[0]?.headers.has(originVerifyHeader)).toBe(false);
  });
});
