import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import { ApiError } from '../../../shared/http/api-client.ts';
import type { PortalDeps } from '../../../shared/portal/deps.ts';
import { paths } from '../../../shared/portal/paths.ts';
import { htmlResponse } from '../../../shared/portal/response.ts';
import type { PortalRoute, SignedInContext } from '../../../shared/portal/route.ts';
import { portalRoutes } from '../../../shared/portal/routes/index.ts';
import { portalRouter } from '../../../shared/portal/router.ts';
import { csrfTokenOf } from '../../../shared/portal/session.ts';
import { html } from '../../../shared/portal/html.ts';
import { fakeApi, fakeDeps, portalOrigin, portalRequest, sessionToken } from '../../support/portal-fakes.ts';

const procedure: Procedure = {
  code: '1.001193',
  version: 1,
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  serviceLevel: 'fully-online',
  processingTime: { workingDays: 0.5 },
  fee: { schedule: { kind: 'fixed', amount: 50_000 }, due: 'intake' },
  resultType: 'Giấy khai sinh',
  documents: [{ name: 'Tờ khai đăng ký khai sinh', copyType: 'original', count: 1 }],
  steps: [{ name: 'Tiếp nhận', role: 'receiver', duration: { workingDays: 0.5 } }],
};

const errors: unknown[] = [];
const deps = (overrides: Partial<PortalDeps> = {}): PortalDeps =>
  fakeDeps({ getProcedure: async () => procedure, logError: (_message, error) => errors.push(error), ...overrides });

const get = (target: string, d = deps()) => portalRouter(d, portalRoutes)(portalRequest('GET', target));

const post = (path: string, form: Record<string, string>, d = deps()) =>
  portalRouter(d, portalRoutes)(portalRequest('POST', path, { form: new URLSearchParams(form) }));

const citizenToken = sessionToken({ sub: 'citizen-an', name: 'Nguyễn Văn An', roles: ['citizen'] });
const signedIn = (token = citizenToken) => ({ token });

