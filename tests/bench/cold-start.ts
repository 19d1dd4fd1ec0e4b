/**
 * Cold start (docs/design.md §10): every manifest function bundled exactly as `NodejsFunction` bundles it
 * (the options and the after-bundling commands of infra/stacks/platform-function.ts), weighed, and its
 * start timed in a fresh Node process, against a baseline function that only constructs a DynamoDB
 * client, bundled the same way in the same run. Rounds interleave the functions so a load spike hits
 * them all alike.
 *
 * As deployed: every process runs with the functions' NODE_OPTIONS (`--enable-source-maps`, so the
 * source map is read and parsed at init, the baseline's too). What is timed is the `import()` of the
 * bundle followed by the builds it defers to its first invocation (shared/first-use.ts: SDK clients made
 * on first use, the PDF fonts read from their files): the probe runs them through the hook that module
 * leaves on `globalThis`, so moving work from init to the first request does not count as a faster
 * start. The handler itself is not invoked: no event reaches the same depth in every function without
 * the network, and a first request's AWS round trip is not start-up. What a library builds lazily
 * outside shared/first-use.ts (Powertools' Secrets Manager client, the event publisher's SQS client) is
 * not counted: constructing an SQS client took ~4 ms on the bench machine.
 *
 * The baseline is bundled with the same substitutes (infra/bundling/substitutes.ts): without the SDK's
 * default credential chain it went from 322 to 190 KB and starts ~40 % faster, so each function's ratio
 * is to that lighter start.
 *
 * The bundle weighed is `index.mjs`, the JavaScript parsed at init; the files beside it (fonts) are
 * read on first use and shown apart.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { functionSettingsEnvironment } from '../../infra/function-settings.ts';
import { type FunctionName, functionNames, specOf } from '../../infra/manifest.ts';
import { baseEnvironment, esbuildOptions, repoRoot } from '../../infra/stacks/platform-function.ts';
import { firstUseHook } from '../../shared/first-use.ts';
import { bundleFunction } from '../support/function-bundle.ts';
import { median } from './support/load.ts';
import { amount, type BenchRow, ratio, writeResult } from './support/results.ts';

const runs = Number(process.env.BENCH_INIT_RUNS ?? 3);
const maxBytes = 600 * 1024;
const maxInitRatio = 1.3;
const baseline = 'baseline (DynamoDB client only)';
/** For context only: the baseline as it was bundled before the credential substitute (infra/bundling). */
const chainBaseline = 'baseline with the SDK default credential chain';

/** What a deployed function finds in its environment, local stand-ins for the resources (as tests/infra/bundles.test.ts). */
const lambdaEnvironment: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  ...baseEnvironment,
  POWERTOOLS_LOG_LEVEL: 'WARN',
  PROVINCE_CODE: '24',
  TABLE_NAME: 'egov-bench',
  PUBLIC_URL: 'https://egov.example.vn',
  DOCUMENTS_BUCKET: 'egov-bench-documents',
  EVENT_QUEUES: '{}',
  AWS_REGION: 'ap-southeast-1',
  AWS_DEFAULT_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_LAMBDA_FUNCTION_NAME: 'egov-bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
};

