/**
 * What every route does with hostile input, generated from the manifest and the route table: extra
 * fields (mass assignment), oversized bodies, malformed JSON, wrong content types, absurd pages and
 * forged cursors. Each request comes from a caller the route lets through, so the refusal tested is
 * the input's, not the caller's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { maxBodyBytes as gatewayMaxBodyBytes } from '../../infra/local/gateway.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { type FunctionName, httpRoutes } from '../../infra/manifest.ts';
import { defaultMaxBodyBytes } from '../../shared/http/parse-request.ts';
import { maxVerifiedPdfBytes } from '../../shared/use-cases/documents/verify-signature.ts';
import { allowedKinds, type CallerKind } from './support/callers.ts';
import { createFixtures, pool, type Tokens, tokensFor } from './support/fixtures.ts';
import { errorCollector, leaksIn } from './support/leaks.ts';
import { type Fixtures, probeOf } from './support/route-table.ts';
import { sendRaw } from './support/send.ts';

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

/** Routes that read a JSON body: the table's sample carries one. */
const jsonWriteRoutes = httpRoutes.filter(
  (r) => r.method !== 'GET' && probeOf(r.name).sample(dummy()).body !== undefined,
);
/**
 * Cursor-paginated lists. A dossier's documents are not paged: they are bounded by its procedure's
 * required documents, and the route reads no query at all.
 */
const unpagedLists: readonly FunctionName[] = ['list-dossier-documents'];
const listRoutes = httpRoutes.filter(
  (r) => r.method === 'GET' && /^(list|search)-/.test(r.name) && !unpagedLists.includes(r.name),
);

/**
 * The carriers' callbacks are deliberately not strict (a partner may add fields we do not read):
 * unknown fields are stripped before the use case, never applied. Everything else refuses them.
 */
const strippingRoutes: readonly FunctionName[] = ['payment-callback', 'postal-tracking'];

/** The body limit each handler sets, above the default (shared/http/parse-request.ts). */
const maxBodyOf: Partial<Record<FunctionName, number>> = {
  'verify-signature': Math.ceil(maxVerifiedPdfBytes / 3) * 4 + 1024,
};

function dummy(): Fixtures {
  return {
    code: '24.07210-260101-0001',
    feedbackId: '00000000-0000-4000-8000-000000000000',
    missingCode: '24.07210-260101-9999',
    uuid: () => '00000000-0000-4000-8000-000000000000',
    unique: () => 'x',
  };
}

/** A caller the route lets through, and to whom the sample succeeds when anyone's does (the table says). */
function callerOf(route: HttpRoute): CallerKind {
  const order: CallerKind[] = ['citizen', 'receiver', 'specialist', 'leader', 'admin', 'auditor', 'anonymous'];
  const allowed = order.filter((kind) => allowedKinds(route.auth).includes(kind));
  const expected = probeOf(route.name).expect;
  const succeeds = (kind: CallerKind) => (typeof expected === 'number' ? expected : (expected[kind] ?? 500)) < 300;
  return allowed.find(succeeds) ?? allowed[0] ?? 'anonymous';
}

/** Sends `rawBody` to the route's sample path as a caller it lets through. */
async function send(route: HttpRoute, options: { rawBody?: string; contentType?: string; path?: string }) {
  const sample = probeOf(route.name).sample(fixtures);
  const response = await sendRaw(cloud, {
    method: route.method,
    path: options.path ?? sample.path,
    auth: route.auth,
    token: tokens[callerOf(route)],
    rawBody: options.rawBody,
    contentType: options.contentType,
  });
  collected.add(`${route.method} ${route.path}`, response.status, response.text);
  return response;
}

/** A JSON object of exactly `bytes` bytes. */
const jsonOfSize = (bytes: number) => `{"pad":"${'x'.repeat(bytes - 10)}"}`;

it('finds the routes to test in the manifest', () => {
  expect(jsonWriteRoutes.length).toBeGreaterThanOrEqual(19);
  expect(listRoutes.length).toBeGreaterThanOrEqual(10);
});

