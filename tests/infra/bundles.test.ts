/**
 * The one infra test that bundles: every manifest function with exactly the esbuild options and the
 * after-bundling commands `NodejsFunction` uses (infra/stacks/platform-function.ts), each bundle written
 * to a temp dir, weighed, then imported in this process as Lambda would load it: it must export a
 * `handler` function. It holds for any handler module, placeholder or real. No bundle carries the
 * manifest, nor anything else of infra/ but the bundling substitutes: a function reads its own entry
 * from its environment (FUNCTION_SETTINGS, infra/function-settings.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionSettingsEnvironment } from '../../infra/function-settings.ts';
import { type FunctionName, functionNames, specOf } from '../../infra/manifest.ts';
import { baseEnvironment, filesBesideBundle, repoRoot } from '../../infra/stacks/platform-function.ts';
import { bundleFunction } from '../support/function-bundle.ts';

/**
 * The cold-start bar on size (docs/design.md §10): the JavaScript a function parses at init. Bytes do
 * not depend on the machine, so the bar holds here; init time is measured by tests/bench (cold-start).
 */
const maxBundleBytes = 600 * 1024;

/** What the deployed functions find in their environment, with local stand-ins for the resources. */
const lambdaEnvironment: Record<string, string> = {
  ...baseEnvironment,
  POWERTOOLS_LOG_LEVEL: 'WARN',
  PROVINCE_CODE: '24',
  TABLE_NAME: 'egov-bundle-test',
  PUBLIC_URL: 'https://egov.example.vn',
  DOCUMENTS_BUCKET: 'egov-bundle-test-documents',
  EVENT_QUEUES: '{}',
  AWS_REGION: 'ap-southeast-1',
  AWS_DEFAULT_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_LAMBDA_FUNCTION_NAME: 'egov-bundle-test',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
  // Each Lambda holds its own entry; this one process loads them all.
  ...functionSettingsEnvironment(),
};
// Node options are for the Lambda process, not this one.
delete lambdaEnvironment.NODE_OPTIONS;

/**
 * Loads a bundle with Node's own ESM loader, as the Lambda runtime loads `index.mjs`: `require` of an
 * ES module (Node ≥ 22) bypasses vitest's module transform, which would re-parse ~1 MB per bundle and
 * is not what runs in Lambda. A bundle with top-level await cannot be required: that one is imported.
 */
const nativeRequire = createRequire(import.meta.url);
async function load(file: string): Promise<Record<string, unknown>> {
  try {
    return nativeRequire(file) as Record<string, unknown>;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }
}

const outdir = mkdtempSync(path.join(tmpdir(), 'egov-bundles-'));
const dirOf = (name: FunctionName) => path.join(outdir, name);
const bundleOf = (name: FunctionName) => path.join(dirOf(name), 'index.mjs');
const saved: Record<string, string | undefined> = {};
const inputsOf = new Map<FunctionName, string[]>();

describe('function bundles', () => {
  beforeAll(async () => {
    await Promise.all(
      functionNames.map(async (name) => {
        const { inputs } = await bundleFunction(path.join(repoRoot, specOf(name).entry), dirOf(name));
        inputsOf.set(name, inputs);
      }),
    );
    for (const [key, value] of Object.entries(lambdaEnvironment)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    // Bundling every function shares two cores with the other test files: minutes, not a limit on anything.
  });

  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(outdir, { recursive: true, force: true });
  });

  it.each(functionNames)('%s: bundles, stays within the bar, loads and exports a handler', async (name) => {
    const file = bundleOf(name);
    const bytes = statSync(file).size;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes, `${name} bundle: ${(bytes / 1024).toFixed(0)} KB`).toBeLessThanOrEqual(maxBundleBytes);
    expect(statSync(`${file}.map`).size).toBeGreaterThan(0);
    // What it runs, not the platform's description: no manifest (every function's routes and grants).
    const infra = (inputsOf.get(name) ?? []).filter((input) => input.startsWith('infra/'));
    expect(inputsOf.get(name)?.length).toBeGreaterThan(0);
    expect(infra.filter((input) => !input.startsWith('infra/bundling/'))).toEqual([]);
    // A bundle that reads the fonts finds them beside itself, as in its Lambda asset.
    const readsFonts = readFileSync(file, 'utf8').includes(filesBesideBundle.marker);
    for (const beside of filesBesideBundle.files) {
      expect(existsSync(path.join(dirOf(name), path.basename(beside))), `${name}: ${beside}`).toBe(readsFonts);
    }
    const module = await load(file);
    expect(typeof module.handler).toBe('function');
  });
});
