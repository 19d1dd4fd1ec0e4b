import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { csrfTokenOf } from '../../shared/portal/session.ts';
import { signInToPortal } from '../support/portal-agent.ts';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false, logLevel: 'SILENT' });
});
afterAll(() => cloud?.stop());

describe('portal sign-in (OIDC authorization code + PKCE against the local provider)', () => {
  it('sends the browser to the provider with PKCE S256, state and nonce, keeping them in an HTTP-only cookie', async () => {
    const response = await fetch(`${cloud.apiUrl}/portal/dang-nhap?sau=/portal/trang-chu`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${cloud.apiUrl}/local/oidc/authorize`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('redirect_uri')).toBe(`${cloud.apiUrl}/portal/dang-nhap/xong`);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const [flowCookie] = response.headers.getSetCookie();
    expect(flowCookie).toMatch(/^egov-signin=[\w-]+; Max-Age=600; Path=\/portal; HttpOnly; SameSite=Lax$/);
    // The verifier never leaves in the URL.
    const flow = JSON.parse(Buffer.from(flowCookie?.split(';')[0]?.split('=')[1] ?? '', 'base64url').toString()) as {
      verifier: string;
    };
    expect(location.href).not.toContain(flow.verifier);
  });

  it('signs a citizen in: an HTTP-only session cookie, their name on the page, and a working sign-out', async () => {
    const agent = await signInToPortal(cloud.apiUrl, 'citizen-an');
    const home = await agent.get('/portal/trang-chu');
    expect(home.body).toContain('Xin chào, Nguyễn Văn An');
    expect(home.body).toContain(`value="${agent.csrf}"`);

    const out = await agent.post('/portal/dang-xuat', {});
    expect(out.status).toBe(200);
    expect(out.body).toContain('Bạn đã đăng xuất khỏi Cổng dịch vụ công.');
    expect(out.body).toContain(`href="${cloud.apiUrl}/local/oidc/logout?post_logout_redirect_uri=`);
    const after = await agent.get('/portal/trang-chu');
    expect(after.body).not.toContain('Xin chào');
    expect(after.body).toContain('Đăng nhập');
  });

  it('refuses a callback whose state does not match the one it started', async () => {
    const start = await fetch(`${cloud.apiUrl}/portal/dang-nhap`, { redirect: 'manual' });
    const cookie = start.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const callback = await fetch(`${cloud.apiUrl}/portal/dang-nhap/xong?code=forged&state=other`, {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(callback.status).toBe(400);
    expect(await callback.text()).toContain('Đăng nhập không thành công');
    expect(callback.headers.getSetCookie().some((c) => c.startsWith('egov-session=') && !c.includes('Max-Age=0'))).toBe(
      false,
    );
  });

  it('refuses a forged session cookie at the API: the person is sent to sign in again', async () => {
    const claims = { sub: 'citizen-an', roles: ['citizen'], exp: Math.floor(Date.now() / 1000) + 600 };
    const forged = `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.x`;
    const response = await fetch(`${cloud.apiUrl}/portal/ho-so-cua-toi`, {
      redirect: 'manual',
      headers: { cookie: `egov-session=${forged}` },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/portal/dang-nhap');
    expect(response.headers.getSetCookie().join()).toContain('egov-session=; Max-Age=0');
    expect(csrfTokenOf(forged)).not.toBe(csrfTokenOf(`${forged}x`));
  });

  it('sends a signed-in person only to a same-site path, percent-encoded: a non-Latin-1 return path neither escapes nor kills the server', async () => {
    const agent = await signInToPortal(cloud.apiUrl, 'citizen-an');
    // %E3%80%82 is U+3002 (ideographic full stop): outside Latin-1, it cannot go raw in a Location header.
    const wide = await agent.get('/portal/dang-nhap?sau=/portal/%E3%80%82');
    expect(wide.status).toBe(303);
    expect(wide.location).toBe('/portal/%E3%80%82');
    const spaced = await agent.get('/portal/dang-nhap?sau=/portal/ho so');
    expect(spaced.location).toBe('/portal/ho%20so');
    for (const hostile of [
      '/portal/\tx',
      '/portal/../local/users',
      '//evil.example/portal/',
      '/portal/\\evil',
      'https://evil.example/portal/x',
    ]) {
      const refused = await agent.get(`/portal/dang-nhap?sau=${encodeURIComponent(hostile)}`);
      expect(refused.status, hostile).toBe(303);
      expect(refused.location, hostile).toBe('/portal/ho-so-cua-toi');
    }
    // The server still answers.
    expect((await agent.get('/portal/trang-chu')).status).toBe(200);
  });
});
