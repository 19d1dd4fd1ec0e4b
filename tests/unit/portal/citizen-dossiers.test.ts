import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { ApiError, type ApiClient } from '../../../shared/http/api-client.ts';
import type { PortalDeps } from '../../../shared/portal/deps.ts';
import { derivedKey } from '../../../shared/portal/document-upload.ts';
import type { DossierDetail, DossierSummary } from '../../../shared/portal/pages/citizen/api-types.ts';
import { emptyFiling, filingBody } from '../../../shared/portal/pages/citizen/filing-form.ts';
import { portalRouter } from '../../../shared/portal/router.ts';
import { citizenDossierRoutes } from '../../../shared/portal/routes/citizen-dossiers.ts';
import { csrfTokenOf } from '../../../shared/portal/session.ts';
import { fakeApi, fakeDeps, portalRequest, sessionToken } from '../../support/portal-fakes.ts';

const birth: Procedure = {
  code: '1.001193',
  version: 1,
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  serviceLevel: 'fully-online',
  processingTime: { workingDays: 1 },
  fee: null,
  resultType: 'Giấy khai sinh',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', copyType: 'original', count: 1 },
    { name: 'Văn bản ủy quyền', copyType: 'certified-copy', count: 1, optional: true },
  ],
  steps: [{ name: 'Tiếp nhận', role: 'receiver', duration: { workingDays: 1 } }],
};
const byPostOnly: Procedure = {
  ...birth,
  code: '1.000001',
  level: 'department',
  agencyId: '24.SXD',
  serviceLevel: 'offline',
};

const code = '24.07210-260302-0001';
const dossier = (overrides: Partial<DossierDetail> = {}): DossierDetail => ({
  code,
  version: 3,
  status: 'submitted',
  statusText: 'Mới đăng ký',
  channel: 'online',
  procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
  agencyId: '24.07210',
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
  returnMethod: 'online',
  submittedAt: '2026-03-02T08:00:00+07:00',
  dueAt: '2026-03-03T17:30:00+07:00',
  fee: null,
  flags: { overdue: false, extended: false },
  timeline: [{ at: '2026-03-02T08:00:00+07:00', action: 'file', note: 'Nộp hồ sơ trực tuyến.' }],
  ...overrides,
});

/** The API for one dossier page: the dossier, its documents, no list of agencies needed. */
const dossierApi = (detail: DossierDetail, items: unknown[] = []) =>
  fakeApi((path) => (path.endsWith('/documents') ? { code, items } : detail));

const deps = (api: ApiClient, overrides: Partial<PortalDeps> = {}): PortalDeps =>
  fakeDeps({
    getProcedure: async (c) => (c === byPostOnly.code ? byPostOnly : birth),
    agencyName: async (id) => (id === '24.07210' ? 'Ủy ban nhân dân Phường Bắc Giang' : 'Sở Xây dựng'),
    api: () => api,
    ...overrides,
  });

const citizen = sessionToken({ sub: 'citizen-an', name: 'Nguyễn Văn An', roles: ['citizen'] });
const receiver = sessionToken({ sub: 'receiver-hoa', roles: ['receiver'], agency_id: '24.TTPVHCC' });

const get = (d: PortalDeps, target: string, token = citizen) =>
  portalRouter(d, citizenDossierRoutes)(portalRequest('GET', target, { token }));
const postMultipart = (d: PortalDeps, target: string, form: FormData) => {
  form.set('_csrf', csrfTokenOf(citizen));
  return portalRouter(d, citizenDossierRoutes)(portalRequest('POST', target, { token: citizen, multipart: form }));
};

afterEach(() => vi.unstubAllGlobals());

