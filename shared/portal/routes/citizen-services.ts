import type { Agency } from '../../domain/agency.ts';
import { dossierCodePattern } from '../../domain/dossier/code.ts';
import { maxRatingCommentLength } from '../../domain/dossier/rating.ts';
import type { AuthorFeedbackSummary, AuthorFeedbackView } from '../../use-cases/feedback/feedback.ts';
import { agencyChoices } from '../agencies.ts';
import { ApiError, type ApiClient } from '../../http/api-client.ts';
import { submittedKey } from '../forms.ts';
import { badRequestPage } from '../pages/errors.ts';
import { contactConfirmationPage } from '../pages/services/contact-confirmation.ts';
import { emptyFeedbackInput, type FeedbackInput, newFeedbackPage } from '../pages/services/feedback-form.ts';
import { type MyFeedbackItem, myFeedbackPage } from '../pages/services/my-feedback.ts';
import { type PayableDossier, paymentHandoffPage, paymentPage } from '../pages/services/payment.ts';
import { type RatableDossier, ratingPage } from '../pages/services/rating.ts';
import { maxUploadBytes, type VerificationResult, verifySignaturePage } from '../pages/services/verify-signature.ts';
import { paths } from '../paths.ts';
import { htmlResponse, redirect } from '../response.ts';
import { exact, field, formPage, type PortalRoute, type PublicContext, type SignedInContext } from '../route.ts';

const citizen = { roles: ['citizen'] } as const;
const pageSize = 20;
const dossierPath = (code: string) => `/v1/dossiers/${encodeURIComponent(code)}`;

/**
 * The citizen's services around a dossier and beyond it: paying its fee through the national payment
 * platform, rating it once returned, filing feedback and reading the answers, and (for anyone)
 * checking a signed result.
 */
export const citizenServiceRoutes: readonly PortalRoute[] = [
  formPage({
    pattern: /^\/portal\/ho-so-cua-toi\/(?<code>[^/]+)\/thanh-toan$/,
    access: citizen,
    show: showPayment,
    submit: pay,
  }),
  formPage({
    pattern: /^\/portal\/ho-so-cua-toi\/(?<code>[^/]+)\/danh-gia$/,
    access: citizen,
    show: showRating,
    submit: rate,
  }),
  formPage({ pattern: exact(paths.newFeedback), access: citizen, show: showNewFeedback, submit: fileFeedback }),
  {
    methods: ['GET'],
    pattern: exact(paths.myFeedback),
    access: citizen,
    handle: showMyFeedback,
  },
  formPage({
    pattern: exact(paths.confirmContact),
    access: citizen,
    show: async ({ page }) => htmlResponse(200, page, contactConfirmationPage(page, {})),
    submit: confirmContact,
  }),
  formPage({
    pattern: exact(paths.verifySignature),
    access: 'public',
    show: async ({ page }) => htmlResponse(200, page, verifySignaturePage({ code: '' })),
    submit: verify,
  }),
];

// --- Paying the fee -------------------------------------------------------------------------------

const readDossier = <T>(api: ApiClient, code: string) => api.get<T>(dossierPath(code));

async function showPayment({ params, page, api, deps }: SignedInContext) {
  const dossier = await readDossier<PayableDossier>(api, params.code ?? '');
  return htmlResponse(200, page, paymentPage(page, { dossier, key: deps.newKey() }));
}

async function pay({ request, params, page, api, deps }: SignedInContext) {
  const code = params.code ?? '';
  const returnUrl = `${request.origin}${paths.myDossier(code)}?da=thanh-toan`;
  try {
    const payment = await api.post<{ payUrl: string }>(
      `${dossierPath(code)}/payments`,
      { returnUrl },
      submittedKey(field(request, '_key')),
    );
    // The platform's page, never anything a script could run from.
    if (!/^https?:\/\//i.test(payment.payUrl)) throw new Error('The payment platform answered no http(s) payUrl');
    // A link, not a redirect: CSP3 applies form-action to a form's redirects too, and the platform's page
    // may be on any origin it chooses; following a link is a navigation no form-action restricts.
    return htmlResponse(200, page, paymentHandoffPage(code, payment.payUrl));
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 503)) throw error;
    const dossier = await readDossier<PayableDossier>(api, code);
    return htmlResponse(error.status, page, paymentPage(page, { dossier, key: deps.newKey(), error: error.sentence }));
  }
}

