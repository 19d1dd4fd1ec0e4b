/**
 * The API keeps its OpenAPI document (GET /v1/openapi.json), over real HTTP against the local cloud:
 * every route of the manifest is called — by every kind of caller with the authorization matrix's
 * sample requests, partners signed and unsigned, and the main flows of a dossier — and each answer's
 * status, media type and JSON body must be what the document says of that route. The request
 * schemas the document shows must be the ones the handlers validate with.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { importHandler } from '../../infra/local/lambda.ts';
import { documentedRoutes } from '../../infra/documented-routes.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { type HttpMethod, httpRoutes, partnerOfRoute, specOf } from '../../infra/manifest.ts';
import type * as httpHandlerModule from '../../shared/http/http-handler.ts';
import type { RequestSchemas } from '../../shared/http/parse-request.ts';
import { openApiDocument } from '../../shared/http/openapi/document.ts';
import { jsonSchemaOf } from '../../shared/http/openapi/json-schema.ts';
import { type HttpFunctionName, routeDocs } from '../../shared/http/openapi/route-docs.ts';
import { paths } from '../../shared/portal/paths.ts';
import { callerKinds } from '../security/support/callers.ts';
import { createFixtures, pool, type Tokens, tokensFor } from '../security/support/fixtures.ts';
import { type Fixtures, probeOf } from '../security/support/route-table.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';
import { contractChecker } from '../support/openapi-contract.ts';

/** The schemas each handler hands to httpHandler, as it loads: what the document must show. */
const declared = vi.hoisted(() => new Map<string, RequestSchemas>());
vi.mock('../../shared/http/http-handler.ts', async (importOriginal) => {
  const original = await importOriginal<typeof httpHandlerModule>();
  const httpHandler = ((name: string, options?: { schemas?: RequestSchemas }) => {
    declared.set(name, options?.schemas ?? {});
    return (original.httpHandler as (n: string, o?: unknown) => unknown)(name, options);
  }) as typeof original.httpHandler;
  return { ...original, httpHandler };
});

type HttpRoute = (typeof httpRoutes)[number];

const document = openApiDocument(documentedRoutes);
const contract = contractChecker(document);
const broken: string[] = [];
let cloud: LocalCloud;
let tokens: Tokens;
let fixtures: Fixtures;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'ERROR' });
  tokens = await tokensFor(cloud);
  fixtures = await createFixtures(cloud, tokens);
});
afterAll(() => cloud?.stop());

const routeOf = (name: HttpFunctionName): HttpRoute => {
  const route = httpRoutes.find((r) => r.name === name);
  if (!route) throw new Error(`${name} is not an HTTP route`);
  return route;
};

/** A call to `name`'s route, its answer checked against the document. */
async function call(
  name: HttpFunctionName,
  path: string,
  options: NonNullable<Parameters<typeof request>[3]> & { method?: HttpMethod } = {},
) {
  const route = routeOf(name);
  const method = options.method ?? (route.method === 'ANY' ? 'GET' : route.method);
  const answer = await request(cloud, method, path, options);
  broken.push(...contract.check(route.method, route.path, answer, method));
  return answer;
}

