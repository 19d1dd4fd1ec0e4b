/**
 * The local OpenID Connect provider: authorization code with PKCE (S256) for the demo users, so the
 * portal signs in here exactly as it does against the province's provider. Public client only (no
 * secret), one-time codes kept in memory, tokens signed by the local JWT issuer the gateway trusts.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Role } from '../../shared/domain/caller.ts';
import { type Html, html, trustedHtml } from '../../shared/portal/html.ts';
import type { DemoUser } from './demo-users.ts';
import type { HttpResponse } from './http-event.ts';
import type { LocalJwt } from './jwt.ts';

export interface LocalRequest {
  method: string;
  url: URL;
  body: Buffer;
  contentType?: string;
}

export interface LocalOidcOptions {
  jwt: LocalJwt;
  /** The named demo users: a button each on the sign-in page. */
  users: readonly DemoUser[];
  /** Everyone else who may sign in (the generated staff): one list to choose from, grouped by agency. */
  staff?: readonly DemoUser[];
  /** Milliseconds since the epoch; tests move it to expire codes. */
  now?: () => number;
}

export interface LocalOidc {
  /** The response for an OIDC path under /local, or undefined when the path is not one. */
  handle(request: LocalRequest): Promise<HttpResponse | undefined>;
}

export const codeLifetimeMs = 60_000;

const roleNames: Record<Role, string> = {
  citizen: 'Công dân',
  receiver: 'Cán bộ tiếp nhận',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo',
  admin: 'Quản trị',
  auditor: 'Thanh tra',
  integration: 'Tích hợp hệ thống',
};

/** The authorization request, once every check passed. Optional ones are absent, never empty. */
interface AuthorizeParams {
  response_type: 'code';
  client_id: string;
  redirect_uri: string;
  state: string;
  code_challenge: string;
  code_challenge_method: 'S256';
  nonce?: string;
  scope?: string;
}

interface Grant {
  sub: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  expiresAt: number;
}

const base64url = /^[A-Za-z0-9_-]+$/;
// RFC 7636 §4.1: 43–128 characters of the unreserved set.
const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

export function createLocalOidc(options: LocalOidcOptions): LocalOidc {
  const { jwt } = options;
  const listed = options.users;
  const staff = options.staff ?? [];
  const users = [...listed, ...staff];
  const now = options.now ?? Date.now;
  const grants = new Map<string, Grant>();

  const ownHost = () => new URL(jwt.issuer).hostname;

  const authorizePage = (params: URLSearchParams): HttpResponse => {
    const checked = checkAuthorize(params, jwt.audience, ownHost());
    if (!checked.ok) return errorPage(checked.errors);
    return signInPage(checked.params, listed, staff);
  };

  const authorize = (request: LocalRequest): HttpResponse => {
    if (!isForm(request.contentType)) return errorPage(['Biểu mẫu phải gửi dạng application/x-www-form-urlencoded.']);
    const form = new URLSearchParams(request.body.toString('utf8'));
    const checked = checkAuthorize(form, jwt.audience, ownHost());
    if (!checked.ok) return errorPage(checked.errors);
    const sub = single(form, 'sub');
    const user = users.find((u) => u.sub === sub);
    if (!user) return errorPage(['Không có người dùng thử nghiệm này; hãy chọn lại từ danh sách.']);

    for (const [code, grant] of grants) if (grant.expiresAt <= now()) grants.delete(code);
    const code = randomBytes(32).toString('base64url');
    const { params } = checked;
    grants.set(code, {
      sub: user.sub,
      clientId: params.client_id,
      redirectUri: params.redirect_uri,
      codeChallenge: params.code_challenge,
      ...(params.nonce ? { nonce: params.nonce } : {}),
      expiresAt: now() + codeLifetimeMs,
    });
    const location = new URL(params.redirect_uri);
    location.searchParams.set('code', code);
    location.searchParams.set('state', params.state);
    return redirect(location.href);
  };

  const token = async (request: LocalRequest): Promise<HttpResponse> => {
    if (!isForm(request.contentType)) {
      return tokenError('invalid_request', 'The body must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(request.body.toString('utf8'));
    const code = single(form, 'code');
    // Taken out before any other check: a code is spent by its first use, whatever that use's fate.
    const grant = code ? grants.get(code) : undefined;
    if (code) grants.delete(code);

    const duplicate = ['grant_type', 'code', 'redirect_uri', 'client_id', 'code_verifier'].find(
      (name) => form.getAll(name).length > 1,
    );
    if (duplicate) return tokenError('invalid_request', `Parameter ${duplicate} is repeated`);
    const grantType = single(form, 'grant_type');
    if (!grantType) return tokenError('invalid_request', 'grant_type is missing');
    if (grantType !== 'authorization_code') {
      return tokenError('unsupported_grant_type', 'Only authorization_code is supported');
    }
    const missing = ['code', 'redirect_uri', 'client_id', 'code_verifier'].find((name) => !single(form, name));
    if (missing) return tokenError('invalid_request', `${missing} is missing`);
    const verifier = single(form, 'code_verifier') ?? '';
    if (!verifierPattern.test(verifier)) {
      return tokenError('invalid_request', 'code_verifier must be 43–128 unreserved characters (RFC 7636)');
    }

    if (!grant || grant.expiresAt <= now()) {
      return tokenError('invalid_grant', 'The code is unknown, expired or already used');
    }
    if (single(form, 'redirect_uri') !== grant.redirectUri) {
      return tokenError('invalid_grant', 'redirect_uri differs from the authorization request');
    }
    if (single(form, 'client_id') !== grant.clientId) {
      return tokenError('invalid_grant', 'The code was issued to another client');
    }
    if (!sameText(s256(verifier), grant.codeChallenge)) {
      return tokenError('invalid_grant', 'code_verifier does not match the code_challenge');
    }
    const user = users.find((u) => u.sub === grant.sub);
    if (!user) return tokenError('invalid_grant', 'The user no longer exists');

    const accessToken = await jwt.issueToken(user);
    const idToken = await jwt.issueToken(user, grant.nonce ? { claims: { nonce: grant.nonce } } : {});
    const { exp, iat } = decodeJwt(accessToken);
    return json(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: (exp ?? 0) - (iat ?? 0),
      id_token: idToken,
    });
  };

  const logout = (params: URLSearchParams): HttpResponse => {
    const target = single(params, 'post_logout_redirect_uri');
    if (target && redirectAllowed(target, ownHost())) {
      const location = new URL(target);
      const state = single(params, 'state');
      if (state) location.searchParams.set('state', state);
      return redirect(location.href);
    }
    return htmlPage(
      200,
      'Đã đăng xuất',
      html`<p>Bạn đã đăng xuất khỏi nhà cung cấp định danh thử nghiệm.</p>
        ${target ? html`<p>Không chuyển về địa chỉ được yêu cầu vì địa chỉ đó không được phép.</p>` : ''}`,
    );
  };

  return {
    async handle(request) {
      const { method, url } = request;
      switch (`${method} ${url.pathname}`) {
        case 'GET /local/.well-known/openid-configuration':
          return json(200, discovery(jwt.issuer));
        case 'GET /local/oidc/authorize':
          return authorizePage(url.searchParams);
        case 'POST /local/oidc/authorize':
          return authorize(request);
        case 'POST /local/oidc/token':
          return token(request);
        case 'GET /local/oidc/logout':
          return logout(url.searchParams);
        default:
          return undefined;
      }
    },
  };
}

export function discovery(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oidc/authorize`,
    token_endpoint: `${issuer}/oidc/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    end_session_endpoint: `${issuer}/oidc/logout`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid'],
    // Required by OpenID Connect Discovery 1.0.
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };
}

