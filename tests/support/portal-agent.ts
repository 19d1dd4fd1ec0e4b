/**
 * A person using the portal over plain HTTP, as a browser without JavaScript would: signs in through the
 * local cloud's OIDC provider (authorization code + PKCE), keeps the cookies, and posts forms with the
 * session's CSRF token. For integration tests that need no real browser.
 */
import { csrfTokenOf } from '../../shared/portal/session.ts';

export interface PortalPage {
  status: number;
  location?: string;
  body: string;
}

export interface PortalAgent {
  readonly csrf: string;
  get(path: string): Promise<PortalPage>;
  /** A GET whose answer is a file (a PDF): its bytes as sent, with the status and the headers. */
  file(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }>;
  /** A form post with the CSRF token added (unless the fields set `_csrf` themselves). */
  post(path: string, fields: Record<string, string> | FormData, headers?: Record<string, string>): Promise<PortalPage>;
  /** Follows 303/302 redirects within the portal and returns the final page. */
  follow(page: PortalPage): Promise<PortalPage>;
}

class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  value(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

async function send(jar: CookieJar, url: string, init: RequestInit = {}): Promise<PortalPage> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), ...(jar.header ? { cookie: jar.header } : {}) },
  });
  jar.store(response);
  const location = response.headers.get('location') ?? undefined;
  return { status: response.status, ...(location ? { location } : {}), body: await response.text() };
}

export async function signInToPortal(apiUrl: string, sub: string): Promise<PortalAgent> {
  const jar = new CookieJar();
  const start = await send(jar, `${apiUrl}/portal/dang-nhap`);
  if (start.status !== 303 || !start.location) throw new Error(`sign-in did not redirect: ${start.status}`);
  const authorize = new URL(start.location);
  const chosen = new URLSearchParams(authorize.searchParams);
  chosen.set('sub', sub);
  const granted = await send(jar, `${authorize.origin}${authorize.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: chosen.toString(),
  });
  if (granted.status !== 303 || !granted.location) throw new Error(`the provider refused ${sub}: ${granted.body}`);
  const done = await send(jar, granted.location);
  const token = jar.value('egov-session');
  if (done.status !== 303 || !token) throw new Error(`the portal did not sign ${sub} in: ${done.status} ${done.body}`);
  const csrf = csrfTokenOf(token);

  const agent: PortalAgent = {
    csrf,
    get: (path) => send(jar, new URL(path, apiUrl).href),
    file: async (path) => {
      const response = await fetch(new URL(path, apiUrl), { redirect: 'manual', headers: { cookie: jar.header } });
      return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
    },
    post: (path, fields, headers = {}) => {
      if (fields instanceof FormData) {
        if (!fields.has('_csrf')) fields.set('_csrf', csrf);
        return send(jar, new URL(path, apiUrl).href, { method: 'POST', headers, body: fields });
      }
      const form = new URLSearchParams({ _csrf: csrf, ...fields });
      return send(jar, new URL(path, apiUrl).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: form.toString(),
      });
    },
    follow: async (page) => {
      let current = page;
      for (let hops = 0; hops < 5 && (current.status === 303 || current.status === 302) && current.location; hops++) {
        current = await agent.get(current.location);
      }
      return current;
    },
  };
  return agent;
}