describe("the process control slip (mẫu số 06) from a citizen's dossier page", () => {
  const slipPath = `/v1/dossiers/${code}/control-slip`;
  const received = dossier({ status: 'received', statusText: 'Được tiếp nhận' });

  it('is offered once the documents list offers it (from the receipt), by a link to the portal page that fetches it', async () => {
    const listing = (controlSlip?: unknown) =>
      fakeApi((path) =>
        path.endsWith('/documents') ? { code, items: [], ...(controlSlip ? { controlSlip } : {}) } : received,
      );
    const offered = await get(
      deps(listing({ form: '06', name: 'x', href: slipPath })),
      `/portal/ho-so-cua-toi/${code}`,
    );
    expect(offered.body).toContain(
      `<a href="/portal/ho-so-cua-toi/${code}/phieu-kiem-soat">Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu số 06)</a>`,
    );
    const before = await get(deps(listing()), `/portal/ho-so-cua-toi/${code}`);
    expect(before.body).not.toContain('phieu-kiem-soat');
  });

  it('answers the PDF the API rendered for the citizen, or the API’s 404 and 409 as pages', async () => {
    const asked: string[] = [];
    const pdf = new Uint8Array(Buffer.from('%PDF-1.7 slip'));
    const api = fakeApi(
      () => received,
      () => ({}),
      (path) => {
        asked.push(path);
        if (path === slipPath) return { bytes: pdf, contentType: 'application/pdf' };
        if (path.includes('-0002/')) throw new ApiError(409, 'not-received', 'Xung đột', 'Hồ sơ chưa được tiếp nhận.');
        throw new ApiError(404, 'not-found', 'Không tìm thấy', undefined);
      },
    );
    const slip = await get(deps(api), `/portal/ho-so-cua-toi/${code}/phieu-kiem-soat`);
    expect(slip.status).toBe(200);
    expect(slip.headers['content-type']).toBe('application/pdf');
    expect(slip.isBase64Encoded).toBe(true);
    expect(Buffer.from(slip.body, 'base64').toString('latin1')).toBe('%PDF-1.7 slip');
    const others = await get(deps(api), '/portal/ho-so-cua-toi/24.07210-260302-0009/phieu-kiem-soat');
    expect(others.status).toBe(404);
    const early = await get(deps(api), '/portal/ho-so-cua-toi/24.07210-260302-0002/phieu-kiem-soat');
    expect(early.status).toBe(409);
    expect(early.body).toContain('Hồ sơ chưa được tiếp nhận.');
    // An official's session is not a citizen's: the router refuses before any call.
    expect((await get(deps(api), `/portal/ho-so-cua-toi/${code}/phieu-kiem-soat`, receiver)).status).toBe(403);
    expect(asked).toEqual([
      slipPath,
      '/v1/dossiers/24.07210-260302-0009/control-slip',
      '/v1/dossiers/24.07210-260302-0002/control-slip',
    ]);
  });
});

