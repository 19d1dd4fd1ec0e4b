/**
 * Poppler's command-line tools (poppler-utils): the tests that read a PDF's text, signatures or QR code
 * run them, and fail, naming the missing tool and how to install it, on a machine without them
 * (`.ci/run` installs them). A check that cannot run must not pass.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class MissingToolError extends Error {
  constructor(tool: string) {
    super(
      `${tool} is not installed: the tests that read PDFs need poppler-utils (apt-get install poppler-utils; macOS: brew install poppler)`,
    );
    this.name = 'MissingToolError';
  }
}

const isMissing = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ENOENT';

/** Runs one of poppler's tools; a tool not on PATH throws MissingToolError. */
export function poppler(tool: string, args: readonly string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    throw isMissing(error) ? new MissingToolError(tool) : error;
  }
}

/** Writes the bytes to a fresh temporary file, for the tools that read a file. */
export const fileOf = (bytes: Uint8Array, name = 'document.pdf'): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), name);
  writeFileSync(file, bytes);
  return file;
};

/** The PDF's text (NFC). */
export const pdfText = (bytes: Uint8Array): string =>
  poppler('pdftotext', ['-enc', 'UTF-8', fileOf(bytes), '-']).normalize('NFC');

/** What `pdfsig` says of the PDF's signatures. */
export function pdfSignatures(bytes: Uint8Array): string {
  try {
    return poppler('pdfsig', [fileOf(bytes)]);
  } catch (error) {
    if (error instanceof MissingToolError) throw error;
    // pdfsig exits non-zero when the certificate's issuer is not in its trust store.
    return String((error as { stdout?: string }).stdout ?? '');
  }
}