// --- Rating ---------------------------------------------------------------------------------------

async function showRating({ params, page, api, deps }: SignedInContext) {
  const dossier = await readDossier<RatableDossier>(api, params.code ?? '');
  return htmlResponse(200, page, ratingPage(page, { dossier, key: deps.newKey() }));
}

async function rate({ request, params, page, api, deps }: SignedInContext) {
  const code = params.code ?? '';
  const score = field(request, 'score');
  const comment = field(request, 'comment');
  const again = async (status: number, error: string) => {
    const dossier = await readDossier<RatableDossier>(api, code);
    return htmlResponse(status, page, ratingPage(page, { dossier, key: deps.newKey(), score, comment, error }));
  };
  if (!/^[1-5]$/.test(score)) return again(400, 'Vui lòng chọn mức độ hài lòng.');
  if (comment.length > maxRatingCommentLength) {
    return again(400, `Ý kiến không quá ${maxRatingCommentLength.toLocaleString('vi-VN')} ký tự.`);
  }
  try {
    await api.post(
      `${dossierPath(code)}/rating`,
      { score: Number(score), ...(comment ? { comment } : {}) },
      submittedKey(field(request, '_key')),
    );
  } catch (error) {
    if (error instanceof ApiError && (error.status === 409 || error.status === 400 || error.status === 422)) {
      return again(error.status, error.sentence);
    }
    throw error;
  }
  return redirect(`${paths.myDossier(code)}?da=danh-gia`);
}

// --- Confirming a contact -----------------------------------------------------------------------

async function confirmContact({ request, page, api }: SignedInContext) {
  const code = field(request, 'code').replace(/\s/g, '');
  const again = (status: number, error: string) =>
    htmlResponse(status, page, contactConfirmationPage(page, { code, error }));
  if (!/^\d{6}$/.test(code)) return again(400, 'Mã xác nhận gồm 6 chữ số.');
  try {
    const { channel } = await api.post<{ channel: 'phone' | 'email' }>('/v1/me/contact-confirmations', { code });
    return htmlResponse(200, page, contactConfirmationPage(page, { confirmed: channel }));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 422 || error.status === 429)) {
      return again(error.status, error.sentence);
    }
    throw error;
  }
}

// --- Feedback -------------------------------------------------------------------------------------

function feedbackInput(context: SignedInContext): FeedbackInput {
  const { request } = context;
  return {
    title: field(request, 'title'),
    content: field(request, 'content'),
    agencyId: field(request, 'agencyId'),
    dossierCode: field(request, 'dossierCode'),
    anonymous: field(request, 'anonymous') !== '',
    fullName: field(request, 'fullName'),
    phone: field(request, 'phone').replace(/[\s.]/g, ''),
    email: field(request, 'email'),
    address: field(request, 'address'),
  };
}

async function showNewFeedback({ request, page, api, deps }: SignedInContext) {
  // `?ho-so=` prefills the dossier the feedback is about (from the dossier's own page).
  const dossierCode = (request.query.get('ho-so') ?? '').trim().slice(0, 60);
  return htmlResponse(
    200,
    page,
    newFeedbackPage(page, {
      agencies: await agencyChoices(api),
      input: { ...emptyFeedbackInput, dossierCode },
      key: deps.newKey(),
    }),
  );
}

async function fileFeedback(context: SignedInContext) {
  const { request, page, api, deps } = context;
  const input = feedbackInput(context);
  const again = async (status: number, error: string) =>
    htmlResponse(
      status,
      page,
      newFeedbackPage(page, { agencies: await agencyChoices(api), input, key: deps.newKey(), error }),
    );
  const missing = [
    !input.title && 'tiêu đề',
    !input.content && 'nội dung',
    !input.agencyId && 'cơ quan tiếp nhận',
  ].filter(Boolean);
  if (missing.length) return again(400, `Vui lòng nhập ${missing.join(', ')}.`);
  if (input.dossierCode && !dossierCodePattern.test(input.dossierCode)) {
    return again(400, 'Mã hồ sơ không đúng định dạng, ví dụ 24.07210-260302-0001.');
  }
  const contact = Object.fromEntries(
    (['fullName', 'phone', 'email', 'address'] as const).filter((k) => input[k]).map((k) => [k, input[k]]),
  );
  const body = {
    title: input.title,
    content: input.content,
    agencyId: input.agencyId,
    ...(input.dossierCode ? { dossierCode: input.dossierCode } : {}),
    ...(input.anonymous ? { anonymous: true } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
  };
  try {
    await api.post('/v1/feedback', body, submittedKey(field(request, '_key')));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 401) throw error;
    // A 404 here is the dossier named (someone else's, or none): the form comes back, not the 404 page.
    const message =
      error.status === 404
        ? `Không tìm thấy hồ sơ ${input.dossierCode} trong các hồ sơ của Ông/Bà.`
        : error.sentence || 'Phản ánh chưa gửi được.';
    return again(error.status, message);
  }
  return redirect(`${paths.myFeedback}?da=gui`);
}

