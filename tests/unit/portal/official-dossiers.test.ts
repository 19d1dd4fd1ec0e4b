import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { ApiError } from '../../../shared/http/api-client.ts';
import { actionFromForm } from '../../../shared/portal/pages/official/actions.ts';
import type { QueueItem } from '../../../shared/portal/pages/official/work-queue.ts';
import { paths } from '../../../shared/portal/paths.ts';
import { conflictMessage, officialDossierRoutes } from '../../../shared/portal/routes/official-dossiers.ts';
import { portalRouter } from '../../../shared/portal/router.ts';
import { dossierView } from '../../../shared/use-cases/dossier-view.ts';
import { fakeApi, fakeDeps, portalRequest, sessionToken, signedForm } from '../../support/portal-fakes.ts';
import { monday, people, permit, submittedPermit } from '../lifecycle/fixtures.ts';

const now = new Date('2026-03-10T03:00:00Z');

/** A session still valid at `now`. */
const tokenOf = (caller: Caller & { name: string }) =>
  sessionToken({ exp: Date.parse('2026-03-11T00:00:00Z') / 1000, ...caller });
const receiver = tokenOf({ ...people.receiver, name: 'Đinh Thị Mai' });
const leader = tokenOf({ ...people.leader, name: 'Trịnh Hồng Sơn' });
const noAgency = tokenOf({ sub: 'specialist-x', roles: ['specialist'], name: 'Không Cơ Quan' });

interface Call {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  key?: string;
}

/** Fake deps whose API answers by path; every call is recorded. */
function setup(answers: Record<string, unknown>, onPost?: (path: string, body: unknown) => unknown) {
  const calls: Call[] = [];
  const api = fakeApi(
    (path, query) => {
      calls.push({ method: 'GET', path, ...(query ? { query } : {}) });
      if (!(path in answers)) throw new ApiError(404, 'not-found', 'Không tìm thấy', undefined);
      return answers[path];
    },
    (path, body, key) => {
      calls.push({ method: 'POST', path, body, ...(key ? { key } : {}) });
      return onPost?.(path, body) ?? {};
    },
  );
  const deps = fakeDeps({
    agencyName: async (id) => (id === '24.SXD' ? 'Sở Xây dựng tỉnh Bắc Ninh' : undefined),
    api: () => api,
    now: () => now,
    newKey: () => '11111111-1111-4111-8111-111111111111',
  });
  const route = portalRouter(deps, officialDossierRoutes);
  const send = (method: string, target: string, token: string, form?: Record<string, string>) =>
    route(portalRequest(method, target, { token, ...(form ? { form: signedForm(token, form) } : {}) }));
  return { calls, send };
}

const item = (overrides: Partial<QueueItem> = {}): QueueItem => ({
  code: '24.SXD-260302-0001',
  procedure: { code: '1.009999', name: 'Cấp giấy phép xây dựng' },
  status: 'processing',
  statusText: 'Đang xử lý',
  applicantName: 'Nguyễn Văn An',
  submittedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-06T17:30:00+07:00',
  flags: { overdue: false, extended: false },
  ...overrides,
});