describe('the dossier page of a citizen', () => {
  it('shows what the applicant and the officials wrote as text, and never a script URL as a link', async () => {
    const detail = dossier({
      status: 'supplement-requested',
      statusText: 'Yêu cầu bổ sung',
      applicant: { fullName: '<script>alert(1)</script>', idNumber: '024090001234', address: 'x' },
      supplement: { requestedAt: '2026-03-02T09:00:00+07:00', defects: ['<img src=x onerror=alert(2)>'] },
      timeline: [{ at: '2026-03-02T08:00:00+07:00', action: 'file', note: '"><b>ghi chú</b>' }],
    });
    const documents = [
      {
        id: 'd1',
        kind: 'upload',
        slot: 0,
        name: 'Tờ khai',
        contentType: 'application/pdf',
        size: 10,
        status: 'verified',
        createdAt: '2026-03-02T08:00:00+07:00',
        download: { url: 'javascript:alert(3)', expiresAt: '2026-03-02T08:05:00+07:00' },
      },
    ];
    const response = await get(deps(dossierApi(detail, documents)), `/portal/ho-so-cua-toi/${code}`);
    expect(response.status).toBe(200);
    expect(response.body).not.toMatch(/<script>|<img|<b>/);
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(response.body).toContain('&quot;&gt;&lt;b&gt;ghi chú&lt;/b&gt;');
    expect(response.body).not.toContain('javascript:');
    expect(response.body).toContain('href="#"');
  });

  it('offers what the dossier’s state allows: upload and withdraw while new, supplement when asked', async () => {
    const page = async (detail: DossierDetail) =>
      (await get(deps(dossierApi(detail)), `/portal/ho-so-cua-toi/${code}`)).body;
    const upload = `action="/portal/ho-so-cua-toi/${code}/tai-lieu"`;
    const withdraw = `action="/portal/ho-so-cua-toi/${code}/rut-ho-so"`;
    const supplement = `action="/portal/ho-so-cua-toi/${code}/bo-sung"`;

    const fresh = await page(dossier());
    expect(fresh).toContain(upload);
    expect(fresh).toContain(withdraw);
    expect(fresh).toContain('name="expectedVersion" value="3"');
    expect(fresh).not.toContain(supplement);
    // A required document not yet sent is named; an optional one is not.
    expect(fresh).toMatch(/Giấy tờ bắt buộc chưa nộp:\s*<\/p>\s*<ul>\s*<li>Tờ khai đăng ký khai sinh<\/li>\s*<\/ul>/);

    const received = await page(dossier({ status: 'received', statusText: 'Được tiếp nhận' }));
    expect(received).not.toContain(upload);
    expect(received).toContain(withdraw);

    const asked = await page(
      dossier({
        status: 'supplement-requested',
        statusText: 'Yêu cầu bổ sung',
        supplement: { requestedAt: '2026-03-02T09:00:00+07:00', defects: ['Thiếu giấy chứng sinh'] },
      }),
    );
    expect(asked).toContain('Thiếu giấy chứng sinh');
    expect(asked).toContain(supplement);
    expect(asked).toContain(upload);

    const returned = await page(dossier({ status: 'returned', statusText: 'Đã trả kết quả' }));
    expect(returned).not.toContain(withdraw);
    expect(returned).not.toContain(upload);
  });

  it('links to paying only while a fee is due and unpaid, and to rating only once returned and not rated', async () => {
    const page = async (detail: DossierDetail) =>
      (await get(deps(dossierApi(detail)), `/portal/ho-so-cua-toi/${code}`)).body;
    const pay = `href="/portal/ho-so-cua-toi/${code}/thanh-toan"`;
    const rate = `href="/portal/ho-so-cua-toi/${code}/danh-gia"`;

    expect(await page(dossier({ fee: { amount: 50_000, due: 'intake', paid: false } }))).toContain(pay);
    const paid = await page(dossier({ fee: { amount: 50_000, due: 'intake', paid: true } }));
    expect(paid).not.toContain(pay);
    expect(paid).toContain('50.000 đồng');
    expect(paid).toContain('đã nộp');
    // Due at result: not before the decision (or the request for fees).
    expect(await page(dossier({ fee: { amount: 50_000, due: 'result', paid: false } }))).not.toContain(pay);
    expect(
      await page(
        dossier({
          status: 'decided',
          statusText: 'Đã xử lý xong',
          fee: { amount: 50_000, due: 'result', paid: false },
        }),
      ),
    ).toContain(pay);

    expect(await page(dossier({ status: 'returned', statusText: 'Đã trả kết quả' }))).toContain(rate);
    expect(
      await page(dossier({ status: 'returned', statusText: 'Đã trả kết quả', rating: { score: 5 } })),
    ).not.toContain(rate);
    expect(await page(dossier({ status: 'decided', statusText: 'Đã xử lý xong' }))).not.toContain(rate);
  });

  it('says a change went through, and answers a malformed code with 404 without asking the API', async () => {
    const done = await get(deps(dossierApi(dossier())), `/portal/ho-so-cua-toi/${code}?da=rut-ho-so`);
    expect(done.body).toContain('<p class="success" role="status">Đã rút hồ sơ.</p>');
    const paid = await get(deps(dossierApi(dossier())), `/portal/ho-so-cua-toi/${code}?da=thanh-toan`);
    expect(paid.body).toContain(
      '<p class="success" role="status">Đã gửi thanh toán. Hồ sơ được cập nhật khi Nền tảng thanh toán xác nhận.</p>',
    );
    const api = fakeApi(() => {
      throw new Error('the API must not be asked');
    });
    expect((await get(deps(api), '/portal/ho-so-cua-toi/khong-hop-le')).status).toBe(404);
  });

  it('refuses officials the citizen pages', async () => {
    const d = deps(dossierApi(dossier()));
    expect((await get(d, '/portal/ho-so-cua-toi', receiver)).status).toBe(403);
    expect((await get(d, '/portal/nop-ho-so/1.001193', receiver)).status).toBe(403);
  });
});

