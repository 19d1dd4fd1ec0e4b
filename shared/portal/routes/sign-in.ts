import { hasRole } from '../../domain/caller.ts';
import { html, safeUrl } from '../html.ts';
import type { Page } from '../layout.ts';
import { paths } from '../paths.ts';
import { htmlResponse, redirect } from '../response.ts';
import { exact, type PortalRoute } from '../route.ts';
import {
  safeReturnPath,
  type Session,
  sessionClearCookie,
  sessionFromToken,
  sessionSetCookie,
  signInFlowClearCookie,
  signInFlowOf,
  signInFlowSetCookie,
} from '../session.ts';

const failedPage = (message: string): Page => ({
  title: 'Đăng nhập không thành công',
  main: html`<h1>Đăng nhập không thành công</h1>
    <p>${message}</p>
    <p><a href="${paths.signIn}">Đăng nhập lại</a></p>`,
});

/** Where a person lands after signing in without a page to go back to. */
export function startPageOf(session: Session): string {
  if (hasRole(session, 'citizen')) return paths.myDossiers;
  if (hasRole(session, 'receiver', 'specialist', 'leader')) return paths.workQueue;
  if (hasRole(session, 'admin', 'auditor')) return paths.reports;
  return paths.home;
}

/**
 * Sign-in with the province's identity provider: authorization code with PKCE (S256), state and nonce
 * kept in a ten-minute HTTP-only cookie, the access token then in the HTTP-only session cookie. The local
 * cloud's provider is a page listing the demo users; the portal does the same either way.
 */
export const signInRoutes: readonly PortalRoute[] = [
  {
    methods: ['GET'],
    pattern: exact(paths.signIn),
    access: 'public',
    handle: async ({ request, page, session, deps }) => {
      const returnTo = safeReturnPath(request.query.get('sau'), '');
      if (session) return redirect(returnTo || startPageOf(session));
      const client = deps.oidc();
      if (!client) return htmlResponse(503, page, failedPage('Chưa cấu hình nhà cung cấp định danh (OIDC_ISSUER).'));
      const secure = request.origin.startsWith('https:');
      const start = await client.start(`${request.origin}${paths.signInCallback}`, returnTo || '-');
      return redirect(start.url, [signInFlowSetCookie(start.flow, secure)]);
    },
  },
  {
    methods: ['GET'],
    pattern: exact(paths.signInCallback),
    access: 'public',
    handle: async ({ request, page, deps }) => {
      const secure = request.origin.startsWith('https:');
      const clearFlow = signInFlowClearCookie(secure);
      if (request.query.get('error')) {
        return htmlResponse(401, page, failedPage('Bạn đã hủy đăng nhập hoặc tài khoản không được chấp nhận.'), {}, [
          clearFlow,
        ]);
      }
      const flow = signInFlowOf(request.cookies, secure);
      const client = deps.oidc();
      if (!flow || !client) {
        return htmlResponse(400, page, failedPage('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.'), {}, [
          clearFlow,
        ]);
      }
      let signedIn;
      try {
        signedIn = await client.finish(new URL(`${request.origin}${request.path}?${request.query.toString()}`), flow);
      } catch (error) {
        deps.logError('sign-in callback refused', error);
        return htmlResponse(400, page, failedPage('Không xác thực được phiên đăng nhập. Vui lòng đăng nhập lại.'), {}, [
          clearFlow,
        ]);
      }
      const nowSeconds = Math.floor(deps.now().getTime() / 1000);
      const session = sessionFromToken(signedIn.accessToken, nowSeconds);
      if (!session) {
        return htmlResponse(400, page, failedPage('Mã truy cập không hợp lệ. Vui lòng đăng nhập lại.'), {}, [
          clearFlow,
        ]);
      }
      const maxAge = Math.max(1, Math.min(signedIn.expiresInSeconds, session.expiresAt - nowSeconds));
      const returnTo = safeReturnPath(flow.returnTo, startPageOf(session));
      return redirect(returnTo, [clearFlow, sessionSetCookie(signedIn.accessToken, maxAge, secure)]);
    },
  },
  {
    methods: ['POST'],
    pattern: exact(paths.signOut),
    access: 'signed-in',
    handle: async ({ request, deps }) => {
      const secure = request.origin.startsWith('https:');
      const providerSignOut = await deps
        .oidc()
        ?.signOutUrl(`${request.origin}${paths.home}`)
        .catch(() => undefined);
      // A page with a link rather than a redirect to the provider: CSP3's form-action also governs a form's
      // redirects, and the provider is another origin. On a shared phone the person signs out there too.
      return htmlResponse(200, {}, signedOutPage(providerSignOut), {}, [sessionClearCookie(secure)]);
    },
  },
];

const signedOutPage = (providerSignOut: string | undefined): Page => ({
  title: 'Đã đăng xuất',
  main: html`<h1>Đã đăng xuất</h1>
    <p role="status">Bạn đã đăng xuất khỏi Cổng dịch vụ công.</p>
    ${
      providerSignOut
        ? html`<p>Nếu dùng chung điện thoại hoặc máy tính, hãy đăng xuất cả tài khoản định danh:</p>
            <p><a class="button" href="${safeUrl(providerSignOut)}">Đăng xuất tài khoản định danh</a></p>`
        : ''
    }
    <p><a href="${paths.home}">Về trang tìm thủ tục</a></p>`,
});
