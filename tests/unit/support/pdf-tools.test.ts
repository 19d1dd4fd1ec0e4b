import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfSignatures, pdfText } from '../../support/pdf.ts';
import { pdfQrCode } from '../../support/qr.ts';

/** Any bytes: the tools are never reached. */
const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');

describe('the PDF checks on a machine without poppler-utils', () => {
  const path = process.env.PATH;
  beforeEach(() => {
    // A PATH with nothing on it: as on a machine where poppler-utils was never installed.
    process.env.PATH = mkdtempSync(join(tmpdir(), 'no-poppler-'));
  });
  afterEach(() => {
    process.env.PATH = path;
  });

  it('fail, naming the missing tool and how to install it, instead of passing', () => {
    expect(() => pdfText(pdf)).toThrow(/^pdftotext is not installed: .*apt-get install poppler-utils/);
    expect(() => pdfSignatures(pdf)).toThrow(/^pdfsig is not installed: .*apt-get install poppler-utils/);
    expect(() => pdfQrCode(pdf)).toThrow(/^pdftoppm is not installed: .*apt-get install poppler-utils/);
  });
});