describe('the list of a citizen’s dossiers', () => {
  const summary = (overrides: Partial<DossierSummary> = {}): DossierSummary => ({
    code,
    procedure: { code: '1.001193', version: 1, name: 'Đăng ký <khai sinh>' },
    status: 'processing',
    statusText: 'Đang xử lý',
    submittedAt: '2026-03-02T08:00:00+07:00',
    dueAt: '2026-03-03T17:30:00+07:00',
    flags: { overdue: false, extended: false },
    ...overrides,
  });

  it('marks a late dossier in words, links each to its page and pages on with the cursor', async () => {
    const asked: unknown[] = [];
    const api = fakeApi((path, query) => {
      asked.push({ path, query });
      return { items: [summary({ flags: { overdue: true, extended: false } })], nextCursor: 'abc+/=' };
    });
    const response = await get(deps(api), '/portal/ho-so-cua-toi?cursor=prev');
    expect(asked).toEqual([{ path: '/v1/me/dossiers', query: { limit: 20, cursor: 'prev' } }]);
    expect(response.body).toContain(`<a href="/portal/ho-so-cua-toi/${code}">${code}</a>`);
    expect(response.body).toContain('class="overdue"');
    expect(response.body).toContain('(Quá hạn)');
    expect(response.body).toContain('Đăng ký &lt;khai sinh&gt;');
    expect(response.body).toContain('href="/portal/ho-so-cua-toi?cursor=abc%2B%2F%3D">Trang sau</a>');
  });

  it('points a citizen without dossiers to the procedures', async () => {
    const response = await get(deps(fakeApi(() => ({ items: [] }))), '/portal/ho-so-cua-toi');
    expect(response.body).toContain('Bạn chưa nộp hồ sơ nào.');
    expect(response.body).toContain('href="/portal/trang-chu"');
    expect(response.body).not.toContain('Trang sau');
  });
});

