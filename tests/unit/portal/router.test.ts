import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import { portalRouter, type PortalDeps, type PortalRequest } from '../../../shared/portal/router.ts';

const procedure: Procedure = {
  code: '1.001193',
  version: 1,
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  serviceLevel: 'fully-online',
  processingTime: { workingDays: 0.5 },
  fee: { amount: 50_000, due: 'intake' },
  resultType: 'Giấy khai sinh',
  documents: [{ name: 'Tờ khai đăng ký khai sinh', copyType: 'original', count: 1 }],
  steps: [{ name: 'Tiếp nhận', role: 'receiver', duration: { workingDays: 0.5 } }],
};

const errors: unknown[] = [];
const deps = (overrides: Partial<PortalDeps> = {}): PortalDeps => ({
  search: async () => ({ items: [], total: 0 }),
  getProcedure: async () => procedure,
  agencyName: async () => undefined,
  lookup: async () => {
    throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.');
  },
  publishedFeedback: async () => ({ items: [] }),
  logError: (_message, error) => errors.push(error),
  ...overrides,
});

const get = (target: string, d = deps()): ReturnType<ReturnType<typeof portalRouter>> => {
  const url = new URL(`http://x${target}`);
  return portalRouter(d)({ method: 'GET', path: url.pathname, query: url.searchParams, context: {} });
};

const post = (path: string, form: Record<string, string>, d = deps()) =>
  portalRouter(d)({
    method: 'POST',
    path,
    query: new URLSearchParams(),
    form: new URLSearchParams(form),
    context: {},
  } satisfies PortalRequest);

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
    const response = await portalRouter(deps())({
      method: 'DELETE',
      path: '/portal/tra-cuu-ho-so',
      query: new URLSearchParams(),
      context: {},
    });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, POST');
  });
});