async function showMyFeedback({ request, page, api }: SignedInContext) {
  const cursor = request.query.get('cursor') ?? undefined;
  if (cursor && cursor.length > 2048) return htmlResponse(400, page, badRequestPage('Trang không hợp lệ.'));
  const list = await api.get<{ items: AuthorFeedbackSummary[]; nextCursor?: string }>('/v1/me/feedback', {
    limit: pageSize,
    cursor,
  });
  const names = new Map(
    await Promise.all(
      [...new Set(list.items.map((f) => f.agencyId))].map(
        async (id) =>
          [
            id,
            await api.get<Agency>(`/v1/agencies/${encodeURIComponent(id)}`).then(
              (a) => a.name,
              () => id,
            ),
          ] as const,
      ),
    ),
  );
  // The list carries no answer text: read the answered ones (at most a page of them).
  const items = await Promise.all(
    list.items.map(async (f): Promise<MyFeedbackItem> => {
      const answer = f.answered
        ? (await api.get<Pick<AuthorFeedbackView, 'answer'>>(`/v1/feedback/${encodeURIComponent(f.id)}`)).answer
        : undefined;
      return {
        id: f.id,
        title: f.title,
        status: f.status,
        agencyName: names.get(f.agencyId) ?? f.agencyId,
        filedAt: f.filedAt,
        ...(answer ? { answer: { text: answer.text, at: answer.at } } : {}),
      };
    }),
  );
  return htmlResponse(
    200,
    page,
    myFeedbackPage({
      items,
      ...(list.nextCursor ? { nextCursor: list.nextCursor } : {}),
      filed: request.query.get('da') === 'gui',
    }),
  );
}

// --- Verifying a signed document (anyone) ---------------------------------------------------------

async function verify({ request, page, deps }: PublicContext) {
  const file = request.multipart?.get('pdf');
  const code = field(request, 'code');
  const show = (status: number, data: Parameters<typeof verifySignaturePage>[0]) =>
    htmlResponse(status, page, verifySignaturePage(data));
  const pin = field(request, 'pin');
  let body: { pdf: string } | { code: string; pin: string };
  let checked: string;
  if (file instanceof Blob && file.size > 0) {
    if (file.size > maxUploadBytes) return show(413, { code, error: 'Tệp quá lớn (tối đa 4 MB).' });
    body = { pdf: Buffer.from(await file.arrayBuffer()).toString('base64') };
    checked = file instanceof File && file.name ? file.name : 'tệp đã tải lên';
  } else if (code) {
    if (!dossierCodePattern.test(code)) {
      return show(400, {
        code: code.slice(0, 60),
        error: 'Mã hồ sơ không đúng định dạng, ví dụ 24.07210-260302-0001.',
      });
    }
    // The code is printed on every form: only with the receipt's PIN does it show who decided.
    if (!/^\d{6}$/.test(pin)) {
      return show(400, { code, error: 'Mã tra cứu gồm 6 chữ số, in trên phiếu tiếp nhận hồ sơ.' });
    }
    body = { code, pin };
    checked = `hồ sơ ${code}`;
  } else {
    return show(400, { code: '', error: 'Vui lòng chọn tệp PDF đã ký số hoặc nhập mã hồ sơ.' });
  }
  // The API's verification is public: asked without anyone's token, even when someone is signed in.
  const api = deps.api(request.origin);
  try {
    // Verifying changes nothing: no Idempotency-Key.
    const result = await api.post<VerificationResult>('/v1/signature-verifications', body);
    return show(200, { code: 'code' in body ? code : '', result, checked });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return show(error.status === 404 ? 404 : 400, { code: code.slice(0, 60), error: error.sentence });
  }
}