const outdir = mkdtempSync(path.join(tmpdir(), 'egov-cold-start-'));
try {
  const entries: [string, string][] = [
    [baseline, path.join(repoRoot, 'tests/bench/support/baseline-handler.ts')],
    [chainBaseline, path.join(repoRoot, 'tests/bench/support/baseline-handler.ts')],
    ...functionNames.map((name): [string, string] => [name, path.join(repoRoot, specOf(name).entry)]),
  ];
  const dirOf = (name: string) => path.join(outdir, name.replace(/\W+/g, '-'));
  const bundleOf = (name: string) => path.join(dirOf(name), 'index.mjs');
  // Two at a time: the machine has few cores and other work on them.
  for (let i = 0; i < entries.length; i += 2) {
    await Promise.all(
      entries.slice(i, i + 2).map(([name, entry]) => {
        if (name !== chainBaseline) return bundleFunction(entry, dirOf(name));
        const options = esbuildOptions(entry, bundleOf(name));
        const { '@aws-sdk/credential-provider-node': _, ...alias } = options.alias ?? {};
        return build({ ...options, alias });
      }),
    );
  }

  // Module init and the first-use builds, in a process that has done nothing else.
  const probe = [
    'const t = performance.now();',
    'await import(process.argv[1]);',
    `await globalThis[Symbol.for(${JSON.stringify(firstUseHook.description)})]?.();`,
    'process.stdout.write(String(performance.now() - t));',
  ].join(' ');
  const initMs = new Map<string, number[]>(entries.map(([name]) => [name, []]));
  /** Each function's init over the baseline's imported just before it: the pair sees the same load on the machine. */
  const pairedRatios = new Map<string, number[]>(entries.map(([name]) => [name, []]));
  const initOf = (name: string): number =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', probe, pathToFileURL(bundleOf(name)).href], {
        // A function's own settings, as its Lambda's environment holds them (infra/function-settings.ts).
        env: (functionNames as string[]).includes(name)
          ? { ...lambdaEnvironment, ...functionSettingsEnvironment([[name, specOf(name as FunctionName)]]) }
          : lambdaEnvironment,
        encoding: 'utf8',
      }),
    );
  for (let round = 0; round < runs; round++) {
    for (const [name] of entries) {
      if (name === baseline) continue;
      const before = initOf(baseline);
      const ms = initOf(name);
      initMs.get(baseline)?.push(before);
      initMs.get(name)?.push(ms);
      pairedRatios.get(name)?.push(ms / before);
    }
  }

  const measured = entries.map(([name]) => ({
    name,
    kb: statSync(bundleOf(name)).size / 1024,
    besideKb:
      readdirSync(dirOf(name))
        .filter((file) => !file.startsWith('index.mjs'))
        .reduce((sum, file) => sum + statSync(path.join(dirOf(name), file)).size, 0) / 1024,
    initMs: median(initMs.get(name) ?? []),
  }));
  const base = measured[0] ?? { name: baseline, kb: 0, besideKb: 0, initMs: Number.NaN };
  const chainBase = measured[1] ?? { name: chainBaseline, kb: 0, besideKb: 0, initMs: Number.NaN };
  const functions = measured.slice(2).map((m) => ({ ...m, ratio: median(pairedRatios.get(m.name) ?? []) }));
  console.table(
    [base, chainBase, ...functions].map((m) => ({
      function: m.name,
      KB: Math.round(m.kb),
      'KB beside': Math.round(m.besideKb) || '',
      'init ms': m.initMs.toFixed(1),
      ratio: 'ratio' in m ? ratio(m.ratio as number) : '',
    })),
  );

  const biggest = functions.reduce((a, b) => (b.kb > a.kb ? b : a));
  const smallest = functions.reduce((a, b) => (b.kb < a.kb ? b : a));
  const slowest = functions.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const fastest = functions.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  const rows: BenchRow[] = [
    {
      what: 'function bundles: smallest … biggest (index.mjs: minified ESM, AWS SDK bundled)',
      figure: `${amount(Number(smallest.kb.toFixed(1)))} KB (${smallest.name}) … ${Math.round(biggest.kb)} KB (${biggest.name}); ${functions.filter((f) => f.kb * 1024 > maxBytes).length} of ${functions.length} above the bar`,
      bar: '≤ 600 KB',
    },
    {
      what: 'module init and first-use builds over the baseline, source maps on: fastest … slowest',
      figure: `${ratio(fastest.ratio)} (${fastest.name}) … ${ratio(slowest.ratio)} (${slowest.name}); ${functions.filter((f) => f.ratio > maxInitRatio).length} of ${functions.length} above the bar`,
      bar: `≤ ×${maxInitRatio}`,
    },
    {
      what: 'function bundles and module init ratio, median over the functions',
      figure: `${Math.round(median(functions.map((f) => f.kb)))} KB, ${ratio(median(functions.map((f) => f.ratio)))}`,
    },
    {
      what: 'for context, over a baseline bundled with the SDK default credential chain (the Lambda-only substitute left out of it alone): functions above ×1.3, median; that baseline',
      figure: `${functions.filter((f) => f.initMs / chainBase.initMs > maxInitRatio).length} of ${functions.length}, ${ratio(median(functions.map((f) => f.initMs / chainBase.initMs)))}; ${Math.round(chainBase.kb)} KB, ${chainBase.initMs.toFixed(1)} ms`,
    },
    {
      what: 'the baseline: bundle and module init',
      figure: `${Math.round(base.kb)} KB, ${base.initMs.toFixed(1)} ms`,
    },
  ];
  writeResult({
    name: 'cold-start',
    sample: `${functions.length} functions and the baseline, each imported (with its first-use builds, NODE_OPTIONS=${baseEnvironment.NODE_OPTIONS}) in ${runs} fresh Node ${process.version} processes (median), interleaved by round, each right after an import of the baseline: a function's ratio is the median of its ${runs} ratios to that baseline import, so both see the same load; files beside a bundle (fonts) not counted in its KB.`,
    rows,
  });
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
