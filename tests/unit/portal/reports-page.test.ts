import { describe, expect, it } from 'vitest';
import { type IndicatorCounts, zeroCounts } from '../../../shared/domain/indicators/counts.ts';
import { indicatorsOf } from '../../../shared/domain/indicators/formulas.ts';
import { ApiError, type ApiClient } from '../../../shared/http/api-client.ts';
import type { ReportListItem, ReportView } from '../../../shared/portal/pages/reports/common.ts';
import { agencyChartLimit } from '../../../shared/portal/pages/reports/report.ts';
import { paths } from '../../../shared/portal/paths.ts';
import type { PortalRequest } from '../../../shared/portal/route.ts';
import { officialReportRoutes } from '../../../shared/portal/routes/official-reports.ts';
import { portalRouter } from '../../../shared/portal/router.ts';
import { csrfTokenOf } from '../../../shared/portal/session.ts';
import { fakeApi, fakeDeps, portalRequest, sessionToken, signedForm } from '../../support/portal-fakes.ts';

const leader = sessionToken({ sub: 'leader-hung', name: 'Lê Văn Hùng', roles: ['leader'], agencyId: '24.07210' });
const admin = sessionToken({ sub: 'admin-quang', name: 'Quang', roles: ['admin'] });

const counts = (over: Partial<IndicatorCounts>): IndicatorCounts => ({ ...zeroCounts(), ...over });
const summaryOf = (c: IndicatorCounts) => ({ counts: c, indicators: indicatorsOf(c) });

const children = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    agencyId: `24.A${i}`,
    name: `Ủy ban nhân dân xã số ${i} có tên rất dài để thử trọng lượng trang`,
    counts: counts({ received: i }),
  }));
const readyReport: ReportView = {
  id: 'r-1',
  agency: { id: '24.UBND', name: 'Ủy ban nhân dân tỉnh <Bắc Giang>' },
  period: { id: '2026-02', kind: 'month', year: 2026, index: 2 },
  origin: 'request',
  status: 'ready',
  requestedAt: '2026-03-01T02:00:00.000Z',
  readyAt: '2026-03-01T02:00:05.000Z',
  summary: summaryOf(
    counts({ received: 12, newReceived: 10, newOnline: 7, newDirect: 2, newPost: 1, resolved: 4, resolvedOnTime: 3 }),
  ),
  downloads: {
    json: 'https://files.example/reports/r-1/bao-cao.json?X-Amz-Signature=a&b=1',
    csv: 'https://files.example/reports/r-1/bao-cao.csv',
    xlsx: 'javascript:alert(1)',
  },
  downloadsExpireInSeconds: 300,
  children: children(3),
};

interface Calls {
  gets: string[];
  posts: { path: string; body: unknown; key: string | undefined }[];
}

/** The reports API of a province: two reports listed, `answers.report` for one, every call recorded. */
function reportsApi(calls: Calls, answers: { report?: ReportView; post?: () => unknown }): ApiClient {
  return fakeApi(
    (path, query) => {
      calls.gets.push(`${path}${query?.parentId ? `?parentId=${query.parentId}` : ''}`);
      if (path === '/v1/reports') {
        const items: ReportListItem[] = [
          { ...readyReport, period: { id: '2026-02', kind: 'month' } },
          { ...readyReport, id: 'r-0', status: 'pending', period: { id: '2026-Q1', kind: 'quarter' } },
        ];
        return { items, nextCursor: 'abc' };
      }
      if (path === '/v1/agencies/24.07210') return { id: '24.07210', name: 'UBND Phường Bắc Giang' };
      if (path === '/v1/agencies' && query?.parentId === '24.UBND')
        return { items: [{ id: '24.STP', name: 'Sở Tư pháp' }] };
      if (path === '/v1/agencies' && query?.parentId) return { items: [] };
      if (path === '/v1/agencies') return { items: [{ id: '24.UBND', name: 'UBND tỉnh' }] };
      if (path.startsWith('/v1/reports/')) {
        if (!answers.report) throw new ApiError(404, 'report-not-found', 'Không tìm thấy', 'Không tìm thấy báo cáo.');
        return answers.report;
      }
      throw new Error(`unexpected GET ${path}`);
    },
    (path, body, key) => {
      calls.posts.push({ path, body, key });
      return answers.post ? answers.post() : { id: 'r-new', status: 'pending' };
    },
  );
}

