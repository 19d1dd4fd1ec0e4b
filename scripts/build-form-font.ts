/**
 * Builds shared/documents/fonts/DejaVuSans-vi.ttf and DejaVuSans-Bold-vi.ttf: DejaVu Sans (regular
 * and bold) cut down to the characters Vietnamese forms use (formCharacters of
 * shared/documents/fonts/form-font.ts). They are files, not base64 inside the bundles: each function
 * that renders a PDF gets them beside its `index.mjs` (infra/stacks/platform-function.ts) and reads
 * them on first use. Run after upgrading dejavu-fonts-ttf: npx tsx scripts/build-form-font.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formCharacters, formFontFiles } from '../shared/documents/fonts/form-font.ts';

const require = createRequire(import.meta.url);
const subsetFont = require('subset-font') as (
  font: Buffer,
  text: string,
  options: { targetFormat: 'truetype' },
) => Promise<Buffer>;

const fontDir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
const regular = await subsetFont(readFileSync(`${fontDir}DejaVuSans.ttf`), formCharacters, {
  targetFormat: 'truetype',
});
const bold = await subsetFont(readFileSync(`${fontDir}DejaVuSans-Bold.ttf`), formCharacters, {
  targetFormat: 'truetype',
});

const fonts = new URL('../shared/documents/fonts/', import.meta.url);
writeFileSync(new URL(formFontFiles.regular, fonts), regular);
writeFileSync(new URL(formFontFiles.bold, fonts), bold);
console.log(`regular ${regular.length} bytes, bold ${bold.length} bytes`);