type Checked = { ok: true; params: AuthorizeParams } | { ok: false; errors: string[] };

/** The same checks for the page (query) and its forms (body): a form's hidden fields are not trusted either. */
function checkAuthorize(params: URLSearchParams, audience: string, ownHost: string): Checked {
  const errors: string[] = [];
  const names = [
    'response_type',
    'client_id',
    'redirect_uri',
    'state',
    'code_challenge',
    'code_challenge_method',
    'nonce',
    'scope',
  ];
  for (const name of names) {
    if (params.getAll(name).length > 1) errors.push(`Tham số ${name} xuất hiện nhiều lần.`);
  }
  const value = (name: string) => single(params, name) ?? '';
  const responseType = value('response_type');
  const clientId = value('client_id');
  const redirectUri = value('redirect_uri');
  const state = value('state');
  const challenge = value('code_challenge');
  const method = value('code_challenge_method');
  const nonce = value('nonce');
  const scope = value('scope');

  if (responseType !== 'code') errors.push('response_type phải là “code”.');
  if (clientId !== audience) errors.push(`client_id phải là “${audience}”, ứng dụng duy nhất được đăng ký ở đây.`);
  if (!redirectAllowed(redirectUri, ownHost)) {
    errors.push(
      'redirect_uri không hợp lệ: chỉ chấp nhận địa chỉ http(s) trên localhost, 127.0.0.1 hoặc máy chủ này, có đường dẫn bắt đầu bằng /portal/.',
    );
  }
  if (!state) errors.push('Thiếu tham số state.');
  else if (state.length > 1024) errors.push('Tham số state dài quá 1024 ký tự.');
  if (method !== 'S256') errors.push('code_challenge_method phải là “S256” (bắt buộc dùng PKCE).');
  if (challenge.length < 43 || challenge.length > 128 || !base64url.test(challenge)) {
    errors.push('code_challenge phải là chuỗi base64url dài từ 43 đến 128 ký tự.');
  }
  if (nonce.length > 1024) errors.push('Tham số nonce dài quá 1024 ký tự.');
  if (scope && !scope.split(' ').includes('openid')) errors.push('scope phải có “openid”.');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    params: {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...(nonce ? { nonce } : {}),
      ...(scope ? { scope } : {}),
    },
  };
}

