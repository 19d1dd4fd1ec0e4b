/**
 * Pipeline throughput and API latency on the local cloud (docs/design.md §10), every figure a ratio to a
 * raw call of the same dynalite, same concurrency, same run:
 * - dossiers per second from `POST /v1/dossiers` to "applicant notified" (the in-app notification
 *   item written), over raw `PutItem`s per second;
 * - p50/p99 of the main routes under concurrent load, over a raw `GetItem` round trip's p50/p99.
 * Asserts nothing on wall time; absolute figures depend on the machine and its load.
 */
import { randomUUID } from 'node:crypto';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';
import { type LoadRun, percentile, runLoad } from './support/load.ts';
import { type BenchRow, ratio, writeResult } from './support/results.ts';
import { observeSdkCalls } from './support/sdk-calls.ts';

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const dossiers = Number(process.env.BENCH_DOSSIERS ?? 60);
const perRoute = Number(process.env.BENCH_REQUESTS ?? 200);
const rawWrites = Number(process.env.BENCH_RAW_WRITES ?? 400);

const applicant = 'citizen-an';
// When each dossier's applicant got their first in-app notification, seen as the notify worker's PutItem succeeds.
const notifiedAt = new Map<string, number>();
const stopObserving = observeSdkCalls({
  after(call) {
    const item = call.input.Item as Record<string, unknown> | undefined;
    if (call.service !== 'dynamodb' || call.command !== 'Put' || call.error || !item) return;
    if (
      item.recipientId === applicant &&
      String(item.sk).startsWith('NOTIF#') &&
      typeof item.dossierCode === 'string' &&
      !notifiedAt.has(item.dossierCode)
    ) {
      notifiedAt.set(item.dossierCode, performance.now());
    }
  },
});

