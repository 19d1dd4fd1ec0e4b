/**
 * The authorization matrix of every HTTP route of the manifest, over real HTTP: each caller kind
 * (nobody, each demo role, another citizen, an official of another agency) against one sample request
 * per route. Partner routes refuse unsigned and wrongly signed calls, whatever token comes along.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { httpRoutes, partnerOfRoute, usesToken } from '../../infra/manifest.ts';
import { request } from '../support/http.ts';
import { allowedKinds, type CallerKind, callerKinds } from './support/callers.ts';
import { createFixtures, pool, type Tokens, tokensFor } from './support/fixtures.ts';
import { errorCollector } from './support/leaks.ts';
import { type Fixtures, probeOf, routeTable } from './support/route-table.ts';

type HttpRoute = (typeof httpRoutes)[number];

let cloud: LocalCloud;
let tokens: Tokens;
let fixtures: Fixtures;
const collected = errorCollector();

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'ERROR' });
  tokens = await tokensFor(cloud);
  fixtures = await createFixtures(cloud, tokens);
});
afterAll(() => cloud?.stop());

/** What the manifest and the table say `kind` gets from `route`. */
function expectedStatus(route: HttpRoute, kind: CallerKind): number {
  const auth = route.auth;
  if (usesToken(auth)) {
    if (kind === 'anonymous') return 401;
    if (!allowedKinds(route.auth).includes(kind)) return 403;
  }
  const expected = probeOf(route.name).expect;
  if (typeof expected === 'number') return expected;
  const status = expected[kind];
  if (status === undefined) throw new Error(`${route.name}: no expected status for ${kind}`);
  return status;
}

describe('the route table', () => {
  it('has a probe for every HTTP route of the manifest, and nothing else', () => {
    expect(Object.keys(routeTable).sort()).toEqual(httpRoutes.map((r) => r.name).sort());
  });

  it('names exactly the callers each route lets through', () => {
    const wrong = httpRoutes.flatMap((route) => {
      const expected = probeOf(route.name).expect;
      if (typeof expected === 'number') return partnerOfRoute(route.auth) ? [`${route.name}: needs signed`] : [];
      const listed = Object.keys(expected).sort();
      const should = partnerOfRoute(route.auth) ? ['signed'] : [...allowedKinds(route.auth)].sort();
      return JSON.stringify(listed) === JSON.stringify(should) ? [] : [`${route.name}: ${listed} ≠ ${should}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe('every route, every caller', () => {
  it('answers each caller kind as the manifest and the ownership rules say', async () => {
    const calls = httpRoutes
      .filter((route) => !partnerOfRoute(route.auth))
      .flatMap((route) =>
        callerKinds.map((kind) => async () => {
          const sample = probeOf(route.name).sample(fixtures);
          // An `ANY` route (the portal) is probed with a page read.
          const method = route.method === 'ANY' ? 'GET' : route.method;
          const response = await request(cloud, method, sample.path, { token: tokens[kind], body: sample.body });
          collected.add(`${route.method} ${route.path}`, response.status, response.body);
          const expected = expectedStatus(route, kind);
          return response.status === expected
            ? undefined
            : `${route.name} as ${kind}: ${response.status} (expected ${expected}) ${JSON.stringify(response.body)?.slice(0, 160)}`;
        }),
      );
    const mismatches = (await pool(4, calls)).filter(Boolean);
    expect(mismatches).toEqual([]);
  });

  it('refuses unsigned and wrongly signed partner calls with 401, whatever token comes with them', async () => {
    const partnerRoutes = httpRoutes.filter((route) => partnerOfRoute(route.auth));
    expect(partnerRoutes.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const route of partnerRoutes) {
      const partner = partnerOfRoute(route.auth) as keyof LocalCloud['partners'];
      for (const kind of callerKinds) {
        const sample = probeOf(route.name).sample(fixtures);
        const unsigned = await request(cloud, 'POST', sample.path, { token: tokens[kind], body: sample.body });
        collected.add(`${route.method} ${route.path}`, unsigned.status, unsigned.body);
        if (unsigned.status !== 401) mismatches.push(`${route.name} unsigned as ${kind}: ${unsigned.status}`);
      }
      const sample = probeOf(route.name).sample(fixtures);
      const forged = await cloud.partners[partner].webhook(sample.path, sample.body, { secret: 'not-the-secret' });
      collected.add(`${route.method} ${route.path}`, forged.status, forged.body);
      if (forged.status !== 401) mismatches.push(`${route.name} wrongly signed: ${forged.status}`);
      const otherPartner = Object.keys(cloud.partners).find((p) => p !== partner) as keyof LocalCloud['partners'];
      const crossed = await cloud.partners[otherPartner].webhook(sample.path, sample.body);
      collected.add(`${route.method} ${route.path}`, crossed.status, crossed.body);
      if (crossed.status !== 401) mismatches.push(`${route.name} signed by ${otherPartner}: ${crossed.status}`);
      const signed = await cloud.partners[partner].webhook(sample.path, sample.body);
      collected.add(`${route.method} ${route.path}`, signed.status, signed.body);
      const expected = (probeOf(route.name).expect as { signed: number }).signed;
      if (signed.status !== expected)
        mismatches.push(`${route.name} signed: ${signed.status} (expected ${expected}) ${JSON.stringify(signed.body)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('leaks no stack trace, path, request id, table name, key or exception class in any error', () => {
    expect(collected.errors.length).toBeGreaterThan(100);
    expect(collected.leaks(cloud.tableName)).toEqual([]);
  });
});
