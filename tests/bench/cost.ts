/**
 * Cost per 1,000 dossiers (docs/design.md §10): one dossier's whole life on the local cloud — filed online,
 * routed, received, processed, decided, signed, returned, with every notification — counting the AWS
 * requests it makes: API Gateway requests and Lambda invocations (timed, × the manifest's memory →
 * GB-s) at the invoker, DynamoDB/SQS/S3/KMS calls at the SDK (tests/bench/support/sdk-calls.ts),
 * priced with tests/bench/prices.ts. A first lifecycle warms every function and is not counted.
 */
import { type FunctionName, specOf } from '../../infra/manifest.ts';
import { startLocalCloud } from '../../infra/local/cloud.ts';
import { importHandler } from '../../infra/local/lambda.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';
import { prices } from './prices.ts';
import { amount, type BenchRow, writeResult } from './support/results.ts';
import { observeSdkCalls, type SdkCall } from './support/sdk-calls.ts';

const bar = 0.08;
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
  dynamoCalls: number;
  sqs: Map<string, number>;
  emptyReceives: number;
  s3Puts: number;
  s3Gets: number;
  kms: number;
  secrets: number;
}
const fresh = (): Counts => ({
  invocations: new Map(),
  apiRequests: 0,
  readUnits: 0,
  writeUnits: 0,
  estimatedCalls: 0,
  dynamoCalls: 0,
  sqs: new Map(),
  emptyReceives: 0,
  s3Puts: 0,
  s3Gets: 0,
  kms: 0,
  secrets: 0,
});
let counts = fresh();

const itemKb = (item: unknown) => Buffer.byteLength(JSON.stringify(item ?? {})) / 1024;
function countDynamo(call: SdkCall): void {
  counts.dynamoCalls++;
  const read = readCommands.has(call.command);
  const consumed = call.output?.ConsumedCapacity as
    { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
  const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
  if (consumed !== undefined && units > 0) {
    if (read) counts.readUnits += units;
    else counts.writeUnits += units;
    return;
  }
  // No ConsumedCapacity (dynalite omits it on some calls, and on failed conditional writes, which AWS still bills):
  // 1 WCU per KB written, a strongly consistent 1 RCU per 4 KB read (an upper bound for eventually consistent ones).
  counts.estimatedCalls++;
  if (read) {
    const out = call.output ?? {};
    counts.readUnits += Math.max(1, Math.ceil(itemKb(out.Item ?? out.Items ?? out.Responses) / 4));
  } else {
    counts.writeUnits += Math.max(1, Math.ceil(itemKb(call.input.Item)));
  }
}

// The local cloud's own SQS client, its pollers' (known once the cloud has started).
const poller: { sqs?: object } = {};
const stopObserving = observeSdkCalls({
  before(call) {
    if (call.service === 'dynamodb') call.input.ReturnConsumedCapacity ??= 'TOTAL';
  },
  after(call) {
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
  // Times every invocation as Lambda bills it: from handler start to its result, in whole milliseconds.
  loadHandler: async (name, spec) => {
    const handler = await importHandler(name, spec);
    return async (event, context) => {
      const started = performance.now();
      try {
        return await handler(event, context);
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
try {
  const tokens: Record<string, string> = {};
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
  const call = async (sub: string, method: string, path: string, body?: unknown) => {
    const response = await request(cloud, method, path, { token: tokens[sub], body });
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

  await lifecycle();
  counts = fresh();
  const signatures = await lifecycle();
  const c = counts;

  // The local signer makes no KMS call; in the cloud each signature is one KMS Sign.
  const kmsSigns = c.kms || signatures;
  const invocations = [...c.invocations.values()].reduce((s, i) => s + i.count, 0);
  const gbSeconds = [...c.invocations.values()].reduce((s, i) => s + i.gbSeconds, 0);
  const sqsRequests = [...c.sqs.values()].reduce((s, n) => s + n, 0);
  const lines = [
    { what: 'API Gateway HTTP API requests', count: c.apiRequests, usd: c.apiRequests * prices.httpApiPerRequest },
    { what: 'Lambda invocations', count: invocations, usd: invocations * prices.lambdaPerRequest },
    { what: 'Lambda GB-s (arm64)', count: gbSeconds, usd: gbSeconds * prices.lambdaArmPerGbSecond },
    { what: 'DynamoDB write request units', count: c.writeUnits, usd: c.writeUnits * prices.dynamoPerWriteUnit },
    { what: 'DynamoDB read request units', count: c.readUnits, usd: c.readUnits * prices.dynamoPerReadUnit },
    { what: 'SQS requests', count: sqsRequests, usd: sqsRequests * prices.sqsPerRequest },
    { what: 'S3 PUT/LIST requests', count: c.s3Puts, usd: c.s3Puts * prices.s3PerPut },
    { what: 'S3 GET requests', count: c.s3Gets, usd: c.s3Gets * prices.s3PerGet },
    { what: 'KMS Sign (RSA_2048)', count: kmsSigns, usd: kmsSigns * prices.kmsPerRsa2048Sign },
    { what: 'Secrets Manager calls', count: c.secrets, usd: c.secrets * prices.secretsManagerPerCall },
  ];
  const perThousand = (usd: number) => usd * 1000;
  const total = lines.reduce((s, l) => s + l.usd, 0);
  console.table(
    [...c.invocations].map(([name, i]) => ({
      function: name,
      invocations: i.count,
      'ms total': i.ms,
      'memory MB': specOf(name).memoryMb,
      'GB-s': i.gbSeconds.toFixed(3),
    })),
  );
  console.table(Object.fromEntries(c.sqs));
  console.table(
    lines.map((l) => ({
      what: l.what,
      'per dossier': amount(l.count),
      'US$ per 1,000 dossiers': perThousand(l.usd).toFixed(5),
    })),
  );

  const rows: BenchRow[] = [
    {
      what: 'cost of one dossier’s life (file → route → receive → process → decide → sign → return, notifications) per 1,000 dossiers',
      figure: `US$${perThousand(total).toFixed(4)} (${((total * 1000) / bar).toFixed(2)} of the bar)`,
      bar: `≤ US$${bar.toFixed(2)}`,
    },
    ...lines
      .filter((l) => l.count > 0)
      .map((l) => ({
        what: `… ${l.what}: ${amount(l.count)} per dossier`,
        figure: `US$${perThousand(l.usd).toFixed(4)}`,
      })),
  ];
  const unitSource =
    c.estimatedCalls === 0
      ? 'all DynamoDB units from ReturnConsumedCapacity'
      : `DynamoDB units from ReturnConsumedCapacity on ${c.dynamoCalls - c.estimatedCalls} of ${c.dynamoCalls} calls, from item sizes on ${c.estimatedCalls} (1 WCU/KB written, 1 RCU/4 KB read)`;
  writeResult({
    name: 'cost',
    sample:
      `One warm lifecycle after an uncounted warm-up; ${unitSource}; ${c.emptyReceives} empty SQS polls of the local pollers left out ` +
      `(fixed cost of Lambda's event source mappings); KMS counted as one Sign per signed result (${kmsSigns}); ` +
      `SES e-mail, the SMS gateway, presigned S3 downloads, CloudWatch and the scheduled sweep-outbox are not counted; prices ${prices.region} of ${prices.date} (tests/bench/prices.ts).`,
    rows,
  });
} finally {
  stopObserving();
  await cloud.stop();
}
