/**
 * `npm run bench`: runs every benchmark file of tests/bench (`*.ts` but this runner and the price
 * table), one after the other, each in its own process so one's emulators and caches never skew
 * another's figures; then puts every figure they wrote to `.bench/` into README.md's "Measured"
 * section, between `<!-- bench:start -->` and `<!-- bench:end -->`. `npm run bench -- cost` runs
 * only the files whose name contains `cost`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, resultsDir } from './support/results.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const notBenchmarks = new Set(['run.ts', 'prices.ts']);
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !notBenchmarks.has(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
const started = performance.now();
const results: BenchResult[] = [];
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const name = file.replace(/\.ts$/, '');
  const output = path.join(resultsDir, `${name}.json`);
  rmSync(output, { force: true });
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${here}${file}`], { stdio: 'inherit' });
  console.log(`◀ ${file}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  if (run.status !== 0) failed++;
  else if (existsSync(output)) results.push(JSON.parse(readFileSync(output, 'utf8')) as BenchResult);
}
console.log(`\nAll benchmarks: ${((performance.now() - started) / 1000).toFixed(0)} s`);

if (results.length > 0) writeReadme(results);
process.exit(failed === 0 ? 0 : 1);

/** Replaces the rows of the benchmarks that ran; rows of the others, from an earlier run, stay. */
function writeReadme(fresh: BenchResult[]): void {
  const readme = path.resolve(here, '../../README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    console.warn(`README.md has no ${start} … ${end} markers: not updated`);
    return;
  }
  const all = new Map<string, BenchResult>();
  for (const file of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
    if (!file.endsWith('.json')) continue;
    const result = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as BenchResult;
    all.set(result.name, result);
  }
  for (const result of fresh) all.set(result.name, result);
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    '| what | figure | bar (docs/design.md §10) | command, date, machine |',
    '|---|---|---|---|',
    ...[...all.values()].flatMap((r) =>
      r.rows.map(
        (row) =>
          `| ${cell(row.what)} | ${cell(row.figure)} | ${cell(row.bar ?? '')} | \`${r.command}\`, ${r.date}, ${cell(r.machine.replace(/ \(.*\)$/, ''))} |`,
      ),
    ),
    '',
    'Samples:',
    '',
    ...[...all.values()].map((r) => `- \`${r.name}\` (${r.machine}, Node ${r.node ?? '?'}): ${cell(r.sample)}`),
  ];
  writeFileSync(readme, `${text.slice(0, from + start.length)}\n${lines.join('\n')}\n${text.slice(to)}`);
  console.log(`README.md: ${all.size} benchmark(s) written between the bench markers`);
}