const rowOf = (body: string, code: string) =>
  [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((row) => row.includes(code)) ?? '';

describe("the officials' work queue", () => {
  const queue = '/v1/agencies/24.SXD/dossiers';

  it('lists the agency’s dossiers and marks the late one by class and in words', async () => {
    const { send, calls } = setup({
      [queue]: {
        items: [
          item({ code: '24.SXD-260301-0007', flags: { overdue: true, extended: false } }),
          item({ code: '24.SXD-260302-0001', dueAt: '2026-03-20T17:30:00+07:00' }),
        ],
      },
    });
    const response = await send('GET', paths.workQueue, receiver);
    expect(response.status).toBe(200);
    expect(response.body).toContain('Sở Xây dựng tỉnh Bắc Ninh');
    const late = rowOf(response.body, '24.SXD-260301-0007');
    const onTime = rowOf(response.body, '24.SXD-260302-0001');
    expect(late).toMatch(/^<tr class="overdue">/);
    expect(late).toContain('Quá hạn');
    expect(late).toContain(`<a href="${paths.officialDossier('24.SXD-260301-0007')}">`);
    expect(onTime).not.toContain('overdue');
    expect(onTime).not.toContain('Quá hạn');
    expect(calls[0]).toMatchObject({ path: queue, query: { overdue: undefined, status: undefined } });
  });

  it('renders an applicant name containing markup as inert text', async () => {
    const { send } = setup({ [queue]: { items: [item({ applicantName: '<img src=x onerror=alert(1)>' })] } });
    const response = await send('GET', paths.workQueue, receiver);
    expect(response.body).not.toContain('<img src=x');
    expect(response.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('passes the filter to the API, keeps it in the form and in the next page link', async () => {
    const { send, calls } = setup({ [queue]: { items: [item()], nextCursor: 'abc' } });
    const response = await send('GET', `${paths.workQueue}?status=processing&overdue=true`, receiver);
    expect(calls[0]?.query).toMatchObject({ status: 'processing', overdue: 'true' });
    expect(response.body).toContain('<option value="processing" selected>');
    expect(response.body).toMatch(/name="overdue" type="checkbox" value="true" checked/);
    expect(response.body).toContain(`href="${paths.workQueue}?status=processing&amp;overdue=true&amp;cursor=abc"`);
  });

  it('refuses an unknown status filter without asking the API', async () => {
    const { send, calls } = setup({});
    const response = await send('GET', `${paths.workQueue}?status=nonsense`, receiver);
    expect(response.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('tells an official without an agency why there is no queue', async () => {
    const { send, calls } = setup({});
    const response = await send('GET', paths.workQueue, noAgency);
    expect(response.status).toBe(200);
    expect(response.body).toContain('chưa được gắn với cơ quan nào');
    expect(calls).toEqual([]);
  });
});

describe("an official's dossier page", () => {
  const base = submittedPermit(monday);
  const code = base.code;
  const view = (dossier: Dossier) => dossierView(dossier, people.receiver, now);
  const answers = (dossier: Dossier) => ({
    [`/v1/dossiers/${code}`]: view(dossier),
    [`/v1/dossiers/${code}/documents`]: { code, items: [] },
    '/v1/agencies/24.SXD/officials': {
      items: [
        { sub: 'specialist-nam', name: 'Lý Văn Nam', agencyId: '24.SXD', roles: ['specialist'], active: true },
        { sub: 'specialist-old', name: 'Cán Bộ Cũ', agencyId: '24.SXD', roles: ['specialist'], active: false },
        { sub: 'leader-son', name: 'Trịnh Hồng Sơn', agencyId: '24.SXD', roles: ['leader'], active: true },
      ],
    },
    [`/v1/procedures/${permit.code}`]: permit,
  });
  const formTypes = (body: string) => [...body.matchAll(/name="type" value="([a-z-]+)"/g)].map((m) => m[1]);

  it('offers a receiver receive, refuse and a supplement request for a submitted dossier; a leader none of the first two', async () => {
    const { send } = setup(answers(base));
    const asReceiver = await send('GET', paths.officialDossier(code), receiver);
    expect(asReceiver.status).toBe(200);
    expect(formTypes(asReceiver.body)).toEqual(['receive', 'refuse', 'request-supplement']);
    expect(asReceiver.body).toContain(`name="expectedVersion" value="${base.version}"`);
    expect(asReceiver.body).toContain('name="_key" value="11111111-1111-4111-8111-111111111111"');

    const asLeader = await send('GET', paths.officialDossier(code), leader);
    expect(formTypes(asLeader.body)).toEqual(['request-supplement']);
    expect(asLeader.body).not.toContain('Phê duyệt và ký số kết quả');
  });

  it('offers a leader the signed decision and a roster to forward to; a receiver a typed assignee and no decision', async () => {
    const processing: Dossier = {
      ...base,
      status: 'processing',
      version: 4,
      workQueue: { agencyId: '24.SXD', stepIndex: 0, stepName: 'Tiếp nhận hồ sơ', since: base.submittedAt },
    };
    const { send, calls } = setup(answers(processing));
    const asLeader = await send('GET', paths.officialDossier(code), leader);
    expect(formTypes(asLeader.body)).toEqual([
      'request-supplement',
      'forward',
      'transfer',
      'request-fees',
      'request-extension',
      'stop',
      'decide',
    ]);
    expect(asLeader.body).toContain('Phê duyệt và ký số kết quả');
    expect(asLeader.body).toMatch(/<select id="xl-forward-assignee" name="assigneeId">/);
    expect(asLeader.body).toContain('Lý Văn Nam (specialist-nam)');
    expect(asLeader.body).not.toContain('specialist-old');
    // The next step (after receipt, step 0) is the specialist's: a leader is not offered for it.
    expect(asLeader.body).not.toContain('(leader-son)');
    expect(calls.find((c) => c.path === `/v1/procedures/${permit.code}`)?.query).toMatchObject({
      version: permit.version,
    });

    calls.length = 0;
    const asReceiver = await send('GET', paths.officialDossier(code), receiver);
    expect(formTypes(asReceiver.body)).toEqual(['request-supplement', 'forward']);
    expect(asReceiver.body).toMatch(/<input\s+id="xl-forward-assignee"\s+name="assigneeId"/);
    expect(calls.map((c) => c.path)).not.toContain('/v1/agencies/24.SXD/officials');
  });

  it('posts the action the form describes, with its key, and redirects with a success message', async () => {
    const { send, calls } = setup(answers(base));
    const response = await send('POST', paths.officialAction(code), receiver, {
      type: 'request-supplement',
      expectedVersion: '1',
      defects: 'Thiếu bản vẽ mặt bằng\r\n\r\n  Thiếu giấy chứng nhận quyền sử dụng đất  ',
      _key: '22222222-2222-4222-8222-222222222222',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${paths.officialDossier(code)}?da=request-supplement`);
    expect(calls).toEqual([
      {
        method: 'POST',
        path: `/v1/dossiers/${code}/actions`,
        body: {
          type: 'request-supplement',
          expectedVersion: 1,
          defects: ['Thiếu bản vẽ mặt bằng', 'Thiếu giấy chứng nhận quyền sử dụng đất'],
        },
        key: '22222222-2222-4222-8222-222222222222',
      },
    ]);
    const after = await send('GET', `${paths.officialDossier(code)}?da=request-supplement`, receiver);
    expect(after.body).toContain('<p class="success" role="status">Đã gửi yêu cầu bổ sung hồ sơ cho người nộp.</p>');
  });

  it('shows the fresh dossier with the conflict message when someone else changed it first', async () => {
    const received: Dossier = { ...base, status: 'received', version: 2 };
    const { send } = setup(answers(received), () => {
      throw new ApiError(
        409,
        'version-conflict',
        'Xung đột dữ liệu',
        'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại.',
      );
    });
    const response = await send('POST', paths.officialAction(code), receiver, {
      type: 'receive',
      expectedVersion: '1',
    });
    expect(response.status).toBe(409);
    expect(response.body).toContain(conflictMessage);
    expect(response.body).toContain('Được tiếp nhận');
    expect(response.body).toContain('name="expectedVersion" value="2"');
  });

  it("shows the API's refusal next to the form, with what was typed", async () => {
    const processing: Dossier = { ...base, status: 'processing', version: 4 };
    const { send } = setup(answers(processing), () => {
      throw new ApiError(422, 'extension-too-late', 'Yêu cầu không được chấp nhận', 'Phải gia hạn trước 01 ngày.');
    });
    const response = await send('POST', paths.officialAction(code), leader, {
      type: 'request-extension',
      expectedVersion: '4',
      extraWorkingDays: '2',
      reason: 'Chờ <ý kiến> phối hợp',
    });
    expect(response.status).toBe(422);
    const form = /<form[^>]*id="xl-request-extension"[\s\S]*?<\/form>/.exec(response.body)?.[0] ?? '';
    expect(form).toContain('<p class="notice" role="alert">Phải gia hạn trước 01 ngày.</p>');
    expect(form).toContain('>Chờ &lt;ý kiến&gt; phối hợp</textarea>');
    expect(form).toMatch(/name="extraWorkingDays"[\s\S]*?value="2"/);
  });

  // A decided dossier before and after the sign worker signed its result.
  const decided: Dossier = {
    ...base,
    status: 'decided',
    version: 6,
    decision: { outcome: 'approved', decidedAt: '2026-03-09T10:00:00+07:00', by: 'leader-son' },
  };
  const signed: Dossier = {
    ...decided,
    version: 7,
    timeline: [
      ...decided.timeline,
      {
        at: '2026-03-09T10:00:05+07:00',
        actor: { sub: 'system', role: 'system' },
        action: 'result-signed',
        note: 'Kết quả đã được ký số bởi Trịnh Hồng Sơn.',
        documentId: 'result-v6',
      },
    ],
  };

  it('says the result is being signed until the sign worker recorded it, then links the signed document', async () => {
    const pending = await setup(answers(decided)).send('GET', paths.officialDossier(code), receiver);
    expect(pending.body).toContain('Đang ký số kết quả');
    expect(pending.body).not.toContain('Tải kết quả có chữ ký số');

    const document = {
      id: 'result-v6',
      dossierCode: code,
      kind: 'result',
      name: 'Giấy phép xây dựng',
      contentType: 'application/pdf',
      size: 1000,
      digitised: false,
      status: 'verified',
      createdBy: 'system',
      createdAt: '2026-03-09T10:00:05+07:00',
      download: { url: 'javascript:alert(1)', expiresAt: '2026-03-09T10:05:05+07:00' },
    };
    const done = await setup({
      ...answers(signed),
      [`/v1/dossiers/${code}/documents`]: { code, items: [document] },
    }).send('GET', paths.officialDossier(code), receiver);
    expect(done.body).toContain('Kết quả đã được ký số bởi Trịnh Hồng Sơn.');
    expect(done.body).not.toContain('Đang ký số kết quả');
    // A download URL that is not http(s) is never rendered as a link target.
    expect(done.body).toContain('<a href="#">Tải kết quả có chữ ký số (Giấy phép xây dựng)</a>');
    expect(done.body).not.toContain('javascript:');
    expect(done.body.match(/name="type" value="return-result"/g)).toHaveLength(1);
  });

  it('tells the leader after deciding that the result is being signed only while it is not signed yet', async () => {
    const target = `${paths.officialDossier(code)}?da=decide`;
    const pending = await setup(answers(decided)).send('GET', target, leader);
    expect(pending.body).toContain(
      '<p class="success" role="status">Đã ghi nhận quyết định; kết quả đang được ký số.</p>',
    );
    const done = await setup(answers(signed)).send('GET', target, leader);
    expect(done.body).toContain('<p class="success" role="status">Đã ghi nhận quyết định.</p>');
    expect(done.body).not.toContain('đang được ký số');
  });

  it('is the 404 page when the API says the dossier is not this official’s to read', async () => {
    const { send } = setup({});
    const response = await send('GET', paths.officialDossier(code), receiver);
    expect(response.status).toBe(404);
  });
});

describe("the process control slip (mẫu số 06) from an official's dossier page", () => {
  const base = submittedPermit(monday);
  const code = base.code;
  const slipPath = `/v1/dossiers/${code}/control-slip`;
  const pdf = new Uint8Array(Buffer.from('%PDF-1.7 slip'));
  function slipSetup(listed: Record<string, unknown>) {
    const files: string[] = [];
    const api = fakeApi(
      (path) => {
        if (path === `/v1/dossiers/${code}`) return dossierView(base, people.receiver, now);
        if (path === `/v1/dossiers/${code}/documents`) return { code, items: [], ...listed };
        if (path === `/v1/procedures/${permit.code}`) return permit;
        throw new ApiError(404, 'not-found', 'Không tìm thấy', undefined);
      },
      () => ({}),
      (path, accept) => {
        files.push(`${path} ${accept}`);
        if (path !== slipPath) throw new ApiError(404, 'not-found', 'Không tìm thấy', undefined);
        return { bytes: pdf, contentType: 'application/pdf' };
      },
    );
    const route = portalRouter(fakeDeps({ api: () => api, now: () => now }), officialDossierRoutes);
    return { files, get: (target: string) => route(portalRequest('GET', target, { token: receiver })) };
  }

  it('is offered once the documents list offers it, by a link to the portal page that fetches it', async () => {
    const offered = await slipSetup({ controlSlip: { form: '06', name: 'x', href: slipPath } }).get(
      paths.officialDossier(code),
    );
    expect(offered.body).toContain(
      `<a href="${paths.officialControlSlip(code)}">Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu số 06)</a>`,
    );
    const before = await slipSetup({}).get(paths.officialDossier(code));
    expect(before.body).not.toContain('phieu-kiem-soat');
  });

  it('answers the PDF the API rendered with the session’s token, as a download never cached', async () => {
    const { files, get } = slipSetup({});
    const response = await get(paths.officialControlSlip(code));
    expect(files).toEqual([`${slipPath} application/pdf`]);
    expect(response.status).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(Buffer.from(response.body, 'base64').equals(Buffer.from(pdf))).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="mau-06-phieu-kiem-soat-${code}.pdf"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  it('is the 404 page when the API says the dossier is not this official’s, or the code is malformed', async () => {
    const { files, get } = slipSetup({});
    const other = await get(paths.officialControlSlip('24.SXD-260302-0999'));
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain('text/html');
    expect((await get('/portal/can-bo/ho-so/not-a-code/phieu-kiem-soat')).status).toBe(404);
    expect(files).toEqual(['/v1/dossiers/24.SXD-260302-0999/control-slip application/pdf']);
  });
});

describe('an action form, read back', () => {
  const read = (fields: Record<string, string>) => actionFromForm((name) => fields[name] ?? '');

  it('builds the decision, and refuses a refusal without reasons before asking the API', () => {
    expect(read({ type: 'decide', expectedVersion: '7', outcome: 'approved' })).toEqual({
      ok: true,
      type: 'decide',
      body: { type: 'decide', expectedVersion: 7, outcome: 'approved' },
    });
    expect(read({ type: 'decide', expectedVersion: '7', outcome: 'refused' })).toMatchObject({ ok: false });
  });

  it('reads half working days with a comma and leaves an empty assignee out', () => {
    expect(
      read({ type: 'request-extension', expectedVersion: '3', extraWorkingDays: '1,5', reason: 'Chờ phối hợp' }),
    ).toMatchObject({ ok: true, body: { extraWorkingDays: 1.5, reason: 'Chờ phối hợp' } });
    expect(read({ type: 'forward', expectedVersion: '3', assigneeId: '' })).toEqual({
      ok: true,
      type: 'forward',
      body: { type: 'forward', expectedVersion: 3 },
    });
  });

  it('reads the amount an official sets for a fee, with or without thousands dots, and leaves it out when empty', () => {
    expect(read({ type: 'request-fees', expectedVersion: '4', amount: '1.200.000' })).toEqual({
      ok: true,
      type: 'request-fees',
      body: { type: 'request-fees', expectedVersion: 4, amount: 1_200_000 },
    });
    expect(read({ type: 'request-fees', expectedVersion: '4', amount: '' })).toEqual({
      ok: true,
      type: 'request-fees',
      body: { type: 'request-fees', expectedVersion: 4 },
    });
    expect(read({ type: 'request-fees', expectedVersion: '4', amount: 'một triệu' })).toMatchObject({ ok: false });
  });

  it('refuses the applicant’s withdrawal and unknown types', () => {
    expect(read({ type: 'withdraw', expectedVersion: '1', reason: 'x' })).toMatchObject({ ok: false });
    expect(read({ type: 'delete', expectedVersion: '1' })).toMatchObject({ ok: false });
  });
});