describe('mass assignment', () => {
  const extras = { status: 'decided', version: 99, applicantId: 'citizen-binh', paid: true };

  it('refuses an unknown field on every JSON write route with 400 validation-failed, naming the field', async () => {
    const calls = jsonWriteRoutes
      .filter((route) => !strippingRoutes.includes(route.name))
      .flatMap((route) =>
        Object.entries(extras).map(([field, value]) => async () => {
          const body = probeOf(route.name).sample(fixtures).body as Record<string, unknown>;
          const response = await send(route, {
            rawBody: JSON.stringify({ ...body, [field]: value }),
            contentType: 'application/json',
          });
          const named = (response.body as { errors?: { field: string }[] })?.errors?.some((e) => e.field === field);
          const ok = response.status === 400 && (response.body as { code?: string })?.code === 'validation-failed';
          return ok && named ? undefined : `${route.name} +${field}: ${response.status} ${response.text.slice(0, 160)}`;
        }),
      );
    expect((await pool(4, calls)).filter(Boolean)).toEqual([]);
  });

  it('strips unknown fields of partner callbacks instead (the outcome is the same as without them)', async () => {
    for (const name of strippingRoutes) {
      const route = httpRoutes.find((r) => r.name === name) as HttpRoute;
      const body = probeOf(name).sample(fixtures).body as Record<string, unknown>;
      const unknown = Object.fromEntries(Object.entries(extras).filter(([field]) => !(field in body)));
      expect(Object.keys(unknown).length).toBeGreaterThan(0);
      const response = await send(route, {
        rawBody: JSON.stringify({ ...body, ...unknown }),
        contentType: 'application/json',
      });
      expect(response.status).toBe((probeOf(name).expect as { signed: number }).signed);
    }
  });
});

describe('request bodies', () => {
  it('refuses a body over each handler’s limit with 413, and takes one at the limit to validation', async () => {
    const calls = jsonWriteRoutes.flatMap((route) => {
      const limit = maxBodyOf[route.name] ?? defaultMaxBodyBytes;
      return [
        async () => {
          const response = await send(route, { rawBody: jsonOfSize(limit + 1), contentType: 'application/json' });
          const ok = response.status === 413 && (response.body as { code?: string })?.code === 'payload-too-large';
          return ok ? undefined : `${route.name} ${limit + 1} bytes: ${response.status} ${response.text.slice(0, 120)}`;
        },
        async () => {
          const response = await send(route, { rawBody: jsonOfSize(limit), contentType: 'application/json' });
          return response.status === 400 ? undefined : `${route.name} ${limit} bytes: ${response.status}`;
        },
      ];
    });
    expect((await pool(2, calls)).filter(Boolean)).toEqual([]);
  });

  it('refuses a body over the gateway’s limit with 413 before any handler', async () => {
    const route = httpRoutes.find((r) => r.name === 'verify-signature') as HttpRoute;
    const response = await send(route, {
      rawBody: jsonOfSize(gatewayMaxBodyBytes + 1),
      contentType: 'application/json',
    });
    expect(response.status).toBe(413);
  });

  it('refuses malformed JSON with 400 malformed-json on every JSON write route', async () => {
    const calls = jsonWriteRoutes.flatMap((route) =>
      ['{"a":', "{'single': 'quotes'}", '', 'undefined'].map((rawBody) => async () => {
        const response = await send(route, { rawBody, contentType: 'application/json' });
        const ok = response.status === 400 && (response.body as { code?: string })?.code === 'malformed-json';
        return ok
          ? undefined
          : `${route.name} ${JSON.stringify(rawBody)}: ${response.status} ${response.text.slice(0, 120)}`;
      }),
    );
    expect((await pool(4, calls)).filter(Boolean)).toEqual([]);
  });

  it('refuses another content type with 415 on every JSON write route', async () => {
    const calls = jsonWriteRoutes.flatMap((route) =>
      ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined].map(
        (contentType) => async () => {
          const rawBody = JSON.stringify(probeOf(route.name).sample(fixtures).body);
          const response = await send(route, { rawBody, contentType });
          return response.status === 415 ? undefined : `${route.name} ${contentType}: ${response.status}`;
        },
      ),
    );
    expect((await pool(4, calls)).filter(Boolean)).toEqual([]);
  });
});

