/**
 * Cost per 1,000 dossiers (docs/design.md §10): one dossier's whole life on the local cloud — filed online,
 * routed, received, processed, decided, signed, returned, with every notification — counting the AWS
 * requests it makes: API Gateway requests and Lambda invocations (timed, × the manifest's memory →
 * GB-s) at the invoker, DynamoDB/SQS/S3/KMS calls at the SDK (tests/bench/support/sdk-calls.ts),
 * priced with tests/bench/prices.ts. A first lifecycle warms every function and is not counted.
 * Counted as a real client drives it (docs/design.md §10): every write sends an Idempotency-Key as the
 * portal does, the write units of the table's indexes are added (support/index-writes.ts), and the
 * functions' log lines are priced (support/log-bytes.ts). Also printed: the deployment's fixed monthly
 * cost (support/fixed-costs.ts), storage growth, and the sequential AWS round trips of each route
 * (support/round-trips.ts).
 */
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { type FunctionName, specOf } from '../../infra/manifest.ts';
import { startLocalCloud } from '../../infra/local/cloud.ts';
import { importHandler, localRegion } from '../../infra/local/lambda.ts';
import { capturedEmails, capturedSms } from '../../infra/local/notification-capture.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';
import { prices } from './prices.ts';
import { amount, type BenchRow, writeResult } from './support/results.ts';
import { fixedMonthlyCosts } from './support/fixed-costs.ts';
import { IndexWriteCounter } from './support/index-writes.ts';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import { accessLogBytesPerRequest, captureLogLines, platformBytesPerInvocation } from './support/log-bytes.ts';
import { RoundTrips, verdictOf } from './support/round-trips.ts';
import { observeSdkCalls, type SdkCall } from './support/sdk-calls.ts';

/** docs/design.md §10: per 1,000 dossiers (aim US$0.10), and an idle deployment's month without signing keys and WAF. */
const bar = 0.15;
/** Lifecycles timed for the GB-s (the first also counted): each function's least. */
const timingRuns = Number(process.env.BENCH_COST_TIMING_RUNS ?? 3);
const fixedBar = 10;
/** A province's dossiers a year (the sizing of docs/design.md), for the per-month figures. */
const dossiersPerYear = 200_000;
const dossiersPerMonth = dossiersPerYear / 12;
const readCommands = new Set([
  'Get',
  'GetItem',
  'Query',
  'Scan',
  'BatchGet',
  'BatchGetItem',
  'TransactGet',
  'TransactGetItems',
]);
const s3Puts = /^(Put|Copy|List|CreateMultipart|UploadPart|CompleteMultipart|Post)/;

interface Counts {
  invocations: Map<FunctionName, { count: number; ms: number; gbSeconds: number }>;
  apiRequests: number;
  readUnits: number;
  writeUnits: number;
  /** DynamoDB calls whose units came from item sizes because the emulator returned no ConsumedCapacity. */
  estimatedCalls: number;
  /** Those calls by command, failed or not: `UpdateItem (failed)`. */
  estimated: Map<string, number>;
  dynamoCalls: number;
  sqs: Map<string, number>;
  emptyReceives: number;
  s3Puts: number;
  s3Gets: number;
  kms: number;
  secrets: number;
  /** Table write units by the partition's kind (`DOSSIER`, `DELIVERY`, …): where the writes go. */
  writesByKind: Map<string, number>;
}
const fresh = (): Counts => ({
  invocations: new Map(),
  apiRequests: 0,
  readUnits: 0,
  writeUnits: 0,
  estimatedCalls: 0,
  estimated: new Map(),
  dynamoCalls: 0,
  sqs: new Map(),
  emptyReceives: 0,
  s3Puts: 0,
  s3Gets: 0,
  kms: 0,
  secrets: 0,
  writesByKind: new Map(),
});
let counts = fresh();

