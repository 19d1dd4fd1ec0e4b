/**
 * The local OpenID Connect provider over real HTTP: discovery, the sign-in page, the checks on an
 * authorization request, and the code flow with PKCE ending in a token the gateway accepts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { demoUsers } from '../../../infra/local/demo-users.ts';
import { localAudience } from '../../../infra/local/jwt.ts';

const before = { issuer: process.env.OIDC_ISSUER, clientId: process.env.OIDC_CLIENT_ID };
let cloud: LocalCloud;
let issuer: string;
let redirectUri: string;
beforeAll(async () => {
  cloud = await startLocalCloud({ pollers: false, scheduler: false, logLevel: 'ERROR' });
  issuer = `${cloud.apiUrl}/local`;
  redirectUri = `${cloud.apiUrl}/portal/dang-nhap/xong?from=oidc`;
});
afterAll(() => cloud?.stop());

const verifierOf = () => randomBytes(32).toString('base64url');
const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

function authorizeQuery(overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: localAudience,
    redirect_uri: redirectUri,
    state: 'state-123',
    code_challenge: challengeOf(verifierOf()),
    code_challenge_method: 'S256',
    scope: 'openid',
    ...overrides,
  };
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
}

const get = (path: string) => fetch(`${cloud.apiUrl}${path}`, { redirect: 'manual' });
const postForm = (path: string, form: URLSearchParams) =>
  fetch(`${cloud.apiUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });

const unescape = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39|#96);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[e] as string,
  );

interface Form {
  action: string;
  method: string;
  fields: URLSearchParams;
  button: string;
}

/** The page's forms as a browser would submit them: hidden fields decoded, the button's text. */
function formsOf(page: string): Form[] {
  return [...page.matchAll(/<form method="([^"]+)" action="([^"]+)">([\s\S]*?)<\/form>/g)].map((m) => {
    const fields = new URLSearchParams();
    for (const input of (m[3] ?? '').matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)" \/>/g)) {
      fields.append(unescape(input[1] ?? ''), unescape(input[2] ?? ''));
    }
    const button = unescape(/<button[^>]*>([^<]*)<\/button>/.exec(m[3] ?? '')?.[1] ?? '');
    return { method: m[1] ?? '', action: m[2] ?? '', fields, button };
  });
}

/** The sign-in page, then the chosen user's form: resolves the redirect's code. */
async function signIn(sub: string, query: URLSearchParams): Promise<{ location: URL; code: string }> {
  const page = await get(`/local/oidc/authorize?${query}`);
  expect(page.status).toBe(200);
  const form = formsOf(await page.text()).find((f) => f.fields.get('sub') === sub);
  if (!form) throw new Error(`no form for ${sub}`);
  const response = await postForm(form.action, form.fields);
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location') ?? '');
  return { location, code: location.searchParams.get('code') ?? '' };
}

const exchange = (fields: Record<string, string>) =>
  postForm(
    '/local/oidc/token',
    new URLSearchParams({
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
      client_id: localAudience,
      ...fields,
    }),
  );

describe('discovery', () => {
  it('describes the provider at the issuer, and its jwks_uri serves the signing key', async () => {
    const response = await get('/local/.well-known/openid-configuration');
    expect(response.status).toBe(200);
    const document = (await response.json()) as Record<string, unknown>;
    expect(document).toMatchObject({
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
    });
    const jwks = (await (await fetch(String(document.jwks_uri))).json()) as JSONWebKeySet;
    expect(jwks.keys).toHaveLength(1);
  });

  it('sets OIDC_ISSUER and OIDC_CLIENT_ID for the portal while the cloud runs', () => {
    expect(process.env.OIDC_ISSUER).toBe(issuer);
    expect(process.env.OIDC_CLIENT_ID).toBe(localAudience);
    expect(cloud.env).toMatchObject({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: localAudience });
  });
});