describe('pages', () => {
  const bad = [
    'limit=101',
    'limit=0',
    'limit=-1',
    'limit=abc',
    'limit=1.5',
    'limit=1e9',
    'cursor=garbage!!',
    'cursor=e30',
  ];

  it('takes limit=100 on every list (so the refusals below are the parameters’)', async () => {
    const calls = listRoutes.map((route) => async () => {
      const path = `${probeOf(route.name).sample(fixtures).path.split('?')[0]}?limit=100`;
      const response = await send(route, { path });
      return response.status === 200 ? undefined : `${route.name}: ${response.status} ${response.text.slice(0, 120)}`;
    });
    expect((await pool(4, calls)).filter(Boolean)).toEqual([]);
  });

  it('refuses an oversized, empty, negative or non-numeric limit and a garbage cursor with 400 on every list', async () => {
    const calls = listRoutes.flatMap((route) =>
      bad.map((query) => async () => {
        const path = `${probeOf(route.name).sample(fixtures).path.split('?')[0]}?${query}`;
        const response = await send(route, { path });
        return response.status === 400
          ? undefined
          : `${route.name}?${query}: ${response.status} ${response.text.slice(0, 120)}`;
      }),
    );
    expect((await pool(4, calls)).filter(Boolean)).toEqual([]);
  });

  it('refuses a cursor forged from a real one (same partition, broken key) with 400, not 500', async () => {
    const route = httpRoutes.find((r) => r.name === 'list-agencies') as HttpRoute;
    const list = '/v1/agencies?parentId=24.UBND&limit=1';
    const first = await send(route, { path: list });
    const cursor = (first.body as { nextCursor?: string }).nextCursor;
    expect(cursor).toBeTypeOf('string');
    const key = JSON.parse(Buffer.from(cursor as string, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forge = (k: Record<string, unknown>) => Buffer.from(JSON.stringify(k)).toString('base64url');
    const keyNames = Object.keys(key);
    const forgeries = [
      ...keyNames.map((name) => Object.fromEntries(Object.entries(key).map(([n, v]) => [n, n === name ? 42 : v]))),
      ...keyNames.map((name) => Object.fromEntries(Object.entries(key).filter(([n]) => n !== name))),
      { ...key, extra: 'x' },
    ];
    for (const forged of forgeries) {
      const response = await send(route, { path: `${list}&cursor=${forge(forged)}` });
      expect.soft(response.status, JSON.stringify(forged)).toBe(400);
    }
  });

  it("refuses a well-formed cursor into another citizen's partition with 400", async () => {
    const route = httpRoutes.find((r) => r.name === 'list-my-dossiers') as HttpRoute;
    const binh = { pk: 'DOSSIER#x', sk: 'DOSSIER', gsi1pk: 'APPLICANT#citizen-binh', gsi1sk: '9999' };
    const cursor = Buffer.from(JSON.stringify(binh)).toString('base64url');
    const response = await send(route, { path: `/v1/me/dossiers?cursor=${cursor}` });
    expect(response.status).toBe(400);
    expect((response.body as { code?: string }).code).toBe('invalid-cursor');
  });
});

describe('error bodies', () => {
  it('are checked by patterns that do catch the usual leaks', () => {
    const leaky = [
      'TypeError: x is undefined\n    at handler (/var/task/index.mjs:1:2)',
      '{"message":"ValidationException"}',
      '{"where":"/work/main/shared/use-cases/file-dossier.ts:88"}',
      '{"pk":"DOSSIER#24.07210-260101-0001","sk":"DOSSIER"}',
      '{"requestId":"5T1R4KQ7GJ8VJ0O2M9U3N6C4SBVV4KQNSO5AEMVJF66Q9ASUAAJG"}',
    ];
    for (const text of leaky) expect(leaksIn(text), text).not.toEqual([]);
    expect(leaksIn('{"code":"not-found","title":"Không tìm thấy","instance":"b1c2"}')).toEqual([]);
  });

  it('leak no stack trace, path, request id, table name, key or exception class', () => {
    expect(collected.errors.length).toBeGreaterThan(200);
    expect(collected.leaks(cloud.tableName)).toEqual([]);
  });
});
