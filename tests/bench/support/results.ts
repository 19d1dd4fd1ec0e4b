/**
 * What a benchmark hands the runner: its rows, written to `.bench/<name>.json` (git-ignored), so
 * `npm run bench` can put every figure into README.md with the command and machine that produced it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchRow {
  what: string;
  figure: string;
  /** The docs/design.md §10 bar this figure answers, if any. */
  bar?: string;
}

export interface BenchResult {
  name: string;
  command: string;
  /** Sample sizes and method, printed under the table. */
  sample: string;
  date: string;
  machine: string;
  node?: string;
  rows: BenchRow[];
}

export const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.bench');

export const machine = (): string => `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;

export function writeResult(result: Omit<BenchResult, 'date' | 'machine' | 'node' | 'command'>): void {
  const full: BenchResult = {
    ...result,
    command: `npm run bench -- ${result.name}`,
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    node: process.version,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `${result.name}.json`), `${JSON.stringify(full, null, 2)}\n`);
  console.table(full.rows);
  console.log(full.sample);
}

/** A count as people read it: `98.5`, `4.301`, `14`. */
export const amount = (value: number): string => String(Number(value.toFixed(3)));

/** `×0.42`, the way every ratio is printed. */
export const ratio = (value: number, digits = 2): string => `×${value.toFixed(digits)}`;
