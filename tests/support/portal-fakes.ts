/**
 * Fakes for the portal's unit tests: the deps, unsigned session tokens, requests and an API that
 * answers by function. Integration tests use the real thing (tests/support/portal-agent.ts).
 */
import { RuleViolation } from '../../shared/domain/rule-violation.ts';
import type { ApiClient, ApiFile } from '../../shared/http/api-client.ts';
import type { PortalDeps } from '../../shared/portal/deps.ts';
import type { PortalRequest } from '../../shared/portal/route.ts';
import { csrfTokenOf } from '../../shared/portal/session.ts';

/** The origin every fake request comes to (the portal builds return URLs from it). */
export const portalOrigin = 'https://dichvucong.example';
/** What `fakeDeps().newKey()` hands every form unless a test says otherwise. */
export const formKey = '00000000-0000-4000-8000-000000000000';
/** The fakes' clock: sessions from `sessionToken` are valid at it. */
export const fakeNow = new Date('2026-03-02T03:00:00Z');

/** An unsigned token: the portal only decodes it (the API verifies it). Valid until 2026-03-03 unless `exp` says. */
export const sessionToken = (claims: Record<string, unknown>): string =>
  [{ alg: 'none' }, { exp: Date.parse('2026-03-03T00:00:00Z') / 1000, ...claims }, 'x']
    .map((part) => (typeof part === 'string' ? part : Buffer.from(JSON.stringify(part)).toString('base64url')))
    .join('.');

/** An empty catalogue, no dossier to look up, no published answer, no API: a test overrides what it uses. */
export const fakeDeps = (overrides: Partial<PortalDeps> = {}): PortalDeps => ({
  search: async () => ({ items: [], total: 0 }),
  getProcedure: async () => {
    throw new RuleViolation('not-found', 'procedure-not-found', 'Không tìm thấy thủ tục.');
  },
  agencyName: async () => undefined,
  lookup: async () => {
    throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.');
  },
  publishedFeedback: async () => ({ items: [] }),
  api: () => ({
    get: async () => {
      throw new Error('no API in this test');
    },
    getFile: async () => {
      throw new Error('no API in this test');
    },
    post: async () => {
      throw new Error('no API in this test');
    },
  }),
  oidc: () => undefined,
  now: () => fakeNow,
  newKey: () => formKey,
  logError: () => undefined,
  ...overrides,
});

/** A request to the portal; with `token`, of the person signed in with it. */
export function portalRequest(
  method: string,
  target: string,
  extra: Partial<PortalRequest> & { token?: string } = {},
): PortalRequest {
  const { token, ...rest } = extra;
  const url = new URL(`${portalOrigin}${target}`);
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    cookies: token === undefined ? {} : { '__Host-egov-session': token },
    origin: portalOrigin,
    headers: {},
    ...rest,
  };
}

/** The fields of a signed-in form post, with the session's form token the router checks. */
export const signedForm = (token: string, fields: Record<string, string> = {}): URLSearchParams =>
  new URLSearchParams({ _csrf: csrfTokenOf(token), ...fields });

type Query = Record<string, string | number | undefined>;

/** An API whose answers are the functions' (a thrown `ApiError` is the API refusing). */
export const fakeApi = (
  get: (path: string, query?: Query) => unknown,
  post: (path: string, body: unknown, key?: string) => unknown = () => ({}),
  getFile: (path: string, accept: string) => unknown = (path) => {
    throw new Error(`no file at ${path} in this test`);
  },
): ApiClient => ({
  get: async <T>(path: string, query?: Query) => (await get(path, query)) as T,
  getFile: async (path: string, accept: string) => (await getFile(path, accept)) as ApiFile,
  post: async <T>(path: string, body: unknown, key?: string) => (await post(path, body, key)) as T,
});
