import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { portalHandler } from '../../../shared/portal/handler.ts';
import { fakeApi, fakeDeps, portalOrigin } from '../../support/portal-fakes.ts';

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
});
