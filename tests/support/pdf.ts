/**
 * Poppler's command-line tools (poppler-utils), when the machine has them: `.ci/run` installs them;
 * a laptop without them skips the checks that read a PDF's text or signature.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const fileOf = (bytes: Uint8Array): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'document.pdf');
  writeFileSync(file, bytes);
  return file;
};

/** The PDF's text (NFC), or undefined without poppler. */
export const pdfText = hasPoppler
  ? (bytes: Uint8Array): string =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', fileOf(bytes), '-'], { encoding: 'utf8' }).normalize('NFC')
  : undefined;

/** What `pdfsig` says of the PDF's signatures, or undefined without poppler. */
export const pdfSignatures = hasPoppler
  ? (bytes: Uint8Array): string => {
      try {
        return execFileSync('pdfsig', [fileOf(bytes)], { encoding: 'utf8' });
      } catch (error) {
        // pdfsig exits non-zero when the certificate's issuer is not in its trust store.
        return String((error as { stdout?: string }).stdout ?? '');
      }
    }
  : undefined;
