import { hasRole } from '../domain/caller.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { ApiError } from '../http/api-client.ts';
import type { PortalDeps } from './deps.ts';
import type { PageContext } from './layout.ts';
import { badRequestPage, errorPage, forbiddenPage, notFoundPage } from './pages/errors.ts';
import { paths } from './paths.ts';
import { htmlResponse, type PortalResponse, redirect } from './response.ts';
import type { PortalRequest, PortalRoute, PublicContext } from './route.ts';
import { csrfField, csrfMatches, type Session, sessionClearCookie, sessionOf } from './session.ts';

/**
 * One table of routes, each with its access rule: public pages, or pages for a signed-in person (sent to
 * sign in first), optionally of some roles. Every POST of a signed-in page must carry the session's form
 * token and come from this origin. The API's own answers decide the rest: its 404 (another citizen's
 * dossier, another agency's) is the page's 404.
 */
export function portalRouter(deps: PortalDeps, routes: readonly PortalRoute[]) {
  const dispatch = async (request: PortalRequest, session: Session | undefined): Promise<PortalResponse> => {
    const page: PageContext = session ? { session } : {};
    const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
    const matches = routes
      .map((route) => ({ route, match: route.pattern.exec(path) }))
      .filter((m): m is { route: PortalRoute; match: RegExpExecArray } => m.match !== null);
    if (matches.length === 0) return htmlResponse(404, page, notFoundPage());
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const found = matches.find(({ route }) => (route.methods as readonly string[]).includes(method));
    if (!found) {
      const allow = [...new Set(matches.flatMap(({ route }) => route.methods))].join(', ');
      return htmlResponse(405, page, badRequestPage('Trang này không nhận yêu cầu theo cách đó.'), { allow });
    }
    const { route, match } = found;
    const params = Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([key, value]) => [key, safeDecode(value ?? '')]),
    );
    const context: PublicContext = { request, params, page, deps, ...(session ? { session } : {}) };
    if (method === 'POST' && !sameOrigin(request)) return htmlResponse(403, page, forbiddenPage());
    if (route.access === 'public') return route.handle(context);

    if (!session) {
      const back = `${path}${method === 'GET' && request.query.size ? `?${request.query.toString()}` : ''}`;
      return redirect(`${paths.signIn}?${new URLSearchParams({ sau: back }).toString()}`);
    }
    if (route.access !== 'signed-in' && !hasRole(session, ...route.access.roles)) {
      return htmlResponse(403, page, forbiddenPage());
    }
    if (method === 'POST') {
      const submitted = request.form?.get(csrfField) ?? request.multipart?.get(csrfField);
      if (typeof submitted !== 'string' || !csrfMatches(session, submitted)) {
        return htmlResponse(403, page, forbiddenPage('Biểu mẫu đã hết hạn. Vui lòng tải lại trang và gửi lại.'));
      }
    }
    return route.handle({ ...context, session, api: deps.api(request.origin, session.token) });
  };

  return async (request: PortalRequest): Promise<PortalResponse> => {
    const secure = request.origin.startsWith('https:');
    const session = sessionOf(request.cookies, secure, Math.floor(deps.now().getTime() / 1000));
    const page: PageContext = session ? { session } : {};
    try {
      const response = await dispatch(request, session);
      return request.method === 'HEAD' ? { ...response, body: '' } : response;
    } catch (error) {
      if (error instanceof ApiError) {
        // The token expired or was revoked since the page was opened: sign in again, then come back.
        if (error.status === 401) {
          return redirect(`${paths.signIn}?${new URLSearchParams({ sau: request.path }).toString()}`, [
            sessionClearCookie(secure),
          ]);
        }
        if (error.status === 404) return htmlResponse(404, page, notFoundPage());
        if (error.status === 403) return htmlResponse(403, page, forbiddenPage());
        if (error.status < 500) return htmlResponse(error.status, page, badRequestPage(error.sentence));
      }
      if (error instanceof RuleViolation && error.kind === 'not-found') return htmlResponse(404, page, notFoundPage());
      if (error instanceof RuleViolation && error.kind === 'bad-request') {
        return htmlResponse(400, page, badRequestPage('Trang không hợp lệ.'));
      }
      deps.logError(`portal ${request.method} failed`, error);
      return htmlResponse(500, page, errorPage());
    }
  };
}

/**
 * A browser says where a form came from; another site's form is refused even before its token is checked.
 * Pages send `Referrer-Policy: no-referrer`, under which browsers post `Origin: null`: then Fetch
 * Metadata (`Sec-Fetch-Site`) must say the form was this site's own.
 */
function sameOrigin(request: PortalRequest): boolean {
  const { origin, 'sec-fetch-site': site } = request.headers;
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  if (origin === undefined || origin === request.origin) return true;
  return origin === 'null' && site === 'same-origin';
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
