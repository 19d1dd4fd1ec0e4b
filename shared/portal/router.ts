import type { Procedure } from '../domain/procedure.ts';
import { procedureCodePattern } from '../domain/procedure.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { SearchProceduresQuery } from '../use-cases/catalogue/schemas.ts';
import { LookupBody } from '../use-cases/lookup-dossier.ts';
import { siteCss } from './assets.ts';
import type { PageContext } from './layout.ts';
import { badRequestPage, errorPage, notFoundPage } from './pages/errors.ts';
import { feedbackPage, type PublishedAnswer } from './pages/feedback.ts';
import { homePage, type ProcedureListItem } from './pages/home.ts';
import { lookupPage, type LookupResult } from './pages/lookup.ts';
import { procedurePage } from './pages/procedure.ts';
import { paths } from './paths.ts';
import { htmlResponse, type PortalResponse, securityHeaders } from './response.ts';

/** The use cases the pages read; the handler wires the real ones, unit tests fakes. */
export interface PortalDeps {
  search: (query: SearchProceduresQuery) => Promise<{ items: ProcedureListItem[]; total: number; nextCursor?: string }>;
  getProcedure: (code: string) => Promise<Procedure>;
  agencyName: (id: string) => Promise<string | undefined>;
  lookup: (body: { code: string; pin: string }) => Promise<LookupResult>;
  publishedFeedback: (query: { limit: number; cursor?: string }) => Promise<{
    items: PublishedAnswer[];
    nextCursor?: string;
  }>;
  /** Where unexpected errors go (never to the page). */
  logError: (message: string, error: unknown) => void;
}

export interface PortalRequest {
  method: string;
  /** Decoded path, e.g. `/portal/thu-tuc/1.001193`. */
  path: string;
  query: URLSearchParams;
  /** The urlencoded form of a POST; undefined for another content type. */
  form?: URLSearchParams;
  context: PageContext;
}

const pageSize = 20;
const procedurePrefix = `${paths.procedure('')}`;

export function portalRouter(deps: PortalDeps) {
  const pages = async (request: PortalRequest): Promise<PortalResponse> => {
    const { method, query, context } = request;
    const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
    const get = method === 'GET' || method === 'HEAD';
    if (path === paths.css) {
      if (!get) return notAllowed(context, 'GET');
      return {
        status: 200,
        headers: {
          'content-type': 'text/css; charset=utf-8',
          'cache-control': 'public, max-age=31536000, immutable',
          ...securityHeaders,
        },
        body: siteCss,
      };
    }
    if (path === paths.home) {
      if (!get) return notAllowed(context, 'GET');
      const parsed = SearchProceduresQuery.safeParse({
        limit: pageSize,
        ...optional('q', query.get('q')),
        ...optional('cursor', query.get('cursor')),
      });
      if (!parsed.success)
        return htmlResponse(400, context, badRequestPage('Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).'));
      const found = await deps.search(parsed.data);
      return htmlResponse(200, context, homePage({ q: parsed.data.q ?? '', ...found }));
    }
    if (path.startsWith(procedurePrefix)) {
      const code = path.slice(procedurePrefix.length);
      if (!get || !procedureCodePattern.test(code)) return notFound(context);
      const procedure = await deps.getProcedure(code);
      const agencyName = procedure.agencyId ? await deps.agencyName(procedure.agencyId) : undefined;
      return htmlResponse(200, context, procedurePage(procedure, agencyName));
    }
    if (path === paths.lookup) {
      if (get) return htmlResponse(200, context, lookupPage({ code: (query.get('code') ?? '').trim().slice(0, 40) }));
      if (method !== 'POST') return notAllowed(context, 'GET, POST');
      return lookup(request);
    }
    if (path === paths.feedback) {
      if (!get) return notAllowed(context, 'GET');
      const cursor = query.get('cursor') ?? undefined;
      if (cursor && cursor.length > 2048) return htmlResponse(400, context, badRequestPage('Trang không hợp lệ.'));
      const list = await deps.publishedFeedback({ limit: pageSize, ...(cursor ? { cursor } : {}) });
      return htmlResponse(200, context, feedbackPage(list));
    }
    return notFound(context);
  };

  const lookup = async ({ form, context }: PortalRequest): Promise<PortalResponse> => {
    const code = (form?.get('code') ?? '').trim();
    const pin = (form?.get('pin') ?? '').trim();
    const parsed = LookupBody.safeParse({ code, pin });
    const shownCode = code.slice(0, 40);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => issue.message).join('. ');
      return htmlResponse(400, context, lookupPage({ code: shownCode, error: `${message}.` }));
    }
    try {
      const result = await deps.lookup(parsed.data);
      return htmlResponse(200, context, lookupPage({ code: shownCode, result }));
    } catch (error) {
      // The use case's own Vietnamese messages: the same for a wrong PIN and an unknown code.
      if (error instanceof RuleViolation && (error.kind === 'not-found' || error.kind === 'rate-limited')) {
        const status = error.kind === 'not-found' ? 404 : 429;
        return htmlResponse(status, context, lookupPage({ code: shownCode, error: error.message }));
      }
      throw error;
    }
  };

  return async (request: PortalRequest): Promise<PortalResponse> => {
    try {
      const response = await pages(request);
      return request.method === 'HEAD' ? { ...response, body: '' } : response;
    } catch (error) {
      if (error instanceof RuleViolation && error.kind === 'not-found') return notFound(request.context);
      if (error instanceof RuleViolation && error.kind === 'bad-request') {
        return htmlResponse(400, request.context, badRequestPage('Trang không hợp lệ.'));
      }
      deps.logError(`portal ${request.method} failed`, error);
      return htmlResponse(500, request.context, errorPage());
    }
  };
}

const optional = (key: string, value: string | null) => (value ? { [key]: value } : {});

const notFound = (context: PageContext) => htmlResponse(404, context, notFoundPage());

const notAllowed = (context: PageContext, allow: string) =>
  htmlResponse(405, context, badRequestPage('Trang này không nhận yêu cầu theo cách đó.'), { allow });
