import { describe, expect, it } from 'vitest';
import { type ApiClient, ApiError } from '../../../shared/http/api-client.ts';
import type { PortalDeps } from '../../../shared/portal/deps.ts';
import type { PageContext } from '../../../shared/portal/layout.ts';
import { layout } from '../../../shared/portal/layout.ts';
import { newFeedbackPage, emptyFeedbackInput } from '../../../shared/portal/pages/services/feedback-form.ts';
import { myFeedbackPage } from '../../../shared/portal/pages/services/my-feedback.ts';
import { type PayableDossier, paymentHandoffPage, paymentPage } from '../../../shared/portal/pages/services/payment.ts';
import { ratingPage } from '../../../shared/portal/pages/services/rating.ts';
import { verifySignaturePage } from '../../../shared/portal/pages/services/verify-signature.ts';
import { paths } from '../../../shared/portal/paths.ts';
import type { PortalRequest } from '../../../shared/portal/route.ts';
import { citizenServiceRoutes } from '../../../shared/portal/routes/citizen-services.ts';
import { portalRouter } from '../../../shared/portal/router.ts';
import { type Session, sessionFromToken } from '../../../shared/portal/session.ts';
import { fakeApi, fakeDeps, formKey, portalOrigin, portalRequest, sessionToken } from '../../support/portal-fakes.ts';

const citizenToken = sessionToken({ sub: 'citizen-an', name: 'Nguyễn Văn An', roles: ['citizen'] });
const decoded = sessionFromToken(citizenToken, Date.parse('2026-03-02T03:00:00Z') / 1000);
if (!decoded) throw new Error('the test token decodes to no session');
const session: Session = decoded;
const context: PageContext = { session };
const key = formKey;
const render = (page: { title: string; main: { value: string } }) => layout(context, page as never).value;

const dossier = (overrides: Partial<PayableDossier> = {}): PayableDossier => ({
  code: '24.07210-260302-0001',
  status: 'submitted',
  procedure: { name: 'Cấp bản sao trích lục hộ tịch' },
  fee: { amount: 8000, due: 'intake', paid: false },
  ...overrides,
});

describe('the payment page', () => {
  it('shows the fee in đồng with what it is for, and the pay form with its secrets', () => {
    const page = render(paymentPage(context, { dossier: dossier(), key }));
    expect(page).toContain('8.000 đồng');
    expect(page).toContain('nộp khi nộp hồ sơ');
    expect(page).toContain('Cấp bản sao trích lục hộ tịch');
    expect(page).toMatch(/<form method="post" action="\/portal\/ho-so-cua-toi\/24\.07210-260302-0001\/thanh-toan">/);
    expect(page).toContain(`name="_key" value="${key}"`);
    expect(page).toContain(`name="_csrf" value="${session.csrf}"`);
    expect(page).toContain('Thanh toán trực tuyến');
  });

  it('says why nothing is due instead of a form: no fee, already paid, closed', () => {
    const cases = [
      [dossier({ fee: null }), 'không thu phí, lệ phí'],
      [dossier({ fee: { amount: 8000, due: 'intake', paid: true, paidOnline: true } }), 'đã được nộp trực tuyến'],
      [dossier({ status: 'withdrawn' }), 'Hồ sơ đã kết thúc'],
    ] as const;
    for (const [d, message] of cases) {
      const page = render(paymentPage(context, { dossier: d, key }));
      expect(page).toContain(message);
      expect(page).not.toContain('Thanh toán trực tuyến</button>');
    }
  });

  it('escapes what the dossier holds', () => {
    const page = render(
      paymentPage(context, { dossier: dossier({ procedure: { name: '<img src=x onerror=1>' } }), key }),
    );
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=1&gt;');
  });

  it('hands over to the platform by a link, never a javascript: URL', () => {
    const page = render(paymentHandoffPage('H1', 'https://pay.example/p/1?a=1&b=2'));
    expect(page).toContain('href="https://pay.example/p/1?a=1&amp;b=2"');
    expect(render(paymentHandoffPage('H1', 'javascript:alert(1)'))).not.toContain('javascript:');
  });
});