const request = (method: string, target: string, token: string, form?: Record<string, string>): PortalRequest =>
  portalRequest(method, target, { token, ...(form ? { form: signedForm(token, form) } : {}) });

function setup(answers: { report?: ReportView; post?: () => unknown } = {}) {
  const calls: Calls = { gets: [], posts: [] };
  const router = portalRouter(fakeDeps({ api: () => reportsApi(calls, answers) }), officialReportRoutes);
  return { calls, router };
}

describe('the reports list and request form', () => {
  it('lists the scope newest first, with links, statuses and the next page', async () => {
    const { router } = setup();
    const page = await router(request('GET', paths.reports, leader));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<a href="/portal/can-bo/bao-cao/r-1">Tháng 02/2026</a>');
    expect(page.body).toContain('<a href="/portal/can-bo/bao-cao/r-0">Quý 1/2026</a>');
    expect(page.body).toContain('Đang tính toán');
    expect(page.body).toContain('Ủy ban nhân dân tỉnh &lt;Bắc Giang&gt;');
    expect(page.body).toContain(`href="${paths.reports}?cursor=abc"`);
  });

  it("defaults a leader's form to their own agency and the current month", async () => {
    const { router } = setup();
    const page = await router(request('GET', paths.reports, leader));
    expect(page.body).toContain('<option value="24.07210" selected>UBND Phường Bắc Giang (cơ quan của tôi)</option>');
    expect(page.body).toMatch(/value="month"\s+checked/);
    expect(page.body).toContain('value="2026"');
    expect(page.body).toMatch(/id="index"[^>]*value="3"/);
    expect(page.body).toContain(`name="_csrf" value="${csrfTokenOf(leader)}"`);
    expect(page.body).toContain('name="_key" value="00000000-0000-4000-8000-000000000000"');
  });

  it('offers an admin the whole province and the agencies under it', async () => {
    const { router } = setup();
    const page = await router(request('GET', paths.reports, admin));
    expect(page.body).toContain('<option value="24.UBND" selected>Toàn tỉnh – UBND tỉnh</option>');
    expect(page.body).toContain('<option value="24.STP" >Sở Tư pháp</option>');
  });

  it('posts the request with the form key and goes to the new report (303)', async () => {
    const { router, calls } = setup();
    const response = await router(
      request('POST', paths.reports, leader, {
        _key: '11111111-1111-4111-8111-111111111111',
        agencyId: '24.07210',
        periodKind: 'quarter',
        year: '2026',
        index: '1',
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(paths.report('r-new'));
    expect(calls.posts).toEqual([
      {
        path: '/v1/reports',
        body: { agencyId: '24.07210', periodKind: 'quarter', year: 2026, index: 1 },
        key: '11111111-1111-4111-8111-111111111111',
      },
    ]);
  });

  it('sends no index for a year report', async () => {
    const { router, calls } = setup();
    await router(
      request('POST', paths.reports, admin, { agencyId: '24.UBND', periodKind: 'year', year: '2025', index: '' }),
    );
    expect(calls.posts[0]?.body).toEqual({ agencyId: '24.UBND', periodKind: 'year', year: 2025 });
  });

  it('shows the form again with a message and the input kept when the period is wrong (no API call)', async () => {
    const { router, calls } = setup();
    const page = await router(
      request('POST', paths.reports, leader, { agencyId: '24.07210', periodKind: 'quarter', year: '2026', index: '5' }),
    );
    expect(page.status).toBe(400);
    expect(page.body).toContain('<p class="notice" role="alert">Hãy nhập quý từ 1 đến 4.</p>');
    expect(page.body).toMatch(/value="quarter"\s+checked/);
    expect(page.body).toMatch(/id="index"[^>]*value="5"/);
    expect(calls.posts).toEqual([]);
  });

  it("shows the API's refusal (a period not begun) on the form", async () => {
    const { router } = setup({
      post: () => {
        throw new ApiError(422, 'future-period', 'Không hợp lệ', 'Kỳ báo cáo chưa bắt đầu.');
      },
    });
    const page = await router(request('POST', paths.reports, leader, { periodKind: 'year', year: '2099' }));
    expect(page.status).toBe(422);
    expect(page.body).toContain('Kỳ báo cáo chưa bắt đầu.');
    expect(page.body).toContain('value="2099"');
  });

  it('refuses a citizen (403) and a post without the form token', async () => {
    const { router } = setup();
    const citizen = sessionToken({ sub: 'citizen-an', roles: ['citizen'] });
    expect((await router(request('GET', paths.reports, citizen))).status).toBe(403);
    const noToken = request('POST', paths.reports, leader, { periodKind: 'year', year: '2025' });
    noToken.form?.delete('_csrf');
    expect((await router(noToken)).status).toBe(403);
  });
});

describe('one report', () => {
  it('says a report still computing is being computed, with a link to look again and no charts', async () => {
    const { router } = setup({
      report: { ...readyReport, status: 'pending', summary: undefined, downloads: undefined, readyAt: undefined },
    } as { report: ReportView });
    const page = await router(request('GET', paths.report('r-1'), leader));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Báo cáo đang được tính toán');
    expect(page.body).toContain('<a class="button" href="/portal/can-bo/bao-cao/r-1">Tải lại</a>');
    expect(page.body).not.toContain('<svg');
    expect(page.body).not.toContain('http-equiv');
  });

  it('shows the totals, the ratios with their counts, two charts and safe download links', async () => {
    const { router } = setup({ report: readyReport });
    const page = await router(request('GET', paths.report('r-1'), leader));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Báo cáo Tháng 02/2026 – Ủy ban nhân dân tỉnh &lt;Bắc Giang&gt;</h1>');
    expect(page.body).toMatch(/<th scope="row">Tổng số tiếp nhận<\/th>\s*<td>12<\/td>/);
    expect(page.body).toMatch(/<th scope="row">Tỷ lệ đúng hạn<\/th>\s*<td>75 % \(3\/4\)<\/td>/);
    expect(page.body).toMatch(/Tỷ lệ thanh toán trực tuyến<\/th>\s*<td>Chưa có số liệu \(mẫu số bằng 0\)<\/td>/);
    expect(page.body).toContain('aria-labelledby="bieu-do-ket-qua-tieu-de bieu-do-ket-qua-mo-ta"');
    expect(page.body).toContain('aria-labelledby="bieu-do-kenh-tieu-de bieu-do-kenh-mo-ta"');
    expect(page.body).toContain('Trực tuyến (gồm Cổng DVCQG): 7');
    expect(page.body).toContain('href="https://files.example/reports/r-1/bao-cao.json?X-Amz-Signature=a&amp;b=1"');
    expect(page.body).toContain('<li><a href="#">Tải bảng tính Excel (XLSX)</a></li>');
    expect(page.body).toContain('chỉ có hiệu lực 5 phút');
    expect(page.body).not.toMatch(/\sstyle=/);
  });

  it('shows the QĐ 766 score: the index, each group out of its weight, each indicator with its counts', async () => {
    // 1.4: 5 of 10 synchronised → 6 × 0.5 = 3 → publicity 18 × 3/6 = 9. 2.1: 3 of 4 by the original
    // appointment → 20 × 0.75 = 15. Digitisation: 0/4 and 0/10 → 0. Online service: no denominator → no
    // score. 5.4: (4 − 1 late − 0)/4 = 0.75 → 6 × 0.75/0.9 = 5 → 18 × 5/6 = 15. Index 9 + 15 + 0 + 15 = 39
    // of 18 + 20 + 22 + 18 = 78 points with data.
    const summary = summaryOf(
      counts({
        resolved: 4,
        resolvedOnTime: 3,
        resolvedLate: 1,
        resolvedByOriginalDue: 3,
        newReceived: 10,
        dvcqgSynced: 5,
      }),
    );
    const { router } = setup({ report: { ...readyReport, summary } });
    const page = await router(request('GET', paths.report('r-1'), leader));
    expect(page.body).toContain('<strong>Điểm Bộ chỉ số: 39</strong> trên 78 điểm');
    expect(page.body).toMatch(/<th scope="row">Tiến độ, kết quả giải quyết<\/th>\s*<td>20<\/td>\s*<td>15<\/td>/);
    expect(page.body).toMatch(
      /<th scope="row">Cung cấp dịch vụ trực tuyến<\/th>\s*<td>22<\/td>\s*<td>Chưa có số liệu<\/td>/,
    );
    expect(page.body).toMatch(
      /2\.1\. Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn \(theo hẹn ban đầu\)<\/th>[\s\S]*?75 % \(3\/4\)/,
    );
    expect(page.body).toContain('Dữ liệu thuộc Cơ sở dữ liệu quốc gia về TTHC');
  });

  it('says a report stored before the five-group score has none, and does not fail on its missing counts', async () => {
    const old = structuredClone(readyReport.summary) as NonNullable<ReportView['summary']>;
    const legacy = old as unknown as { counts: Record<string, number>; indicators: Record<string, unknown> };
    delete legacy.counts.dvcqgSynced;
    delete legacy.indicators.index;
    delete legacy.indicators.dossierSyncRate;
    legacy.indicators.groups = [
      { group: 'progress', vi: 'Tiến độ, kết quả giải quyết', legalMaxPoints: 20, score: 75 },
    ];
    const { router } = setup({ report: { ...readyReport, summary: old } });
    const page = await router(request('GET', paths.report('r-1'), leader));
    expect(page.status).toBe(200);
    expect(page.body).toContain('lập trước khi hệ thống chấm điểm theo 5 nhóm chỉ số');
    expect(page.body).toMatch(/Đã đồng bộ lên Cổng Dịch vụ công quốc gia<\/th>\s*<td>Không có trong báo cáo này/);
  });

  it('charts the agencies right under the report agency, most dossiers first', async () => {
    const { router } = setup({ report: readyReport });
    const page = await router(request('GET', paths.report('r-1'), leader));
    const chart = /<figure id="bieu-do-co-quan">[\s\S]*?<\/figure>/.exec(page.body)?.[0] ?? '';
    const rows = [...chart.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(rows).toEqual([2, 1, 0].map((i) => `Ủy ban nhân dân xã số ${i} có tên rất dài để thử trọng lượng trang`));
    expect(page.body).not.toContain('Chỉ hiện');
  });

  it(`keeps a province of many agencies under 100 KB: the top ${agencyChartLimit} in the chart, with a note`, async () => {
    const { router } = setup({ report: { ...readyReport, children: children(400) } });
    const page = await router(request('GET', paths.report('r-1'), admin));
    expect(Buffer.byteLength(page.body)).toBeLessThan(100_000);
    const chart = /<figure id="bieu-do-co-quan">[\s\S]*?<\/figure>/.exec(page.body)?.[0] ?? '';
    expect(chart.match(/<rect /g)).toHaveLength(agencyChartLimit);
    expect(chart).toContain('xã số 399 ');
    expect(chart).not.toContain('xã số 389 ');
    expect(page.body).toContain(`Chỉ hiện ${agencyChartLimit} trên 400 cơ quan trực thuộc`);
  });

  it('shows a report kept without its agencies, and says where the breakdown is', async () => {
    const { children: _none, ...older } = readyReport;
    const { router } = setup({ report: older });
    const page = await router(request('GET', paths.report('r-1'), leader));
    expect(page.status).toBe(200);
    expect(page.body).toContain('bieu-do-ket-qua');
    expect(page.body).toContain('Số liệu theo cơ quan trực thuộc có trong các tệp tải về.');
  });

  it("answers the API's 404 (a report outside the caller's scope) and a malformed id with 404", async () => {
    const { router } = setup();
    expect((await router(request('GET', paths.report('r-9'), leader))).status).toBe(404);
    expect((await router(request('GET', paths.report('a b<'), leader))).status).toBe(404);
  });
});
