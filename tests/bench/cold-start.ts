/**
 * Cold start (docs/design.md §10): every manifest function bundled exactly as `NodejsFunction` bundles it
 * (the options of infra/stacks/platform-function.ts), weighed, and its module init timed in a fresh
 * Node process, against a baseline function that only constructs a DynamoDB client, bundled the same
 * way in the same run. Rounds interleave the functions so a load spike hits them all alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { functionNames, specOf } from '../../infra/manifest.ts';
import { baseEnvironment, esbuildOptions, repoRoot } from '../../infra/stacks/platform-function.ts';
import { median } from './support/load.ts';
import { amount, type BenchRow, ratio, writeResult } from './support/results.ts';

const runs = Number(process.env.BENCH_INIT_RUNS ?? 3);
const maxBytes = 600 * 1024;
const maxInitRatio = 1.3;
const baseline = 'baseline (DynamoDB client only)';

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
// Source maps are for the Lambda runtime's stack traces; the baseline does not pay for them either.
delete lambdaEnvironment.NODE_OPTIONS;

const outdir = mkdtempSync(path.join(tmpdir(), 'egov-cold-start-'));
try {
  const entries: [string, string][] = [
    [baseline, path.join(repoRoot, 'tests/bench/support/baseline-handler.ts')],
    ...functionNames.map((name): [string, string] => [name, path.join(repoRoot, specOf(name).entry)]),
  ];
  const bundleOf = (name: string) => path.join(outdir, name.replace(/\W+/g, '-'), 'index.mjs');
  // Two at a time: the machine has few cores and other work on them.
  for (let i = 0; i < entries.length; i += 2) {
    await Promise.all(entries.slice(i, i + 2).map(([name, entry]) => build(esbuildOptions(entry, bundleOf(name)))));
  }

  // Module init: the time `import()` of the bundle takes in a process that has done nothing else.
  const probe =
    'const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));';
  const initMs = new Map<string, number[]>(entries.map(([name]) => [name, []]));
  for (let round = 0; round < runs; round++) {
    for (const [name] of entries) {
      const out = execFileSync(
        process.execPath,
        ['--input-type=module', '-e', probe, pathToFileURL(bundleOf(name)).href],
        {
          env: lambdaEnvironment,
          encoding: 'utf8',
        },
      );
      initMs.get(name)?.push(Number(out));
    }
  }

  const measured = entries.map(([name]) => ({
    name,
    kb: statSync(bundleOf(name)).size / 1024,
    initMs: median(initMs.get(name) ?? []),
  }));
  const base = measured[0] ?? { name: baseline, kb: 0, initMs: Number.NaN };
  const functions = measured.slice(1).map((m) => ({ ...m, ratio: m.initMs / base.initMs }));
  console.table(
    [base, ...functions].map((m) => ({
      function: m.name,
      KB: Math.round(m.kb),
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
      what: 'function bundles: smallest … biggest (minified ESM, AWS SDK bundled)',
      figure: `${amount(Number(smallest.kb.toFixed(1)))} KB (${smallest.name}) … ${Math.round(biggest.kb)} KB (${biggest.name}); ${functions.filter((f) => f.kb * 1024 > maxBytes).length} of ${functions.length} above the bar`,
      bar: '≤ 600 KB',
    },
    {
      what: 'module init over the baseline: fastest … slowest',
      figure: `${ratio(fastest.ratio)} (${fastest.name}) … ${ratio(slowest.ratio)} (${slowest.name}); ${functions.filter((f) => f.ratio > maxInitRatio).length} of ${functions.length} above the bar`,
      bar: `≤ ×${maxInitRatio}`,
    },
    {
      what: 'function bundles and module init ratio, median over the functions',
      figure: `${Math.round(median(functions.map((f) => f.kb)))} KB, ${ratio(median(functions.map((f) => f.ratio)))}`,
    },
    {
      what: 'the baseline: bundle and module init',
      figure: `${Math.round(base.kb)} KB, ${base.initMs.toFixed(1)} ms`,
    },
  ];
  writeResult({
    name: 'cold-start',
    sample: `${functions.length} functions and the baseline, each imported in ${runs} fresh Node ${process.version} processes (median), interleaved by round.`,
    rows,
  });
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