describe('the rating page', () => {
  const returned = { ...dossier(), status: 'returned' as const };

  it('groups five radio buttons labelled in words in a fieldset with a legend', () => {
    const page = render(ratingPage(context, { dossier: returned, key }));
    expect(page).toMatch(/<fieldset>\s*<legend>[^<]+<\/legend>/);
    const labels = [
      ...page.matchAll(
        /<label class="inline" for="score-(\d)"\s*><input[^>]*name="score"[^>]*value="(\d)"[^>]*\/>([^<]+)<\/label/g,
      ),
    ];
    expect(labels.map((m) => [m[1], m[2], m[3]])).toEqual([
      ['1', '1', 'Rất không hài lòng'],
      ['2', '2', 'Không hài lòng'],
      ['3', '3', 'Bình thường'],
      ['4', '4', 'Hài lòng'],
      ['5', '5', 'Rất hài lòng'],
    ]);
    expect(page).toContain('<label for="comment">');
    expect(page).toContain('maxlength="1000"');
  });

  it('keeps the choice and the comment when the form comes back, escaped', () => {
    const page = render(
      ratingPage(context, { dossier: returned, key, score: '4', comment: '</textarea><b>x</b>', error: 'Lỗi <i>' }),
    );
    expect(page).toMatch(/id="score-4"[^>]*checked/);
    expect(page).not.toMatch(/id="score-5"[^>]*checked/);
    expect(page).toContain('&lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt;</textarea>');
    expect(page).toContain('<p class="notice" role="alert">Lỗi &lt;i&gt;</p>');
  });

  it('shows no form before the return, nor after a rating, and names the rating in words', () => {
    expect(render(ratingPage(context, { dossier: dossier(), key }))).not.toContain('name="score"');
    const rated = render(
      ratingPage(context, { dossier: { ...returned, rating: { score: 2, at: '2026-03-02T10:00:00+07:00' } }, key }),
    );
    expect(rated).not.toContain('name="score"');
    expect(rated).toContain('Không hài lòng (2/5)');
  });
});

describe('the feedback pages', () => {
  it('labels every field, groups agencies, keeps the input escaped', () => {
    const page = render(
      newFeedbackPage(context, {
        agencies: [
          { id: '24.STP', name: 'Sở Tư pháp', group: 'Sở, ban, ngành' },
          { id: '24.07210', name: 'UBND Phường Bắc Giang', group: 'Xã, phường' },
        ],
        input: { ...emptyFeedbackInput, title: '"><script>', agencyId: '24.07210', anonymous: true },
        key,
      }),
    );
    for (const id of [
      'title',
      'content',
      'agencyId',
      'dossierCode',
      'anonymous',
      'fullName',
      'phone',
      'email',
      'address',
    ]) {
      expect(page).toContain(`for="${id}"`);
      expect(page).toContain(`id="${id}"`);
    }
    expect(page).toContain('<optgroup label="Xã, phường">');
    expect(page).toMatch(/<option value="24\.07210" selected>UBND Phường Bắc Giang<\/option>/);
    expect(page).toMatch(/<option value="24\.STP" >Sở Tư pháp<\/option>/);
    expect(page).toMatch(/id="anonymous"[^>]*checked/);
    expect(page).not.toContain('"><script>');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;"');
  });

  it('lists one’s feedback with the status in Vietnamese and the answer once answered', () => {
    const page = render(
      myFeedbackPage({
        filed: true,
        items: [
          {
            id: 'a',
            title: 'Đường hỏng',
            status: 'answered',
            agencyName: 'Sở Xây dựng',
            filedAt: '2026-03-01T08:00:00+07:00',
            answer: { text: 'Đã sửa <b>xong</b>', at: '2026-03-02T08:00:00+07:00' },
          },
          {
            id: 'b',
            title: 'Chậm',
            status: 'received',
            agencyName: 'Sở Tư pháp',
            filedAt: '2026-03-01T08:00:00+07:00',
          },
        ],
        nextCursor: 'abc',
      }),
    );
    expect(page).toContain('<p class="success" role="status">');
    expect(page).toContain('Đã trả lời');
    expect(page).toContain('Đã tiếp nhận');
    expect(page).toContain('Đã sửa &lt;b&gt;xong&lt;/b&gt;');
    expect(page).toContain('<time datetime="2026-03-02T08:00:00+07:00">02/03/2026</time>');
    expect(page).toContain(`${paths.myFeedback}?cursor=abc`);
  });
});

describe('the signature check page', () => {
  it('says valid or not in words, with the reason, signer, time, code and hash', () => {
    const valid = render(
      verifySignaturePage({
        code: '',
        result: {
          valid: true,
          signer: { name: 'Vũ Mạnh Hùng', agency: 'UBND Phường Bắc Giang' },
          signingTime: '2026-03-02T03:00:00.000Z',
          documentHash: 'ab'.repeat(32),
          dossierCode: '24.07210-260302-0001',
        },
      }),
    );
    expect(valid).toContain('Chữ ký số hợp lệ.');
    expect(valid).toContain('Vũ Mạnh Hùng');
    expect(valid).toContain('UBND Phường Bắc Giang');
    expect(valid).toContain('10:00');
    expect(valid).toContain('24.07210-260302-0001');
    expect(valid).toContain('ab'.repeat(32));
    const invalid = render(
      verifySignaturePage({ code: '', result: { valid: false, reason: 'Nội dung tệp đã bị thay đổi sau khi ký.' } }),
    );
    expect(invalid).toContain('Chữ ký số không hợp lệ.');
    expect(invalid).toContain('Nội dung tệp đã bị thay đổi sau khi ký.');
    expect(invalid).not.toContain('Chữ ký số hợp lệ.');
    expect(valid).toContain('enctype="multipart/form-data"');
  });

  it('names both signers of a result: the leader, then the agency in place of its seal', () => {
    const page = render(
      verifySignaturePage({
        code: '',
        result: {
          valid: true,
          signer: { name: 'Vũ Mạnh Hùng', agency: 'UBND Phường Bắc Giang' },
          signatures: [
            { valid: true, kind: 'person', signer: { name: 'Vũ Mạnh Hùng', agency: 'UBND Phường Bắc Giang' } },
            {
              valid: true,
              kind: 'organisation',
              signer: { name: 'UBND Phường Bắc Giang', agency: 'UBND Phường Bắc Giang' },
            },
          ],
        },
      }),
    ).replace(/\s+/g, ' ');
    expect(page).toContain('<dt>Người ký</dt> <dd>Vũ Mạnh Hùng</dd>');
    expect(page).toContain('<dt>Chữ ký số của cơ quan (thay dấu)</dt> <dd> UBND Phường Bắc Giang – hợp lệ </dd>');
  });
});

