import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { portalHandler } from '../../../shared/portal/handler.ts';
import { fakeApi, fakeDeps, portalOrigin, sessionToken } from '../../support/portal-fakes.ts';

const procedure = {
  code: '1.008927',
  version: 1,
  name: 'Đăng ký hành nghề và cấp Thẻ Thừa hành viên',
  field: 'Thừa phát lại',
  level: 'department',
  agencyId: '24.STP',
  serviceLevel: 'fully-online',
  processingTime: { workingDays: 5 },
  fee: null,
  resultType: 'Thẻ Thừa hành viên',
  documents: [],
  steps: [{ name: 'Tiếp nhận', role: 'receiver', duration: { workingDays: 1 } }],
} satisfies Procedure;

/** A GET as API Gateway hands it over, arriving under `host`. */
const eventFor = (path: string, host: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host, 'x-forwarded-proto': 'https' },
    isBase64Encoded: false,
    requestContext: { domainName: host, http: { method: 'GET', path, sourceIp: '203.0.113.7' } },
  }) as unknown as APIGatewayProxyEventV2;

describe('the portal behind API Gateway', () => {
  it('calls the API at the configured public URL, whatever Host the request names', async () => {
    const origins: string[] = [];
    const handler = portalHandler(
      fakeDeps({
        getProcedure: async () => procedure,
        api: (origin) => {
          origins.push(origin);
          return fakeApi(() => ({ appointment: 'Chiều thứ Ba, ngày 10/03/2026' }));
        },
      }),
      { publicUrl: `${portalOrigin}/` },
    );
    const response = await handler(eventFor('/portal/thu-tuc/1.008927', 'attacker.example'));
    expect(response.statusCode).toBe(200);
    expect(origins).toEqual([portalOrigin]);
    expect(response.body).not.toContain('attacker.example');
  });

  it('hands a file the API rendered to API Gateway as base64, for it to send as bytes', async () => {
    const code = '24.07210-260302-0001';
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0x00, 0xff]);
    const handler = portalHandler(
      fakeDeps({
        api: () =>
          fakeApi(
            () => ({}),
            () => ({}),
            () => ({ bytes: pdf, contentType: 'application/pdf' }),
          ),
      }),
      { publicUrl: portalOrigin },
    );
    const citizen = sessionToken({ sub: 'citizen-an', name: 'Nguyễn Văn An', roles: ['citizen'] });
    const response = await handler({
      ...eventFor(`/portal/ho-so-cua-toi/${code}/phieu-kiem-soat`, 'dichvucong.example'),
      cookies: [`__Host-egov-session=${citizen}`],
    } as APIGatewayProxyEventV2);
    expect(response.statusCode).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(Buffer.from(response.body ?? '', 'base64').equals(Buffer.from(pdf))).toBe(true);
  });
});

describe('the portal behind the edge', () => {
  const secret = 'origin-verify-0123456789abcdefghijklmnopqrstuvwxyz';
  const seenBy = () => {
    const addresses: Array<string | undefined> = [];
    const handler = portalHandler(
      fakeDeps({
        lookup: async (_input, client) => {
          addresses.push(client);
          throw new Error('stop here');
        },
      }),
      { publicUrl: `${portalOrigin}/`, originSecret: async () => secret },
    );
    return { addresses, handler };
  };
  const lookupPost = (headers: Record<string, string>) => {
    const event = eventFor('/portal/tra-cuu-ho-so', 'dichvucong.bacninh.gov.vn');
    return {
      ...event,
      headers: {
        ...event.headers,
        ...headers,
        origin: portalOrigin,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'code=000.00.24.H00-260101-0001&pin=123456',
      requestContext: {
        ...event.requestContext,
        http: { ...event.requestContext.http, method: 'POST', sourceIp: '130.176.1.1' },
      },
    } as APIGatewayProxyEventV2;
  };

  it('refuses a page asked past CloudFront, in Vietnamese', async () => {
    const { handler, addresses } = seenBy();
    const response = await handler(lookupPost({}));
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Không được truy cập trực tiếp');
    expect(addresses).toEqual([]);
  });

  it('counts the look-up against the viewer’s address, not CloudFront’s', async () => {
    const { handler, addresses } = seenBy();
    await handler(lookupPost({ 'x-egov-origin-verify': secret, 'cloudfront-viewer-address': '203.0.113.9:5000' }));
    expect(addresses).toEqual(['203.0.113.9']);
  });
});