describe('every answer keeps the OpenAPI document', () => {
  it('serves the document at GET /v1/openapi.json, as the generator makes it', async () => {
    const served = await call('get-openapi', '/v1/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('answers every route, every kind of caller, as documented', async () => {
    const calls = httpRoutes
      .filter((route) => !partnerOfRoute(route.auth))
      .flatMap((route) =>
        callerKinds.map((kind) => async () => {
          const sample = probeOf(route.name).sample(fixtures);
          const token = tokens[kind];
          await call(route.name as HttpFunctionName, sample.path, {
            ...(token ? { token } : {}),
            ...(sample.body === undefined ? {} : { body: sample.body }),
          });
        }),
      );
    await pool(4, calls);
    expect(broken).toEqual([]);
  });

  it('answers partners, signed, unsigned and replayed, as documented', async () => {
    for (const route of httpRoutes.filter((r) => partnerOfRoute(r.auth))) {
      const partner = partnerOfRoute(route.auth) as keyof LocalCloud['partners'];
      const sample = probeOf(route.name).sample(fixtures);
      await call(route.name as HttpFunctionName, sample.path, { body: sample.body });
      const signed = await cloud.partners[partner].webhook(sample.path, sample.body);
      // The simulator keeps no response headers: the media type is the one the stack sets for the status.
      const type = signed.status < 400 ? 'application/json' : 'application/problem+json';
      broken.push(
        ...contract.check(route.method, route.path, { ...signed, headers: new Headers({ 'content-type': type }) }),
      );
      // A signature is accepted once; a request the handler failed is forgotten, so the partner may retry it.
      const replayed = await call(route.name as HttpFunctionName, sample.path, {
        rawBody: signed.sentBody,
        headers: signed.sentHeaders,
      });
      expect(replayed.status).toBe(signed.status < 300 ? 409 : signed.status);
    }
    expect(broken).toEqual([]);
  });

  it('answers the main flow of a dossier as documented, its refusals too', async () => {
    const citizen = tokens.citizen as string;
    const receiver = tokens.receiver as string;
    const filed = await call('submit-dossier', '/v1/dossiers', { token: citizen, body: birthRegistration() });
    expect(filed.status).toBe(201);
    const { code, lookupPin } = filed.body as { code: string; lookupPin: string };
    await cloud.settle();
    expect((await call('lookup-dossier', '/v1/dossier-lookups', { body: { code, pin: lookupPin } })).status).toBe(200);
    const wrongPin = lookupPin === '000000' ? '111111' : '000000';
    expect((await call('lookup-dossier', '/v1/dossier-lookups', { body: { code, pin: wrongPin } })).status).toBe(404);
    const upload = await call('request-document-upload', `/v1/dossiers/${code}/documents`, {
      token: citizen,
      body: { slot: 0, contentType: 'application/pdf', size: 2048 },
    });
    expect(upload.status).toBe(201);
    const dossier = await call('get-dossier', `/v1/dossiers/${code}`, { token: receiver });
    const version = (dossier.body as { version: number }).version;
    const step = { type: 'receive', expectedVersion: version };
    const received = await call('act-on-dossier', `/v1/dossiers/${code}/actions`, { token: receiver, body: step });
    expect(received.status).toBe(200);
    const stale = await call('act-on-dossier', `/v1/dossiers/${code}/actions`, { token: receiver, body: step });
    expect(stale.status).toBe(409);
    // Form 01 is issued once the dossier is received.
    const receipt = await call('print-receipt', `/v1/dossiers/${code}/forms/01`, {
      token: citizen,
      body: { pin: lookupPin },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect((await call('get-dossier-timeline', `/v1/dossiers/${code}/timeline`, { token: citizen })).status).toBe(200);
    expect((await call('list-my-dossiers', '/v1/me/dossiers', { token: citizen })).status).toBe(200);
    await cloud.settle();
    const notifications = await call('list-my-notifications', '/v1/me/notifications', { token: citizen });
    const [notification] = (notifications.body as { items: { id: string }[] }).items;
    const read = await call('mark-notification-read', `/v1/me/notifications/${notification?.id}/read`, {
      token: citizen,
    });
    expect(read.status).toBe(200);

    const invalid = await call('submit-dossier', '/v1/dossiers', {
      token: citizen,
      body: birthRegistration({ applicant: { fullName: '' } }),
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    const malformed = await call('submit-dossier', '/v1/dossiers', { token: citizen, rawBody: '{"procedureCode":' });
    expect(malformed.status).toBe(400);
    const notJson = await call('submit-dossier', '/v1/dossiers', {
      token: citizen,
      rawBody: 'procedureCode=1.001193',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);
    const badKey = await call('submit-dossier', '/v1/dossiers', {
      token: citizen,
      body: birthRegistration(),
      headers: { 'idempotency-key': 'a key with spaces' },
    });
    expect(badKey.status).toBe(400);
    const badQuery = await call('list-my-dossiers', '/v1/me/dossiers?limit=1000', { token: citizen });
    expect(badQuery.status).toBe(400);
    expect(broken).toEqual([]);
  });

  it('answers a dossier’s life to its rating, and its result’s signature check, as documented', async () => {
    const citizen = tokens.citizen as string;
    const receiver = tokens.receiver as string;
    const specialist = await tokenFor(cloud, 'specialist-ha');
    const leader = tokens.leader as string;
    const filed = await call('submit-dossier', '/v1/dossiers', { token: citizen, body: birthRegistration() });
    const { code, lookupPin } = filed.body as { code: string; lookupPin: string };
    await cloud.settle();
    const step = async (token: string, action: Record<string, unknown>) => {
      const { version } = (await call('get-dossier', `/v1/dossiers/${code}`, { token: receiver })).body;
      const answer = await call('act-on-dossier', `/v1/dossiers/${code}/actions`, {
        token,
        body: { ...action, expectedVersion: version },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    };
    await step(receiver, { type: 'receive' });
    await step(receiver, { type: 'forward', assigneeId: 'specialist-ha' });
    await step(specialist, { type: 'forward', assigneeId: 'leader-hung' });
    await step(leader, { type: 'decide', outcome: 'approved' });
    await cloud.settle();
    await step(receiver, { type: 'return-result' });
    const rated = await call('rate-dossier', `/v1/dossiers/${code}/rating`, { token: citizen, body: { score: 5 } });
    expect(rated.status).toBe(201);
    const verified = await call('verify-signature', '/v1/signature-verifications', { body: { code, pin: lookupPin } });
    expect(verified.status).toBe(200);
    expect(broken).toEqual([]);
  });

  it('answers a payment, and the payment platform’s notice of it, as documented', async () => {
    const citizen = tokens.citizen as string;
    // A copy of a civil-status extract: 8.000 đồng, due at intake.
    const filed = await call('submit-dossier', '/v1/dossiers', {
      token: citizen,
      body: birthRegistration({ procedureCode: '2.000635' }),
    });
    const { code } = filed.body as { code: string };
    await cloud.settle();
    const payment = await call('request-payment', `/v1/dossiers/${code}/payments`, { token: citizen, body: {} });
    expect(payment.status).toBe(201);
    const callbacks = routeOf('payment-callback');
    const paid = await cloud.partners.payments.pay((payment.body as { paymentId: string }).paymentId);
    expect(paid.status).toBe(200);
    const headers = new Headers({ 'content-type': 'application/json' });
    broken.push(...contract.check(callbacks.method, callbacks.path, { ...paid, headers }));
    expect(broken).toEqual([]);
  });

  it('answers a report, once computed, as documented', async () => {
    const leader = tokens.leader as string;
    const body = { agencyId: '24.07210', periodKind: 'year', year: 2025 };
    const requested = await call('request-report', '/v1/reports', { token: leader, body });
    expect(requested.status).toBe(202);
    await cloud.settle();
    const report = await call('get-report', `/v1/reports/${(requested.body as { id: string }).id}`, { token: leader });
    expect(report.status).toBe(200);
    expect(broken).toEqual([]);
  });

  it('answers the portal’s pages, its stylesheet and its missing pages as documented', async () => {
    expect((await call('portal', paths.css)).status).toBe(200);
    expect((await call('portal', '/portal/khong-co-trang-nay')).status).toBe(404);
    expect(broken).toEqual([]);
  });

  it('has answered every route of the manifest', () => {
    const all = httpRoutes.map((route) => `${route.method} ${route.path}`);
    expect(all.filter((route) => !contract.seen.has(route))).toEqual([]);
  });
});

describe('the request schemas of the document', () => {
  it('are the ones each handler validates with', async () => {
    const differences: string[] = [];
    for (const route of httpRoutes) {
      const name = route.name as HttpFunctionName;
      await importHandler(name, specOf(name));
      const own = declared.get(name);
      const documented = routeDocs[name].request ?? {};
      // Functions with their own stack (the liveness probe, the portal) declare nothing and document nothing.
      if (!own) {
        if (Object.keys(documented).length > 0) differences.push(`${name}: documents schemas it does not use`);
        continue;
      }
      for (const slot of ['params', 'query', 'body'] as const) {
        const mine = own[slot] && JSON.stringify(jsonSchemaOf(own[slot], 'input'));
        const shown = documented[slot] && JSON.stringify(jsonSchemaOf(documented[slot], 'input'));
        if (mine !== shown) differences.push(`${name} ${slot}: the handler's ${mine} ≠ the document's ${shown}`);
      }
    }
    expect(differences).toEqual([]);
    expect(declared.size).toBeGreaterThan(40);
  });
});