// --- Through the router, with a fake API ----------------------------------------------------------

const calls: { method: string; path: string; body?: unknown; key?: string; token?: string }[] = [];
/** The API as `deps.api` makes it for a token, each call recorded with the token it carried. */
const recordingApi =
  (answer: (method: string, path: string, body?: unknown) => unknown) =>
  (_origin: string, token?: string): ApiClient =>
    fakeApi(
      (path) => {
        calls.push({ method: 'GET', path, token });
        return answer('GET', path);
      },
      (path, body, key) => {
        calls.push({ method: 'POST', path, body, token, ...(key ? { key } : {}) });
        return answer('POST', path, body);
      },
    );
const deps = (api: PortalDeps['api']): PortalDeps => fakeDeps({ api });
const request = (method: string, target: string, extra: Partial<PortalRequest> = {}): PortalRequest =>
  portalRequest(method, target, { token: citizenToken, ...extra });
const code = '24.07210-260302-0001';

describe('the routes', () => {
  it('pays: the return URL on this origin, the form key, then a link on to the platform', async () => {
    calls.length = 0;
    const route = portalRouter(
      deps(recordingApi(() => ({ payUrl: 'https://thanhtoan.example/pay/NP-1', amount: 8000 }))),
      citizenServiceRoutes,
    );
    const response = await route(
      request('POST', paths.myDossierPayment(code), { form: new URLSearchParams({ _csrf: session.csrf, _key: key }) }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toContain('href="https://thanhtoan.example/pay/NP-1"');
    expect(calls).toEqual([
      {
        method: 'POST',
        path: `/v1/dossiers/${code}/payments`,
        body: { returnUrl: `${portalOrigin}${paths.myDossier(code)}?da=thanh-toan` },
        key,
        token: citizenToken,
      },
    ]);
  });

  it('shows the form again with the API’s refusal (422)', async () => {
    const route = portalRouter(
      deps(
        recordingApi((method) => {
          if (method === 'POST')
            throw new ApiError(422, 'fee-already-paid', 'x', 'Phí, lệ phí của hồ sơ này đã được nộp.');
          return dossier({ fee: { amount: 8000, due: 'intake', paid: true } });
        }),
      ),
      citizenServiceRoutes,
    );
    const response = await route(
      request('POST', paths.myDossierPayment(code), { form: new URLSearchParams({ _csrf: session.csrf, _key: key }) }),
    );
    expect(response.status).toBe(422);
    expect(response.body).toContain('<p class="notice" role="alert">Phí, lệ phí của hồ sơ này đã được nộp.</p>');
  });

  it('asks for a score before calling the API, and sends score and comment', async () => {
    calls.length = 0;
    const route = portalRouter(
      deps(recordingApi((method) => (method === 'GET' ? { ...dossier(), status: 'returned' } : {}))),
      citizenServiceRoutes,
    );
    const missing = await route(
      request('POST', paths.myDossierRating(code), { form: new URLSearchParams({ _csrf: session.csrf, _key: key }) }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('Vui lòng chọn mức độ hài lòng.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    const done = await route(
      request('POST', paths.myDossierRating(code), {
        form: new URLSearchParams({ _csrf: session.csrf, _key: key, score: '5', comment: ' Nhanh ' }),
      }),
    );
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`${paths.myDossier(code)}?da=danh-gia`);
    expect(calls.at(-1)).toMatchObject({ path: `/v1/dossiers/${code}/rating`, body: { score: 5, comment: 'Nhanh' } });
  });

  it('verifies as nobody: the API is asked without a token, even for a signed-in person', async () => {
    calls.length = 0;
    const route = portalRouter(deps(recordingApi(() => ({ valid: false, reason: 'Tệp không có chữ ký số.' }))), [
      ...citizenServiceRoutes,
    ]);
    const form = new URLSearchParams({ code, pin: '123456' });
    const response = await route(request('POST', paths.verifySignature, { form }));
    expect(response.status).toBe(200);
    expect(response.body).toContain('Tệp không có chữ ký số.');
    expect(calls).toEqual([
      { method: 'POST', path: '/v1/signature-verifications', body: { code, pin: '123456' }, token: undefined },
    ]);
  });
});
