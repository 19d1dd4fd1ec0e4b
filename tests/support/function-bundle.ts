/**
 * One function bundled as `NodejsFunction` bundles it (infra/stacks/platform-function.ts): esbuild with
 * the same options, then the same after-bundling commands (the files a bundle reads beside itself).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { afterBundling, esbuildOptions, repoRoot } from '../../infra/stacks/platform-function.ts';

/**
 * Bundles `entry` (absolute) into `outdir` as `index.mjs` and its map, with the files beside it. Returns
 * the bundle's inputs (paths from the repository root, as esbuild's metafile names them).
 */
export async function bundleFunction(entry: string, outdir: string): Promise<{ inputs: string[] }> {
  const { metafile } = await build({ ...esbuildOptions(entry, path.join(outdir, 'index.mjs')), metafile: true });
  for (const command of afterBundling(repoRoot, outdir)) execFileSync('bash', ['-c', command], { cwd: repoRoot });
  return { inputs: Object.keys(metafile.inputs) };
}