describe('the sign-in page', () => {
  it('offers every demo user a form of their own, with every validated parameter', async () => {
    const query = authorizeQuery({ nonce: 'n-1' });
    const response = await get(`/local/oidc/authorize?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('<main>');
    expect(page).toContain('<h1>Đăng nhập (môi trường thử nghiệm)</h1>');
    expect(page).not.toMatch(/<script/i);

    const forms = formsOf(page);
    // A form for each named demo user, then one for the generated staff (a select, grouped by agency).
    expect(forms).toHaveLength(demoUsers.length + 1);
    const named = forms.slice(0, demoUsers.length);
    expect(named.map((f) => f.fields.get('sub'))).toEqual(demoUsers.map((u) => u.sub));
    const staff = forms.at(-1);
    expect(staff?.button).toBe('Đăng nhập với cán bộ đã chọn');
    for (const [name, value] of query) expect(staff?.fields.getAll(name)).toEqual([value]);
    expect(page).toContain('<optgroup label="Cơ quan 24.07228.TTPVHCC">');
    expect(page).toMatch(/<option value="receiver-24-07228-ttpvhcc-1">[^<]+ \(Cán bộ tiếp nhận\)<\/option>/);
    for (const [i, form] of named.entries()) {
      const user = demoUsers[i];
      expect(form).toMatchObject({ method: 'post', action: '/local/oidc/authorize' });
      expect(form.button).toBe(`Đăng nhập với tên ${user?.name}`);
      for (const [name, value] of query) expect(form.fields.getAll(name)).toEqual([value]);
    }
    expect(page).toContain('Cán bộ tiếp nhận · Cơ quan 24.TTPVHCC');
    expect(page).toContain('Cán bộ tiếp nhận · Cơ quan 24.07210.TTPVHCC');
    for (const role of ['Công dân', 'Lãnh đạo', 'Quản trị', 'Thanh tra']) expect(page).toContain(role);
  });

  it('lets its inline style render and nothing else: the CSP names the style by hash', async () => {
    const response = await get(`/local/oidc/authorize?${authorizeQuery()}`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(await response.text())?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`default-src 'none'`);
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).not.toContain('script-src');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('escapes what the request carries, and submits it back unchanged', async () => {
    const state = `"><script>alert('x')</script>&amp;`;
    const response = await get(`/local/oidc/authorize?${authorizeQuery({ state, nonce: '<b>n</b>' })}`);
    const page = await response.text();
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>n</b>');
    expect(page).toContain('&quot;&gt;&lt;script&gt;');
    expect(formsOf(page)[0]?.fields.get('state')).toBe(state);
  });
});

describe('a bad authorization request', () => {
  const cases: [string, Record<string, string | undefined>, string][] = [
    ['no code_challenge_method', { code_challenge_method: undefined }, 'S256'],
    ['the plain method', { code_challenge_method: 'plain' }, 'S256'],
    ['a short challenge', { code_challenge: 'abc' }, 'code_challenge'],
    ['a foreign redirect_uri', { redirect_uri: 'https://evil.example/portal/cb' }, 'redirect_uri'],
    ['a redirect_uri outside /portal/', { redirect_uri: 'http://localhost:3000/portal/../admin' }, 'redirect_uri'],
    ['another client', { client_id: 'someone-else' }, 'client_id'],
    ['no state', { state: undefined }, 'state'],
    ['response_type token', { response_type: 'token' }, 'response_type'],
  ];
  it.each(cases)('with %s is refused with a 400 page, never redirected', async (_, overrides, mentions) => {
    const response = await get(`/local/oidc/authorize?${authorizeQuery(overrides)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const page = await response.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Yêu cầu đăng nhập không hợp lệ');
    expect(page).toContain(mentions);
    expect(formsOf(page)).toEqual([]);
  });

  it('is checked again when the form comes back: a tampered redirect_uri is refused', async () => {
    const fields = authorizeQuery({ redirect_uri: 'https://evil.example/portal/cb' });
    fields.set('sub', 'citizen-an');
    const response = await postForm('/local/oidc/authorize', fields);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('names an unknown user on the form as such', async () => {
    const fields = authorizeQuery();
    fields.set('sub', 'nobody');
    const response = await postForm('/local/oidc/authorize', fields);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('the code flow with PKCE', () => {
  it('signs citizen-an in with a token the gateway accepts, and an id_token with the nonce', async () => {
    const verifier = verifierOf();
    const state = 'a&b=c d';
    const { location, code } = await signIn(
      'citizen-an',
      authorizeQuery({ code_challenge: challengeOf(verifier), state, nonce: 'nonce-42' }),
    );
    expect(`${location.origin}${location.pathname}`).toBe(`${cloud.apiUrl}/portal/dang-nhap/xong`);
    expect(location.searchParams.get('from')).toBe('oidc');
    expect(location.searchParams.get('state')).toBe(state);
    expect(code).not.toBe('');

    const response = await exchange({ code, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: 'Bearer' });

    const keys = createLocalJWKSet((await (await get('/local/.well-known/jwks.json')).json()) as JSONWebKeySet);
    const access = await jwtVerify(String(tokens.access_token), keys, { issuer, audience: localAudience });
    expect(access.payload.sub).toBe('citizen-an');
    expect(tokens.expires_in).toBe((access.payload.exp ?? 0) - (access.payload.iat ?? 0));
    expect(tokens.expires_in).toBeGreaterThan(0);
    const id = await jwtVerify(String(tokens.id_token), keys, { issuer, audience: localAudience });
    expect(id.payload).toMatchObject({ sub: 'citizen-an', nonce: 'nonce-42', name: 'Nguyễn Văn An' });

    const dossiers = await fetch(`${cloud.apiUrl}/v1/me/dossiers`, {
      headers: { authorization: `Bearer ${String(tokens.access_token)}` },
    });
    expect(dossiers.status).toBe(200);
    const unsigned = await fetch(`${cloud.apiUrl}/v1/me/dossiers`);
    expect(unsigned.status).toBe(401);
  });

  it('signs a generated staff member in from the select: the token carries their agency and role', async () => {
    const verifier = verifierOf();
    const page = await get(`/local/oidc/authorize?${authorizeQuery({ code_challenge: challengeOf(verifier) })}`);
    const form = formsOf(await page.text()).at(-1);
    const fields = new URLSearchParams(form?.fields);
    fields.set('sub', 'specialist-24-stc-1');
    const response = await postForm(form?.action ?? '', fields);
    expect(response.status).toBe(303);
    const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const tokens = (await (await exchange({ code, code_verifier: verifier })).json()) as Record<string, unknown>;
    const keys = createLocalJWKSet((await (await get('/local/.well-known/jwks.json')).json()) as JSONWebKeySet);
    const access = await jwtVerify(String(tokens.access_token), keys, { issuer, audience: localAudience });
    expect(access.payload).toMatchObject({ sub: 'specialist-24-stc-1', agencyId: '24.STC', roles: ['specialist'] });
  });

  it('gives no nonce claim when the request had none', async () => {
    const verifier = verifierOf();
    const { code } = await signIn('leader-tuan', authorizeQuery({ code_challenge: challengeOf(verifier) }));
    const tokens = (await (await exchange({ code, code_verifier: verifier })).json()) as { id_token: string };
    const payload = JSON.parse(Buffer.from(tokens.id_token.split('.')[1] ?? '', 'base64url').toString()) as object;
    expect(payload).toMatchObject({ sub: 'leader-tuan', agencyId: '24.STP' });
    expect(payload).not.toHaveProperty('nonce');
  });

  it('takes a code once', async () => {
    const verifier = verifierOf();
    const { code } = await signIn('citizen-binh', authorizeQuery({ code_challenge: challengeOf(verifier) }));
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(200);
    const again = await exchange({ code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong verifier, and the code is spent by that attempt', async () => {
    const verifier = verifierOf();
    const { code } = await signIn('citizen-an', authorizeQuery({ code_challenge: challengeOf(verifier) }));
    const wrong = await exchange({ code, code_verifier: verifierOf() });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('cache-control')).toBe('no-store');
    const body = (await wrong.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_grant' });
    expect(typeof body.error_description).toBe('string');
    expect(await (await exchange({ code, code_verifier: verifier })).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code presented with another redirect_uri', async () => {
    const verifier = verifierOf();
    const { code } = await signIn('citizen-an', authorizeQuery({ code_challenge: challengeOf(verifier) }));
    const response = await exchange({
      code,
      code_verifier: verifier,
      redirect_uri: `${cloud.apiUrl}/portal/elsewhere`,
    });
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers a request without a verifier with invalid_request', async () => {
    const response = await exchange({ code: 'whatever' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('logout', () => {
  it('returns to an allowed portal address', async () => {
    const target = `${cloud.apiUrl}/portal/trang-chu`;
    const response = await get(`/local/oidc/logout?${new URLSearchParams({ post_logout_redirect_uri: target })}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(target);
  });

  it('shows a page instead of going anywhere else', async () => {
    const query = new URLSearchParams({ post_logout_redirect_uri: 'https://evil.example/portal/' });
    const response = await get(`/local/oidc/logout?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('<h1>Đã đăng xuất</h1>');
  });
});

describe('stopping the cloud', () => {
  it('puts OIDC_ISSUER and OIDC_CLIENT_ID back as they were', async () => {
    await cloud.stop();
    expect(process.env.OIDC_ISSUER).toBe(before.issuer);
    expect(process.env.OIDC_CLIENT_ID).toBe(before.clientId);
  });
});
