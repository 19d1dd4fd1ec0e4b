/**
 * Behind CloudFront (infra/stacks/edge.ts) the API's functions reachable without a token refuse what
 * did not come through the edge (its WAF and rate limits), and take the caller's address from
 * CloudFront-Viewer-Address: API Gateway's own source address is then one of CloudFront's, shared by
 * everyone behind one edge location. Without an edge configured (the local cloud) nothing changes.
 */
import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
vi.hoisted(() => {
  // The handler module reads the configuration when it loads: a function's environment, as deployed.
  process.env.TABLE_NAME ??= 'egov-test';
  process.env.PUBLIC_URL ??= 'https://dichvucong.bacninh.gov.vn';
  process.env.PROVINCE_CODE ??= '24';
});

import { clientAddress } from '../../../shared/http/client-address.ts';
import { originVerifyHeader, viewerAddressOf } from '../../../shared/http/edge-origin.ts';
import { httpHandler } from '../../../shared/http/http-handler.ts';
import type { HttpEvent } from '../../../shared/http/parse-request.ts';
import { functionSettingsEnvironment } from '../../../infra/function-settings.ts';
import { specOf } from '../../../infra/manifest.ts';

// Its route as its Lambda's environment gives it (infra/function-settings.ts).
Object.assign(process.env, functionSettingsEnvironment([['lookup-dossier', specOf('lookup-dossier')]]));

const secret = 'origin-verify-0123456789abcdefghijklmnopqrstuvwxyz';
const context = { awsRequestId: 'req-1', functionName: 'lookup-dossier' } as Context;

function eventOf(headers: Record<string, string>): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'POST /v1/dossier-lookups',
    rawPath: '/v1/dossier-lookups',
    rawQueryString: '',
    headers,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.execute-api.ap-southeast-1.amazonaws.com',
      domainPrefix: 'api',
      http: {
        method: 'GET',
        path: '/v1/dossier-lookups',
        protocol: 'HTTP/1.1',
        sourceIp: '130.176.1.1',
        userAgent: 'x',
      },
      requestId: 'req-1',
      routeKey: 'POST /v1/dossier-lookups',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
  } as unknown as HttpEvent;
}

/** A public function answering with the caller's address as it sees it. */
const handlerWith = (configured: string | undefined) =>
  httpHandler('lookup-dossier', {
    originSecret: async () => configured,
    middlewares: [clientAddress.middleware],
  }).handle(async (request) => ({ status: 200, body: { address: clientAddress.of(request) } }));

describe('a public function behind the edge', () => {
  it('refuses a request that bypassed CloudFront (no header, or a wrong one) with a Vietnamese 403', async () => {
    const handler = handlerWith(secret);
    const attempts: Array<Record<string, string>> = [
      {},
      { [originVerifyHeader]: 'guessed' },
      { [originVerifyHeader]: `${secret}x` },
    ];
    for (const headers of attempts) {
      const response = await handler(eventOf(headers), context);
      expect(response.statusCode).toBe(403);
      expect(JSON.parse(String(response.body))).toMatchObject({
        code: 'edge-bypassed',
        title: expect.stringMatching(/truy cập/),
      });
    }
  });

  it('answers what came through CloudFront, from the viewer’s own address, not CloudFront’s', async () => {
    const handler = handlerWith(secret);
    const v4 = await handler(
      eventOf({ [originVerifyHeader]: secret, 'cloudfront-viewer-address': '203.0.113.7:46532' }),
      context,
    );
    expect(v4.statusCode).toBe(200);
    expect(JSON.parse(String(v4.body))).toEqual({ address: '203.0.113.7' });
    const v6 = await handler(
      eventOf({ [originVerifyHeader]: secret, 'cloudfront-viewer-address': '2001:db8:0:0:0:0:0:1:443' }),
      context,
    );
    expect(JSON.parse(String(v6.body))).toEqual({ address: '2001:db8:0:0:0:0:0:1' });
  });

  it('never trusts a viewer address it cannot vouch for: without an edge configured, API Gateway’s source stays', async () => {
    const response = await handlerWith(undefined)(eventOf({ 'cloudfront-viewer-address': '203.0.113.7:1' }), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ address: '130.176.1.1' });
  });
});

describe('a function reachable without a token', () => {
  it('cannot be built without the edge’s origin check: it fails at init, not open', () => {
    expect(() => httpHandler('lookup-dossier', {})).toThrow(/reachable without a token.*origin check/);
  });
});

describe('CloudFront-Viewer-Address', () => {
  it('is the address without its port; anything else is no address', () => {
    expect(viewerAddressOf('198.51.100.10:46532')).toBe('198.51.100.10');
    expect(viewerAddressOf('2001:db8::1:46532')).toBe('2001:db8::1');
    expect(viewerAddressOf(undefined)).toBeUndefined();
    expect(viewerAddressOf('no-port')).toBeUndefined();
    expect(viewerAddressOf('1.2.3.4:80, 5.6.7.8:1')).toBeUndefined();
  });
});
