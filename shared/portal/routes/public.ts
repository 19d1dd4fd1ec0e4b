import { procedureCodePattern } from '../../domain/procedure.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { SearchProceduresQuery } from '../../use-cases/catalogue/schemas.ts';
import { LookupBody } from '../../use-cases/lookup-dossier.ts';
import { siteCss } from '../assets.ts';
import { filingAppointment } from '../filing-appointment.ts';
import { badRequestPage, notFoundPage } from '../pages/errors.ts';
import { feedbackPage } from '../pages/feedback.ts';
import { homePage } from '../pages/home.ts';
import { lookupPage } from '../pages/lookup.ts';
import { procedurePage } from '../pages/procedure.ts';
import { lookupCodeParam, paths } from '../paths.ts';
import { htmlResponse, securityHeaders } from '../response.ts';
import { exact, field, formPage, type PublicContext, type PublicRoute } from '../route.ts';

const pageSize = 20;
const optional = (key: string, value: string | null) => (value ? { [key]: value } : {});

/** The pages anyone may open: search, a procedure, the lookup by code and PIN, published answers. */
export const publicRoutes: readonly PublicRoute[] = [
  {
    methods: ['GET'],
    pattern: exact(paths.css),
    access: 'public',
    handle: async () => ({
      status: 200,
      headers: {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=31536000, immutable',
        ...securityHeaders,
      },
      body: siteCss,
    }),
  },
  {
    methods: ['GET'],
    pattern: exact(paths.home),
    access: 'public',
    handle: async ({ request, page, deps }) => {
      const parsed = SearchProceduresQuery.safeParse({
        limit: pageSize,
        ...optional('q', request.query.get('q')),
        ...optional('cursor', request.query.get('cursor')),
      });
      if (!parsed.success)
        return htmlResponse(400, page, badRequestPage('Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).'));
      const found = await deps.search(parsed.data);
      return htmlResponse(200, page, homePage({ q: parsed.data.q ?? '', ...found }));
    },
  },
  {
    methods: ['GET'],
    pattern: /^\/portal\/thu-tuc\/(?<code>[^/]+)$/,
    access: 'public',
    handle: async ({ request, params, page, deps }) => {
      const code = params.code ?? '';
      if (!procedureCodePattern.test(code)) return htmlResponse(404, page, notFoundPage());
      const procedure = await deps.getProcedure(code);
      const [agencyName, appointment] = await Promise.all([
        procedure.agencyId ? deps.agencyName(procedure.agencyId) : undefined,
        filingAppointment(deps, request.origin, procedure),
      ]);
      return htmlResponse(200, page, procedurePage(procedure, agencyName, appointment));
    },
  },
  formPage({
    pattern: exact(paths.lookup),
    access: 'public',
    // The code the QR code of a form carries (paths.ts lookupUrl writes it).
    show: async ({ request, page }) =>
      htmlResponse(200, page, lookupPage({ code: (request.query.get(lookupCodeParam) ?? '').trim().slice(0, 40) })),
    submit: lookup,
  }),
  {
    methods: ['GET'],
    pattern: exact(paths.feedback),
    access: 'public',
    handle: async ({ request, page, deps }) => {
      const cursor = request.query.get('cursor') ?? undefined;
      if (cursor && cursor.length > 2048) return htmlResponse(400, page, badRequestPage('Trang không hợp lệ.'));
      const list = await deps.publishedFeedback({ limit: pageSize, ...(cursor ? { cursor } : {}) });
      return htmlResponse(200, page, feedbackPage(list));
    },
  },
];

async function lookup({ request, page, deps }: PublicContext) {
  const code = field(request, 'code');
  const pin = field(request, 'pin');
  const parsed = LookupBody.safeParse({ code, pin });
  const shownCode = code.slice(0, 40);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join('. ');
    return htmlResponse(400, page, lookupPage({ code: shownCode, error: `${message}.` }));
  }
  try {
    const result = await deps.lookup(parsed.data, request.sourceIp ?? 'unknown');
    return htmlResponse(200, page, lookupPage({ code: shownCode, result }));
  } catch (error) {
    // The use case's own Vietnamese messages: the same for a wrong PIN and an unknown code.
    if (error instanceof RuleViolation && (error.kind === 'not-found' || error.kind === 'rate-limited')) {
      const status = error.kind === 'not-found' ? 404 : 429;
      const retryAfter = error.details.retryAfterSeconds;
      const headers: Record<string, string> =
        status === 429 && typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {};
      return htmlResponse(status, page, lookupPage({ code: shownCode, error: error.message }), headers);
    }
    throw error;
  }
}
