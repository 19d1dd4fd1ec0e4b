/**
 * The portal's access rules, generated from its route table (shared/portal/routes/index.ts), so a page
 * added later is covered without anyone remembering to: every page that is not public sends an anonymous
 * visitor to sign in; a role's pages refuse the other roles; and every signed-in form post is refused
 * without the session's CSRF token or from another origin — and then changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { hasRole } from '../../shared/domain/caller.ts';
import type { PortalRoute } from '../../shared/portal/route.ts';
import { portalRoutes } from '../../shared/portal/routes/index.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';
import { type PortalAgent, signInToPortal } from '../support/portal-agent.ts';

let cloud: LocalCloud;
let code: string;
const agents: Record<string, PortalAgent> = {};
/** One person of each kind the routes name. */
const people = {
  citizen: 'citizen-an',
  receiver: 'receiver-lan',
  leader: 'leader-hung',
  admin: 'admin-quang',
} as const;
const roleOf = {
  'citizen-an': ['citizen'],
  'receiver-lan': ['receiver', 'specialist'],
  'leader-hung': ['leader'],
  'admin-quang': ['admin'],
} as const;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false, logLevel: 'SILENT' });
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: await tokenFor(cloud, 'citizen-an'),
    body: birthRegistration(),
  });
  expect(filed.status).toBe(201);
  code = filed.body.code as string;
  for (const sub of Object.values(people)) agents[sub] = await signInToPortal(cloud.apiUrl, sub);
});
afterAll(() => cloud?.stop());

/** A path the route's pattern matches: a real dossier, the procedure it was filed under, any report id. */
function pathOf(route: PortalRoute): string {
  return route.pattern.source
    .replace(/^\^|\$$/g, '')
    .replace(/nop-ho-so\\\/\(\?<code>\[\^\/\]\+\)/, 'nop-ho-so/1.001193')
    .replace('(?<code>[^/]+)', code)
    .replace('(?<id>[^/]+)', 'r-1')
    .replace(/\\(.)/g, '$1');
}

const guarded = portalRoutes.filter((route) => route.access !== 'public');
const roleRoutes = guarded.filter((route) => route.access !== 'signed-in');
const posts = guarded.filter((route) => route.methods.includes('POST'));
/** Someone the route admits (the router checks roles before the form token). */
const admittedTo = (route: PortalRoute) =>
  Object.values(people).find(
    (sub) =>
      route.access === 'signed-in' ||
      (route.access !== 'public' && hasRole({ sub, roles: roleOf[sub] }, ...route.access.roles)),
  ) as string;
const version = async () =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: await tokenFor(cloud, 'citizen-an') })).body
    .version as number;

describe('the portal route table', () => {
  it('has pages behind sign-in, role pages and signed-in forms to check', () => {
    expect([guarded.length, roleRoutes.length, posts.length].every((n) => n > 3)).toBe(true);
    for (const route of guarded) expect(route.pattern.test(pathOf(route)), pathOf(route)).toBe(true);
  });

  it.each(guarded.flatMap((route) => route.methods.map((method) => [method, route] as const)))(
    '%s %o sends an anonymous visitor to sign in, and back',
    async (method, route) => {
      const path = pathOf(route);
      const response = await fetch(`${cloud.apiUrl}${path}`, {
        method,
        redirect: 'manual',
        ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' } : {}),
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/portal/dang-nhap?${new URLSearchParams({ sau: path })}`);
    },
  );

  it.each(roleRoutes.map((route) => [route.pattern.source, route] as const))(
    '%s refuses the roles it does not name (403)',
    async (_source, route) => {
      const outsiders = Object.values(people).filter(
        (sub) =>
          sub !== admittedTo(route) &&
          !hasRole({ sub, roles: roleOf[sub] }, ...(route.access as { roles: readonly never[] }).roles),
      );
      expect(outsiders.length).toBeGreaterThan(0);
      for (const sub of outsiders) {
        const agent = agents[sub] as PortalAgent;
        const response = route.methods.includes('GET')
          ? await agent.get(pathOf(route))
          : await agent.post(pathOf(route), {});
        expect(response.status, `${sub} ${pathOf(route)}`).toBe(403);
      }
    },
  );

  it.each(posts.map((route) => [route.pattern.source, route] as const))(
    '%s refuses a post without the form token, with a wrong one, or from another origin, and changes nothing',
    async (_source, route) => {
      const before = await version();
      const agent = agents[admittedTo(route)] as PortalAgent;
      const fields = { type: 'withdraw', reason: 'x', expectedVersion: String(before), score: '5', title: 't' };
      const missing = await agent.post(pathOf(route), { ...fields, _csrf: '' });
      const wrong = await agent.post(pathOf(route), { ...fields, _csrf: `${agent.csrf.slice(1)}A` });
      const foreign = await agent.post(pathOf(route), fields, { origin: 'https://evil.example' });
      expect([missing.status, wrong.status, foreign.status]).toEqual([403, 403, 403]);
      expect(await version()).toBe(before);
    },
  );
});