describe('filing a dossier', () => {
  const communes = { items: [{ id: '24.07210', name: 'Ủy ban nhân dân Phường Bắc Giang', unitCode: '07210' }] };

  it('asks for the commune of a commune-level procedure and for a pickup of a procedure filed only by post', async () => {
    const commune = await get(deps(fakeApi(() => communes)), '/portal/nop-ho-so/1.001193');
    expect(commune.body).toContain('<option value="07210" >Phường Bắc Giang</option>');
    expect(commune.body).toContain('name="tai-lieu-1"');
    expect(commune.body).not.toContain('Bưu điện thu gom hồ sơ giấy');
    expect(commune.body).toContain('value="Nguyễn Văn An"');

    const offline = await get(deps(fakeApi(() => communes)), `/portal/nop-ho-so/${byPostOnly.code}`);
    expect(offline.body).toContain('Bưu điện thu gom hồ sơ giấy');
    expect(offline.body).not.toContain('name="maXa"');
    expect(offline.body).toContain('Sở Xây dựng');
  });

  it('sends a pickup for a procedure not offered online and a delivery address only with return by post', () => {
    const values = { ...emptyFiling(byPostOnly), diaChiNhan: 'Số 5', nhanKetQua: 'counter' as const };
    expect(filingBody(values, byPostOnly)).toMatchObject({ postal: { pickup: {} } });
    expect(filingBody(values, byPostOnly).postal).not.toHaveProperty('delivery');
    const byPost = filingBody({ ...values, nhanKetQua: 'post' }, birth);
    expect(byPost.postal).toEqual({ delivery: { address: 'Số 5' } });
    expect(filingBody({ ...emptyFiling(birth), diaChiNhan: 'Số 5' }, birth)).not.toHaveProperty('postal');
  });

  it('sends the fee facts the procedure’s fee asks for, and only those', () => {
    const copies: Procedure = {
      ...birth,
      fee: {
        schedule: { kind: 'per-page', tiers: [{ fromPage: 1, amount: 2_000 }], capPerCopy: 200_000 },
        due: 'intake',
        exemptions: [{ code: 'ho-ngheo', label: 'Người thuộc hộ nghèo' }],
      },
    };
    const values = { ...emptyFiling(copies), soTrang: '3', soBan: '2', mienPhi: 'ho-ngheo' };
    expect(filingBody(values, copies)).toMatchObject({ feeFacts: { pages: 3, copies: 2, exemption: 'ho-ngheo' } });
    // A free procedure asks nothing: whatever was typed is not sent.
    expect(filingBody(values, birth)).not.toHaveProperty('feeFacts');
    expect(filingBody(emptyFiling(copies), copies)).not.toHaveProperty('feeFacts');
  });

  it('derives one stable UUID-shaped key per file from the form’s key', () => {
    const key = '5b7c9d2e-1111-4222-8333-444455556666';
    expect(derivedKey(key, 'slot-0')).toBe(derivedKey(key, 'slot-0'));
    expect(derivedKey(key, 'slot-0')).not.toBe(derivedKey(key, 'slot-1'));
    expect(derivedKey(key, 'slot-0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  const filled = () => {
    const form = new FormData();
    const fields = {
      _key: '5b7c9d2e-1111-4222-8333-444455556666',
      hoTen: 'Nguyễn Văn An',
      soDinhDanh: '024090001234',
      diaChi: 'Bắc Giang',
      maXa: '07210',
      nhanKetQua: 'online',
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  };

  it('shows the API’s field messages next to the fields and keeps what was typed', async () => {
    const api = fakeApi(
      () => communes,
      () => {
        throw new ApiError(
          400,
          'validation-failed',
          'Dữ liệu gửi lên không hợp lệ',
          'Vui lòng sửa các trường được nêu.',
          [{ field: 'applicant.address', message: 'Địa chỉ quá dài' }],
        );
      },
    );
    const response = await postMultipart(deps(api), '/portal/nop-ho-so/1.001193', filled());
    expect(response.status).toBe(400);
    expect(response.body).toContain('Vui lòng sửa các trường được nêu.');
    expect(response.body).toMatch(/<p id="diaChi-loi" class="notice">Địa chỉ quá dài<\/p>/);
    expect(response.body).toContain('value="Bắc Giang"');
    expect(response.body).toContain('<option value="07210" selected>');
  });

  it('gives the form back with when to try again once the citizen’s filing quota is spent', async () => {
    const api = fakeApi(
      () => communes,
      () => {
        throw new ApiError(
          429,
          'too-many-filings',
          'Quá nhiều yêu cầu',
          'Tài khoản đã nộp quá nhiều hồ sơ trực tuyến trong thời gian ngắn; vui lòng thử lại sau 42 phút.',
        );
      },
    );
    const response = await postMultipart(deps(api), '/portal/nop-ho-so/1.001193', filled());
    expect(response.status).toBe(429);
    expect(response.body).toContain('vui lòng thử lại sau 42 phút.');
    expect(response.body).toContain('value="Bắc Giang"');
  });

  it('answers with the receipt and its PIN, uploading each file under its own key; a refused file is listed', async () => {
    const posts: { path: string; body: unknown; key?: string }[] = [];
    const api = fakeApi(
      () => communes,
      (path, body, key) => {
        posts.push({ path, body, ...(key ? { key } : {}) });
        if (path === '/v1/dossiers') {
          return {
            code,
            status: 'submitted',
            statusText: 'Mới đăng ký',
            agencyId: '24.07210',
            agencyName: 'Ủy ban nhân dân Phường Bắc Giang',
            procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
            submittedAt: '2026-03-02T08:00:00+07:00',
            dueAt: '2026-03-03T17:30:00+07:00',
            appointment: 'Chiều thứ Ba, ngày 03/03/2026',
            lookupPin: '482913',
            version: 1,
          };
        }
        if (path.endsWith('/documents'))
          return { document: { id: 'doc-1' }, upload: { url: 'https://s3.example/b', fields: { key: 'k' } } };
        throw new ApiError(
          422,
          'document-rejected',
          'Yêu cầu không được chấp nhận',
          'Tệp không phải PDF, JPEG hoặc PNG.',
        );
      },
    );
    const uploaded: FormData[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: { body: FormData }) => {
      uploaded.push(init.body);
      return new Response(null, { status: 204 });
    });
    const form = filled();
    form.append('tai-lieu-0', new File(['%PDF-1.4 tệp'], 'to-khai.pdf', { type: 'application/pdf' }));
    form.append('tai-lieu-1', new File([], '', { type: 'application/octet-stream' }));
    const response = await postMultipart(deps(api), '/portal/nop-ho-so/1.001193', form);

    expect(response.status).toBe(201);
    expect(response.body).toContain('482913');
    expect(response.body).toContain('Chiều thứ Ba, ngày 03/03/2026');
    expect(response.body).toContain('các tệp sau chưa được nhận');
    expect(response.body).toContain(
      'Tờ khai đăng ký khai sinh (tệp “to-khai.pdf”): Tệp không phải PDF, JPEG hoặc PNG.',
    );
    // Filed under the form's key; the one chosen file (the empty input is no file) under a key of its own.
    expect(posts.map((p) => p.path)).toEqual([
      '/v1/dossiers',
      `/v1/dossiers/${code}/documents`,
      `/v1/dossiers/${code}/documents/doc-1/complete`,
    ]);
    expect(posts[0]?.key).toBe('5b7c9d2e-1111-4222-8333-444455556666');
    expect(posts[1]?.key).toBe(derivedKey('5b7c9d2e-1111-4222-8333-444455556666', 'slot-0'));
    expect(posts[1]?.body).toEqual({
      slot: 0,
      contentType: 'application/pdf',
      size: Buffer.byteLength('%PDF-1.4 tệp'),
    });
    expect([...(uploaded[0]?.keys() ?? [])]).toEqual(['key', 'file']);
  });
});