// The local cloud's default of one batch at a time per queue: with more, sync-dvcqg's per-dossier lease makes
// concurrent batches wait out a visibility timeout (redelivery), which measures the timeout, not the pipeline.
const cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
try {
  const citizen = await tokenFor(cloud, applicant);
  const receiver = await tokenFor(cloud, 'receiver-lan');
  const file = async () => {
    const response = await request(cloud, 'POST', '/v1/dossiers', {
      token: citizen,
      body: birthRegistration({ returnMethod: 'online' }),
      headers: { 'idempotency-key': randomUUID() },
    });
    if (response.status !== 201)
      throw new Error(`POST /v1/dossiers: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.code as string;
  };

  // Warm-up: every function on the path has initialised, as in a warm Lambda fleet.
  await Promise.all([file(), file()]);
  await cloud.settle();

  // The floor: raw PutItems of a ~1 KB item (a dossier is a few KB), same emulator, same concurrency.
  const padding = 'x'.repeat(1000);
  const puts = await runLoad(rawWrites, concurrency, async (i) => {
    await cloud.clients.dynamo.send(
      new PutItemCommand({
        TableName: cloud.tableName,
        Item: { pk: { S: 'BENCH#RAW' }, sk: { S: String(i) }, padding: { S: padding } },
      }),
    );
  });
  const putRate = rawWrites / (puts.wallMs / 1000);

  // The pipeline: POST → submit-dossier → queue → process-dossier (routing) → queue → notify.
  const submittedAt = new Map<string, number>();
  const started = performance.now();
  const filing = await runLoad(dossiers, concurrency, async () => {
    const t = performance.now();
    submittedAt.set(await file(), t);
  });
  const codes = [...submittedAt.keys()];
  // Waits as long as notifications keep arriving; 30 s without a new one is a stall.
  let seen = notifiedAt.size;
  let lastNewAt = Date.now();
  while (codes.some((c) => !notifiedAt.has(c))) {
    if (notifiedAt.size !== seen) [seen, lastNewAt] = [notifiedAt.size, Date.now()];
    if (Date.now() - lastNewAt > 30_000)
      throw new Error(`${codes.filter((c) => !notifiedAt.has(c)).length} dossiers never notified`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const lastNotified = Math.max(...codes.map((c) => notifiedAt.get(c) ?? 0));
  const pipelineRate = codes.length / ((lastNotified - started) / 1000);
  const endToEnd = codes.map((c) => (notifiedAt.get(c) ?? 0) - (submittedAt.get(c) ?? 0));
  await cloud.settle();

  // Latency: each route alone under `concurrency` callers, then the raw GetItem the same way.
  const ok = (status: number) => status >= 200 && status < 300;
  const routes: [string, (i: number) => Promise<boolean>][] = [
    [
      'GET /v1/dossiers/{code}',
      async (i) =>
        ok((await request(cloud, 'GET', `/v1/dossiers/${codes[i % codes.length]}`, { token: citizen })).status),
    ],
    [
      'GET /v1/me/dossiers',
      async () => ok((await request(cloud, 'GET', '/v1/me/dossiers?limit=20', { token: citizen })).status),
    ],
    [
      'GET /v1/agencies/{id}/dossiers',
      async () =>
        ok(
          (await request(cloud, 'GET', '/v1/agencies/24.07210.TTPVHCC/dossiers?limit=20', { token: receiver })).status,
        ),
    ],
    [
      'GET /v1/procedures?q=…',
      async () => ok((await request(cloud, 'GET', `/v1/procedures?q=${encodeURIComponent('khai sinh')}`)).status),
    ],
  ];
  const runs: [string, LoadRun][] = [];
  for (const [route, call] of routes) {
    await runLoad(concurrency * 2, concurrency, call); // a few warm-up calls, not counted
    runs.push([route, await runLoad(perRoute, concurrency, call)]);
  }
  // Filing last: its queue work would otherwise run under the reads measured above.
  runs.push(['POST /v1/dossiers', await runLoad(perRoute, concurrency, async () => Boolean(await file()))]);
  await cloud.settle();
  const raw = await runLoad(perRoute, concurrency, async (i) => {
    const got = await cloud.clients.dynamo.send(
      new GetItemCommand({
        TableName: cloud.tableName,
        Key: { pk: { S: 'BENCH#RAW' }, sk: { S: String(i % rawWrites) } },
      }),
    );
    return got.Item !== undefined;
  });
  const rawP50 = percentile(raw.latenciesMs, 50);
  const rawP99 = percentile(raw.latenciesMs, 99);

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const rows: BenchRow[] = [
    {
      what: `pipeline: dossiers/s POST → applicant notified, over raw PutItem/s (concurrency ${concurrency})`,
      figure: `${ratio(pipelineRate / putRate, 3)} (${pipelineRate.toFixed(1)} vs ${putRate.toFixed(0)} /s)`,
      bar: '≥ ×0.20',
    },
    {
      what: 'pipeline: one dossier POST → notified, p50 / p99',
      figure: `${ms(percentile(endToEnd, 50))} / ${ms(percentile(endToEnd, 99))}`,
    },
    ...runs.map(([route, run]): BenchRow => {
      const p50 = percentile(run.latenciesMs, 50);
      const p99 = percentile(run.latenciesMs, 99);
      const failed = run.failures ? `, ${run.failures} failed` : '';
      return {
        what: `${route}: p50 / p99 over raw GetItem's`,
        figure: `${ratio(p50 / rawP50)} / ${ratio(p99 / rawP99)} (${ms(p50)} / ${ms(p99)}${failed})`,
        ...(route.startsWith('GET') ? { bar: 'p99 ≤ ×3' } : {}),
      };
    }),
    { what: 'raw GetItem round trip p50 / p99 (the baseline)', figure: `${ms(rawP50)} / ${ms(rawP99)}` },
  ];
  if (filing.failures) rows.push({ what: 'pipeline: failed POSTs', figure: String(filing.failures) });
  writeResult({
    name: 'pipeline',
    sample:
      `${dossiers} dossiers through the pipeline, ${rawWrites} raw PutItems (~1 KB), ${perRoute} requests per route ` +
      `and ${perRoute} raw GetItems, all at concurrency ${concurrency}; local cloud in one process (pollers at concurrency 1).`,
    rows,
  });
} finally {
  stopObserving();
  await cloud.stop();
}