const itemKb = (item: unknown) => Buffer.byteLength(JSON.stringify(item ?? {})) / 1024;
function countDynamo(call: SdkCall): void {
  counts.dynamoCalls++;
  const read = readCommands.has(call.command);
  const consumed = call.output?.ConsumedCapacity as
    { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
  const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
  const byKind = (n: number) => {
    const input = call.input as { Key?: { pk?: unknown }; Item?: { pk?: unknown } };
    const kind = String(input.Key?.pk ?? input.Item?.pk ?? call.command).split('#')[0] ?? call.command;
    counts.writesByKind.set(kind, (counts.writesByKind.get(kind) ?? 0) + n);
  };
  if (consumed !== undefined && units > 0) {
    if (read) counts.readUnits += units;
    else {
      counts.writeUnits += units;
      byKind(units);
    }
    return;
  }
  // No ConsumedCapacity (dynalite omits it on some calls, and on failed conditional writes, which AWS still bills):
  // 1 WCU per KB written, a strongly consistent 1 RCU per 4 KB read (an upper bound for eventually consistent ones).
  counts.estimatedCalls++;
  const what = `${call.command}${call.error === undefined ? '' : ' (failed)'}`;
  counts.estimated.set(what, (counts.estimated.get(what) ?? 0) + 1);
  if (read) {
    const out = call.output ?? {};
    counts.readUnits += Math.max(1, Math.ceil(itemKb(out.Item ?? out.Items ?? out.Responses) / 4));
  } else {
    counts.writeUnits += Math.max(1, Math.ceil(itemKb(call.input.Item)));
    byKind(Math.max(1, Math.ceil(itemKb(call.input.Item))));
  }
}

// The local cloud's own SQS client, its pollers' (known once the cloud has started); the index counter's own client.
const poller: { sqs?: object } = {};
const bench: { indexes?: IndexWriteCounter } = {};
const roundTrips = new RoundTrips();
const ends = new WeakMap<SdkCall, () => void>();
const stopObserving = observeSdkCalls({
  before(call) {
    if (call.client === bench.indexes?.client) return;
    if (call.service === 'dynamodb') call.input.ReturnConsumedCapacity ??= 'TOTAL';
    ends.set(call, roundTrips.started(`${call.service}.${call.command}`));
  },
  after(call) {
    if (call.client === bench.indexes?.client) return;
    ends.get(call)?.();
    bench.indexes?.observe(call);
    switch (call.service) {
      case 'dynamodb':
        return countDynamo(call);
      case 'sqs': {
        // The local pollers stand in for Lambda's event source mapping, which polls on AWS's side of the bill
        // too; its empty receives are a fixed cost per queue, not a per-dossier one, and are left out.
        const messages = (call.output?.Messages as unknown[] | undefined)?.length ?? 0;
        if (call.client === poller.sqs && call.command === 'ReceiveMessage' && messages === 0) {
          counts.emptyReceives++;
          return;
        }
        counts.sqs.set(call.command, (counts.sqs.get(call.command) ?? 0) + 1);
        return;
      }
      case 's3':
        if (s3Puts.test(call.command)) counts.s3Puts++;
        else counts.s3Gets++;
        return;
      case 'kms':
        counts.kms++;
        return;
      case 'secretsmanager':
        counts.secrets++;
    }
  },
});

const cloud = await startLocalCloud({
  seed: seedDemoProvince,
  scheduler: false,
  // As deployed (infra/stacks/platform-function.ts): INFO logs and the business metrics' EMF lines, whose bytes are billed.
  environment: { POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_METRICS_DISABLED: 'false' },
  // Times every invocation as Lambda bills it: from handler start to its result, in whole milliseconds.
  loadHandler: async (name, spec) => {
    const handler = await importHandler(name, spec);
    const trigger = spec.trigger;
    const route = trigger.kind === 'http' ? `${trigger.method} ${trigger.path}` : undefined;
    return async (event, context) => {
      const started = performance.now();
      try {
        return await (route ? roundTrips.run(route, async () => handler(event, context)) : handler(event, context));
      } finally {
        const ms = Math.ceil(performance.now() - started);
        const seen = counts.invocations.get(name) ?? { count: 0, ms: 0, gbSeconds: 0 };
        seen.count++;
        seen.ms += ms;
        seen.gbSeconds += (ms / 1000) * (spec.memoryMb / 1024);
        counts.invocations.set(name, seen);
        if (spec.trigger.kind === 'http') counts.apiRequests++;
      }
    };
  },
});
poller.sqs = cloud.clients.sqs;
const indexes = new IndexWriteCounter(cloud.tableName, cloud.env.AWS_ENDPOINT_URL_DYNAMODB, localRegion);
try {
  const tokens: Record<string, string> = {};
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
  // The portal sends a fresh Idempotency-Key with every form it posts: so does this client, on every write.
  const call = async (sub: string, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = method === 'GET' ? {} : { 'idempotency-key': randomUUID() };
    const response = await request(cloud, method, path, { token: tokens[sub], body, headers });
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  // An official opens the dossier before each step, as the back-office UI does.
  const act = async (sub: string, code: string, action: Record<string, unknown>) => {
    const { version } = await call(sub, 'GET', `/v1/dossiers/${code}`);
    await call(sub, 'POST', `/v1/dossiers/${code}/actions`, { ...action, expectedVersion: version });
  };
  const lifecycle = async () => {
    const filed = await call('citizen-an', 'POST', '/v1/dossiers', birthRegistration({ returnMethod: 'online' }));
    const code = filed.code as string;
    await cloud.settle();
    await act('receiver-lan', code, { type: 'receive' });
    await act('receiver-lan', code, { type: 'forward', assigneeId: 'specialist-ha' });
    await act('specialist-ha', code, { type: 'forward', assigneeId: 'leader-hung' });
    await act('leader-hung', code, { type: 'decide', outcome: 'approved' });
    await cloud.settle();
    await act('receiver-lan', code, { type: 'return-result' });
    await cloud.settle();
    // The applicant follows up once: the dossier and the inbox.
    await call('citizen-an', 'GET', `/v1/dossiers/${code}`);
    await call('citizen-an', 'GET', '/v1/me/notifications?limit=20');
    const final = await call('citizen-an', 'GET', `/v1/dossiers/${code}`);
    if (final.status !== 'returned') throw new Error(`lifecycle ended in ${final.status}`);
    return (final.timeline as { action: string }[]).filter((e) => e.action === 'result-signed').length;
  };

  const documentBytes = async () => {
    let bytes = 0;
    let token: string | undefined;
    do {
      const page = await cloud.clients.s3.send(
        new ListObjectsV2Command({ Bucket: cloud.bucketName, ContinuationToken: token }),
      );
      bytes += (page.Contents ?? []).reduce((sum, o) => sum + (o.Size ?? 0), 0);
      token = page.NextContinuationToken;
    } while (token);
    return bytes;
  };
  const sentSms = async () => (await capturedSms(cloud.env)).reduce((sum, m) => sum + m.segments, 0);
  const sentEmails = async () => (await capturedEmails(cloud.env)).length;

  // The warm-up's log lines are not counted, nor printed.
  const warmUpLogs = captureLogLines();
  try {
    await lifecycle();
    await cloud.settle();
  } finally {
    warmUpLogs.stop();
  }
  await indexes.prime();
  bench.indexes = indexes;
  const tableBefore = indexes.storedBytes();
  const documentsBefore = await documentBytes();
  const smsBefore = await sentSms();
  const emailsBefore = await sentEmails();
  roundTrips.reset();
  const logs = captureLogLines();
  counts = fresh();
  let signatures: number;
  try {
    signatures = await lifecycle();
    await cloud.settle();
  } finally {
    logs.stop();
  }
  const c = counts;
  const tripResults = roundTrips.results();
  // The timing runs below record into fresh routes: those of the counted lifecycle stay as they are.
  roundTrips.reset();
  counts = fresh();
  await indexes.drain();
  bench.indexes = undefined;
  const tableAfter = indexes.storedBytes();
  const baseGrowth = tableAfter.base - tableBefore.base;
  const tableGrowth = baseGrowth + tableAfter.indexes - tableBefore.indexes;
  const documentGrowth = (await documentBytes()) - documentsBefore;
  const sms = (await sentSms()) - smsBefore;
  const emails = (await sentEmails()) - emailsBefore;
  // Billed duration stretches when the machine is busy (the emulators share its cores): each function's
  // GB-s is the least it took over this lifecycle and `timingRuns - 1` more, measured after everything
  // else of the counted one, and counted for nothing else.
  const gbSecondsOf = new Map([...c.invocations].map(([name, i]) => [name, i.gbSeconds]));
  for (let run = 1; run < timingRuns; run++) {
    counts = fresh();
    await lifecycle();
    await cloud.settle();
    for (const [name, i] of counts.invocations) {
      gbSecondsOf.set(name, Math.min(gbSecondsOf.get(name) ?? Infinity, i.gbSeconds));
    }
  }
  counts = fresh();

  // The local signer makes no KMS call; in the cloud each signature is one KMS Sign.
  const kmsSigns = c.kms || signatures;
  const invocations = [...c.invocations.values()].reduce((s, i) => s + i.count, 0);
  const gbSeconds = [...gbSecondsOf.values()].reduce((s, n) => s + n, 0);
  const sqsRequests = [...c.sqs.values()].reduce((s, n) => s + n, 0);
  const logBytes = logs.bytes + invocations * platformBytesPerInvocation + c.apiRequests * accessLogBytesPerRequest;
  const lines = [
    { what: 'API Gateway HTTP API requests', count: c.apiRequests, usd: c.apiRequests * prices.httpApiPerRequest },
    { what: 'Lambda invocations', count: invocations, usd: invocations * prices.lambdaPerRequest },
    { what: 'Lambda GB-s (arm64)', count: gbSeconds, usd: gbSeconds * prices.lambdaArmPerGbSecond },
    { what: 'DynamoDB write request units, table', count: c.writeUnits, usd: c.writeUnits * prices.dynamoPerWriteUnit },
    {
      what: `DynamoDB write request units, the ${Object.keys(tableLayout.indexes).length} indexes`,
      count: indexes.units,
      usd: indexes.units * prices.dynamoPerWriteUnit,
    },
    { what: 'DynamoDB read request units', count: c.readUnits, usd: c.readUnits * prices.dynamoPerReadUnit },
    { what: 'SQS requests', count: sqsRequests, usd: sqsRequests * prices.sqsPerRequest },
    { what: 'S3 PUT/LIST requests', count: c.s3Puts, usd: c.s3Puts * prices.s3PerPut },
    { what: 'S3 GET requests', count: c.s3Gets, usd: c.s3Gets * prices.s3PerGet },
    { what: 'KMS Sign (RSA_2048)', count: kmsSigns, usd: kmsSigns * prices.kmsPerRsa2048Sign },
    { what: 'Secrets Manager calls', count: c.secrets, usd: c.secrets * prices.secretsManagerPerCall },
    {
      what: `CloudWatch Logs KB ingested (${logs.lines} function lines + the access log's, modelled; no START/END/REPORT)`,
      count: logBytes / 1024,
      usd: (logBytes / 1024 ** 3) * prices.logsIngestionPerGb,
    },
    { what: 'SES e-mails', count: emails, usd: emails * prices.sesPerEmail },
  ];
  const smsLine = {
    what: 'SMS brandname segments (ASSUMED 800 ₫ each)',
    count: sms,
    usd: sms * prices.smsAssumed,
  };
  const perThousand = (usd: number) => usd * 1000;
  const variable = lines.reduce((s, l) => s + l.usd, 0);
  console.table(
    [...c.invocations].map(([name, i]) => ({
      function: name,
      invocations: i.count,
      'ms total': i.ms,
      'memory MB': specOf(name).memoryMb,
      'GB-s (least of the runs)': (gbSecondsOf.get(name) ?? i.gbSeconds).toFixed(3),
    })),
  );
  console.table(Object.fromEntries(c.sqs));
  console.table(Object.fromEntries([...c.writesByKind].sort((a, b) => b[1] - a[1])));
  console.table(
    [...lines, smsLine].map((l) => ({
      what: l.what,
      'per dossier': amount(l.count),
      'US$ per 1,000 dossiers': perThousand(l.usd).toFixed(5),
    })),
  );

  // Storage a year of dossiers adds, billed every month after: the table with its index copies, PITR on the
  // base table's size, the documents. Items with a time to live (idempotency records) are counted as if kept.
  const gb = (bytes: number) => (bytes * dossiersPerYear) / 1024 ** 3;
  const tableGbPerYear = gb(tableGrowth);
  const documentsGbPerYear = gb(documentGrowth);
  const storageUsdPerYear =
    tableGbPerYear * prices.dynamoStoragePerGbMonth +
    gb(baseGrowth) * prices.dynamoPitrPerGbMonth +
    documentsGbPerYear * prices.s3StandardPerGbMonth;
  const fixed = fixedMonthlyCosts();
  const fixedTotal = fixed.filter((f) => !f.apart).reduce((s, f) => s + f.monthlyUsd, 0);
  console.table(fixed.map((f) => ({ what: f.what, count: f.count, 'US$ a month': f.monthlyUsd.toFixed(2) })));

  const trips = tripResults.map((r) => ({ ...r, ...verdictOf(r) }));
  console.table(
    trips.map((r) => ({
      route: r.route,
      calls: r.invocations,
      'AWS calls': r.calls.join(', '),
      'round trips': r.trips.join(', '),
      bar: `≤ ${r.bar}`,
      verdict: r.ok ? 'ok' : 'ABOVE',
    })),
  );

  for (const r of trips) console.log(`${r.route}: ${r.sequence.join(' ').replace(/^\| /, '')}`);

  const usd = (n: number, digits = 2) => `US$${n.toFixed(digits)}`;
  const rows: BenchRow[] = [
    {
      what: 'cost of one dossier’s life (file → route → receive → process → decide → sign → return, notifications), index writes, Idempotency-Keys and logs included, per 1,000 dossiers',
      figure: `${usd(perThousand(variable), 4)} (${((variable * 1000) / bar).toFixed(2)} of the bar)`,
      bar: `≤ US$${bar.toFixed(2)}`,
    },
    ...[...lines, smsLine]
      .filter((l) => l.count > 0)
      .map((l) => ({
        what: `… ${l.what}: ${amount(l.count)} per dossier`,
        figure: usd(perThousand(l.usd), 4),
      })),
    {
      what: `a province's month at ${dossiersPerYear.toLocaleString('en')} dossiers a year: variable (SMS apart) + fixed`,
      figure: `${usd(variable * dossiersPerMonth)} + ${usd(fixedTotal)}; SMS ${usd(smsLine.usd * dossiersPerMonth)} (ASSUMED price)`,
    },
    {
      what: 'fixed monthly cost of an idle deployment, signing keys and WAF apart',
      figure: usd(fixedTotal),
      bar: `≤ US$${fixedBar}`,
    },
    ...fixed.map((f) => ({ what: `… ${f.what}${f.apart ? ' (apart)' : ''}: ${f.count}`, figure: usd(f.monthlyUsd) })),
    {
      what: `signing keys (apart): ${usd(prices.kmsKeyPerMonth)} a month per leader's or agency's KMS key`,
      figure: `${usd(prices.kmsKeyPerMonth)} × keys`,
    },
    {
      what: `storage a year of dossiers adds (${amount(tableGrowth / 1024)} KB table with index copies, ${amount(documentGrowth / 1024)} KB documents per dossier)`,
      figure: `${tableGbPerYear.toFixed(2)} GB table + ${documentsGbPerYear.toFixed(2)} GB documents: ${usd(storageUsdPerYear)} a month more each year`,
    },
    {
      what: `sequential AWS round trips per route, worst of the lifecycle's calls (write ≤ 4, read ≤ 2): ${trips.filter((t) => !t.ok).length} of ${trips.length} routes above`,
      figure: trips.map((t) => `${t.route} ${t.worst}${t.ok ? '' : ' ✗'}`).join('; '),
      bar: 'write ≤ 4, read ≤ 2',
    },
  ];
  const unitSource =
    c.estimatedCalls === 0
      ? 'all table DynamoDB units from ReturnConsumedCapacity'
      : `table DynamoDB units from ReturnConsumedCapacity on ${c.dynamoCalls - c.estimatedCalls} of ${c.dynamoCalls} calls, from item sizes on ${c.estimatedCalls} (${[...c.estimated].map(([k, n]) => `${n} ${k}`).join(', ')}; 1 WCU/KB written, 1 RCU/4 KB read)`;
  writeResult({
    name: 'cost',
    sample:
      `One warm lifecycle after an uncounted warm-up, every write with an Idempotency-Key; Lambda GB-s per function the least of ${timingRuns} lifecycles (durations stretch on a busy machine); ${unitSource}; index write units from each written item ` +
      `(${indexes.writes} writes, at the size each index projects: keys, and the status or the published answer where one keeps them); ${c.emptyReceives} empty SQS polls of the local pollers left out of the variable cost, ` +
      `the event source mappings' idle polling counted as fixed (ASSUMED model); KMS counted as one Sign per signed result (${kmsSigns}); ` +
      `logs: ${logs.lines} JSON lines captured at INFO with EMF, no START/END/REPORT of Lambda's (JSON logs, system level WARN) and one access log line (${accessLogBytesPerRequest} B) modelled; ` +
      `SMS at an ASSUMED 800 ₫ a segment; presigned S3 downloads not counted; prices ${prices.region} of ${prices.date} (tests/bench/prices.ts).`,
    rows,
  });
} finally {
  stopObserving();
  await cloud.stop();
}