/** Only back to a portal on this machine: never a redirect to wherever a link says. */
export function redirectAllowed(uri: string, ownHost: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    ['localhost', '127.0.0.1', ownHost].includes(url.hostname) &&
    !url.username &&
    !url.password &&
    // RFC 6749 §3.1.2: the redirection endpoint has no fragment. The parsed path is dot-segment free.
    !url.hash &&
    !uri.includes('#') &&
    url.pathname.startsWith('/portal/')
  );
}

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  return values.length === 1 && values[0] ? values[0] : undefined;
}

function isForm(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function json(statusCode: number, value: unknown): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/** RFC 6749 §5.2. */
function tokenError(error: string, description: string): HttpResponse {
  return json(400, { error, error_description: description });
}

function redirect(location: string): HttpResponse {
  return {
    statusCode: 303,
    headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    body: Buffer.alloc(0),
  };
}

const style = `
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.5rem;margin:0 0 .5rem}
ul{list-style:none;padding:0;margin:1rem 0}
li{border:1px solid #6b6b6b;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 .75rem}
.name{font-weight:600;margin:0}
.details{margin:0 0 .5rem;color:#3d3d3d}
button{font:inherit;color:#fff;background:#0b4f9c;border:0;border-radius:.375rem;padding:.5rem 1rem;cursor:pointer}
button:hover{background:#083a73}
button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.errors{color:#8a1010}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
label{display:block;margin:0 0 .25rem}
select{font:inherit;display:block;max-width:100%;margin:0 0 .75rem}
`;
// The inline stylesheet is allowed by its hash: nothing else may be styled, no script runs at all.
const styleHash = createHash('sha256').update(style).digest('base64');
// Built outside any template a formatter might re-indent: the hash is of these exact characters.
const styleElement = trustedHtml(`<style>${style}</style>`);

/** A whole page; `formTarget` is where the page's form submission ends after its redirect. */
function htmlPage(statusCode: number, title: string, content: Html, formTarget?: string): HttpResponse {
  const document = html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        ${styleElement}
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          ${content}
        </main>
      </body>
    </html> `;
  // form-action also governs where the submission may be redirected (CSP3), so the portal's origin is allowed.
  const formAction = formTarget ? `'self' ${new URL(formTarget).origin}` : "'self'";
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'sha256-${styleHash}'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
    body: Buffer.from(document.value),
  };
}

function errorPage(errors: readonly string[]): HttpResponse {
  return htmlPage(
    400,
    'Yêu cầu đăng nhập không hợp lệ',
    html`<p>Ứng dụng đã gửi một yêu cầu đăng nhập sai, nên không thể tiếp tục:</p>
      <ul class="errors">
        ${errors.map((error) => html`<li>${error}</li>`)}
      </ul>`,
  );
}

function signInPage(params: AuthorizeParams, users: readonly DemoUser[], staff: readonly DemoUser[]): HttpResponse {
  const hidden = Object.entries(params).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
  );
  const items = users.map((user, i) => {
    const roles = user.roles.map((role) => roleNames[role]).join(', ');
    const agency = user.agencyId ? html` · Cơ quan ${user.agencyId}` : '';
    return html`<li>
      <form method="post" action="/local/oidc/authorize">
        <p class="name">${user.name}</p>
        <p class="details" id="user-${i}-details">${roles}${agency}</p>
        ${hidden}
        <input type="hidden" name="sub" value="${user.sub}" />
        <button type="submit" aria-describedby="user-${i}-details">Đăng nhập với tên ${user.name}</button>
      </form>
    </li>`;
  });
  // The generated staff (hundreds): one select, grouped by agency, so the page stays short and usable.
  const byAgency = new Map<string, DemoUser[]>();
  for (const user of staff) byAgency.set(user.agencyId ?? '', [...(byAgency.get(user.agencyId ?? '') ?? []), user]);
  const groups = [...byAgency].map(
    ([agencyId, members]) =>
      html`<optgroup label="Cơ quan ${agencyId}">
        ${members.map(
          (user) =>
            html`<option value="${user.sub}">${user.name} (${user.roles.map((r) => roleNames[r]).join(', ')})</option>`,
        )}
      </optgroup>`,
  );
  const staffForm =
    staff.length === 0
      ? ''
      : html`<h2>Cán bộ khác của tỉnh</h2>
          <form method="post" action="/local/oidc/authorize">
            <label for="staff-sub">Chọn cán bộ (theo cơ quan)</label>
            <select id="staff-sub" name="sub">
              ${groups}
            </select>
            ${hidden}
            <button type="submit">Đăng nhập với cán bộ đã chọn</button>
          </form>`;
  return htmlPage(
    200,
    'Đăng nhập (môi trường thử nghiệm)',
    html`<p>
        Đây là nhà cung cấp định danh của môi trường thử nghiệm, không phải hệ thống thật. Chọn một người dùng mẫu để
        đăng nhập; sau đó bạn được đưa về ${new URL(params.redirect_uri).origin}.
      </p>
      <ul aria-label="Người dùng mẫu">
        ${items}
      </ul>
      ${staffForm}`,
    params.redirect_uri,
  );
}