describe('portal router', () => {
  it('renders a published answer containing markup as inert text', async () => {
    const response = await get(
      '/portal/phan-anh-kien-nghi',
      deps({
        publishedFeedback: async () => ({
          items: [
            {
              id: 'f1',
              title: '<script>alert(1)</script>',
              answer: '<img src=x onerror=alert(1)>',
              answeredAt: '2026-03-02T03:00:00.000Z',
            },
          ],
        }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body).not.toContain('<script>');
    expect(response.body).not.toContain('<img');
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).toContain('02/03/2026');
  });

  it('shows the fee, the time and the documents of a procedure in Vietnamese', async () => {
    const response = await get('/portal/thu-tuc/1.001193');
    expect(response.body).toContain('50.000 đồng');
    expect(response.body).toContain('0,5 ngày làm việc');
    expect(response.body).toContain('Tờ khai đăng ký khai sinh');
  });

  describe('"Nộp bây giờ, hẹn trả"', () => {
    const ofAgency: Procedure = {
      ...procedure,
      level: 'department',
      agencyId: '24.STP',
      processingTime: { workingDays: 10 },
    };
    const calls: { path: string; query: unknown }[] = [];
    const calculator = (answer: () => unknown) =>
      deps({
        getProcedure: async () => ofAgency,
        api: () =>
          fakeApi((path, query) => {
            calls.push({ path, query });
            return answer();
          }),
      });

    it('asks the public calculator with the competent agency, now and the legal time, and shows its appointment', async () => {
      calls.length = 0;
      const response = await get(
        '/portal/thu-tuc/1.001193',
        calculator(() => ({ appointment: 'Chiều thứ Hai, ngày 16/03/2026' })),
      );
      expect(response.status).toBe(200);
      expect(calls).toEqual([
        {
          path: '/v1/agencies/24.STP/due-date',
          // fakeNow, 2026-03-02T03:00:00Z, is 10:00 in Hà Nội.
          query: { receivedAt: '2026-03-02T10:00:00+07:00', workingDays: 10 },
        },
      ]);
      expect(response.body).toMatch(/Nộp bây giờ, hẹn trả:\s*<strong>Chiều thứ Hai, ngày 16\/03\/2026<\/strong>/);
    });

    it('asks in working hours for a procedure timed in hours', async () => {
      calls.length = 0;
      const hours = { ...ofAgency, processingTime: { workingHours: 4 } };
      await get('/portal/thu-tuc/1.001193', {
        ...calculator(() => ({ appointment: 'x' })),
        getProcedure: async () => hours,
      });
      expect(calls.map((c) => c.query)).toEqual([{ receivedAt: '2026-03-02T10:00:00+07:00', workingHours: 4 }]);
    });

    it('still shows the page, without the line, when the calculator fails', async () => {
      calls.length = 0;
      errors.length = 0;
      const response = await get(
        '/portal/thu-tuc/1.001193',
        calculator(() => {
          throw new ApiError(503, 'unavailable', 'Lỗi', undefined);
        }),
      );
      expect(response.status).toBe(200);
      expect(response.body).toContain(ofAgency.name);
      expect(response.body).not.toContain('Nộp bây giờ');
      expect(errors).toHaveLength(1);
    });

    it('says "tùy xã, phường" for a commune-level procedure, without asking', async () => {
      calls.length = 0;
      const response = await get('/portal/thu-tuc/1.001193', {
        ...calculator(() => ({})),
        getProcedure: async () => procedure,
      });
      expect(response.body).toMatch(/Nộp bây giờ, hẹn trả:\s*tùy xã, phường/);
      expect(calls).toEqual([]);
    });

    it('says nothing for a procedure filed by post (it counts from the day the post arrives)', async () => {
      calls.length = 0;
      const byPost = { ...ofAgency, serviceLevel: 'offline' as const };
      const response = await get('/portal/thu-tuc/1.001193', {
        ...calculator(() => ({})),
        getProcedure: async () => byPost,
      });
      expect(response.status).toBe(200);
      expect(response.body).not.toContain('Nộp bây giờ');
      expect(calls).toEqual([]);
    });
  });

  it('answers an unknown page, a malformed procedure code and a missing procedure with the Vietnamese 404', async () => {
    const missing = deps({
      getProcedure: async () => {
        throw new RuleViolation('not-found', 'procedure-not-found', 'x');
      },
    });
    for (const response of [
      await get('/portal/khong-co'),
      await get('/portal/thu-tuc/abc'),
      await get('/portal/thu-tuc/1.999999', missing),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toContain('Không tìm thấy trang');
    }
  });

  it('never shows an unexpected error’s details', async () => {
    const failing = deps({
      search: async () => {
        throw new Error('ResourceNotFoundException: table egov-secret-table at 10.0.0.1');
      },
    });
    const response = await get('/portal/trang-chu?q=x', failing);
    expect(response.status).toBe(500);
    expect(response.body).toContain('Hệ thống đang bận');
    expect(response.body).not.toContain('egov-secret-table');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses a malformed lookup with the use case’s messages, without calling it', async () => {
    let called = false;
    const response = await post(
      '/portal/tra-cuu-ho-so',
      { code: '"><script>', pin: '12' },
      deps({
        lookup: async () => {
          called = true;
          throw new Error('unreachable');
        },
      }),
    );
    expect(response.status).toBe(400);
    expect(called).toBe(false);
    expect(response.body).toContain('Mã tra cứu gồm 6 chữ số');
    expect(response.body).not.toContain('<script>');
  });

  it('answers other methods with 405 and the methods allowed', async () => {
    const response = await portalRouter(deps(), portalRoutes)(portalRequest('DELETE', '/portal/tra-cuu-ho-so'));
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, POST');
  });
});

describe('portal router: signed-in pages', () => {
  const calls: string[] = [];
  const routes: PortalRoute[] = [
    {
      methods: ['GET', 'POST'],
      pattern: /^\/portal\/rieng\/(?<code>[^/]+)$/,
      access: 'signed-in',
      handle: async ({ params, page, session }) => {
        calls.push(`${session.sub} ${params.code}`);
        return htmlResponse(200, page, { title: 'Riêng', main: html`<h1>${params.code}</h1>` });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/portal\/can-bo$/,
      access: { roles: ['receiver'] },
      handle: async ({ page }: SignedInContext) =>
        htmlResponse(200, page, { title: 'Cán bộ', main: html`<h1>Cán bộ</h1>` }),
    },
    {
      methods: ['GET'],
      pattern: /^\/portal\/loi\/(?<status>\d+)$/,
      access: 'signed-in',
      handle: async ({ params }) => {
        throw new ApiError(Number(params.status), 'x', 'Lỗi', 'Hồ sơ đã được đánh giá.');
      },
    },
  ];
  const route = portalRouter(deps(), routes);

  it('sends a person who is not signed in to sign in, and back to the page afterwards', async () => {
    const response = await route(portalRequest('GET', '/portal/rieng/H1?x=1'));
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${paths.signIn}?sau=${encodeURIComponent('/portal/rieng/H1?x=1')}`);
    expect(calls).toEqual([]);
  });

  it('treats an expired session as none', async () => {
    const expired = sessionToken({
      sub: 'citizen-an',
      roles: ['citizen'],
      exp: Date.parse('2026-03-01T00:00:00Z') / 1000,
    });
    const response = await route(portalRequest('GET', '/portal/rieng/H1', signedIn(expired)));
    expect(response.status).toBe(303);
  });

  it('shows the page, the person’s name and a sign-out form carrying the session’s form token', async () => {
    const response = await route(portalRequest('GET', '/portal/rieng/H%C3%801', signedIn()));
    expect(response.status).toBe(200);
    expect(response.body).toContain('<h1>HÀ1</h1>');
    expect(response.body).toContain('Xin chào, Nguyễn Văn An');
    expect(response.body).toContain(`value="${csrfTokenOf(citizenToken)}"`);
    expect(response.body).toContain('Hồ sơ của tôi');
  });

  it('refuses a signed-in post without the form token, with a wrong one, or from another origin', async () => {
    calls.length = 0;
    const form = (csrf: string) => ({ form: new URLSearchParams({ _csrf: csrf }) });
    const missing = await route(
      portalRequest('POST', '/portal/rieng/H1', { ...signedIn(), form: new URLSearchParams() }),
    );
    const wrong = await route(
      portalRequest('POST', '/portal/rieng/H1', { ...signedIn(), ...form(csrfTokenOf('other')) }),
    );
    const foreign = await route(
      portalRequest('POST', '/portal/rieng/H1', {
        ...signedIn(),
        ...form(csrfTokenOf(citizenToken)),
        headers: { origin: 'https://evil.example' },
      }),
    );
    const crossSite = await route(
      portalRequest('POST', '/portal/rieng/H1', {
        ...signedIn(),
        ...form(csrfTokenOf(citizenToken)),
        headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
      }),
    );
    expect([missing.status, wrong.status, foreign.status, crossSite.status]).toEqual([403, 403, 403, 403]);
    expect(calls).toEqual([]);
    const good = await route(
      portalRequest('POST', '/portal/rieng/H1', {
        ...signedIn(),
        ...form(csrfTokenOf(citizenToken)),
        headers: { origin: portalOrigin },
      }),
    );
    // What Chromium sends under Referrer-Policy: no-referrer.
    const nullOrigin = await route(
      portalRequest('POST', '/portal/rieng/H1', {
        ...signedIn(),
        ...form(csrfTokenOf(citizenToken)),
        headers: { origin: 'null', 'sec-fetch-site': 'same-origin' },
      }),
    );
    expect([good.status, nullOrigin.status]).toEqual([200, 200]);
    expect(calls).toEqual(['citizen-an H1', 'citizen-an H1']);
  });

  it('refuses a page of another role with 403', async () => {
    const response = await route(portalRequest('GET', '/portal/can-bo', signedIn()));
    expect(response.status).toBe(403);
    const receiver = sessionToken({ sub: 'receiver-hoa', roles: ['receiver'], agencyId: '24.TTPVHCC' });
    expect((await route(portalRequest('GET', '/portal/can-bo', signedIn(receiver)))).status).toBe(200);
  });

  it('turns the API’s answers into pages: 401 signs in again, 404 is the 404 page, a rule shows its detail', async () => {
    const unauthorized = await route(portalRequest('GET', '/portal/loi/401', signedIn()));
    expect(unauthorized.status).toBe(303);
    expect(unauthorized.cookies?.[0]).toMatch(/^__Host-egov-session=; Max-Age=0/);
    const notFound = await route(portalRequest('GET', '/portal/loi/404', signedIn()));
    expect(notFound.status).toBe(404);
    expect(notFound.body).toContain('Không tìm thấy trang');
    const conflict = await route(portalRequest('GET', '/portal/loi/409', signedIn()));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toContain('Hồ sơ đã được đánh giá.');
  });
});
