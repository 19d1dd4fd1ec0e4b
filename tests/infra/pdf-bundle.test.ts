/**
 * The PDFs as the deployed functions make them: an entry doing what `sign` does (render a result
 * document, sign it, verify it) bundled with the functions' bundling (infra/stacks/platform-function.ts),
 * so with the fonts read from beside the bundle. The other tests run the same code from source.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../infra/bundling/lambda-credentials.ts';
import { filesBesideBundle, repoRoot } from '../../infra/stacks/platform-function.ts';
import { bundleFunction } from '../support/function-bundle.ts';
import type * as EntryModule from '../support/pdf-bundle-entry.ts';
import { pdfSignatures, pdfText } from '../support/pdf.ts';

type Entry = typeof EntryModule;

const outdir = mkdtempSync(path.join(tmpdir(), 'egov-pdf-bundle-'));
let entry: Entry;

describe('a PDF made and signed by a function bundle', () => {
  beforeAll(async () => {
    await bundleFunction(path.join(repoRoot, 'tests/support/pdf-bundle-entry.ts'), outdir);
    entry = (await import(path.join(outdir, 'index.mjs'))) as Entry;
  });

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('reads the fonts from beside the bundle, writes Vietnamese text and a signature that verifies', async () => {
    for (const file of filesBesideBundle.files) expect(existsSync(path.join(outdir, path.basename(file)))).toBe(true);
    const { signed, report } = await entry.renderSignVerify();
    expect(report).toMatchObject({
      valid: true,
      signer: { name: 'Trần Văn Hùng' },
      dossierCode: '24.07210-260302-0001',
    });
    const text = pdfText(signed);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Nguyễn Văn An');
    expect(pdfSignatures(signed)).toMatch(/Signature Validation: Signature is Valid/);
  });
});

describe('the credentials substitute (infra/bundling/lambda-credentials.ts)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('gives a Lambda function the credentials of its role from the environment, and nothing without them', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'token');
    await expect(defaultProvider()()).resolves.toEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    await expect(defaultProvider()()).rejects.toThrow(/No credentials in the environment/);
  });
});
