/**
 * DejaVu Sans, regular and bold, cut down to the characters Vietnamese forms use (built by
 * scripts/build-form-font.ts from the dejavu-fonts-ttf package). Licence: LICENSE-DejaVu.txt beside
 * them (Bitstream Vera / DejaVu changes public domain).
 *
 * The fonts are files beside this module, read on first use: inlined as base64 they were 129 KB of
 * every PDF-rendering bundle, parsed at each cold start. The same relative path holds from the
 * source (this directory) and from a bundle (infra/stacks/platform-function.ts copies the files
 * beside `index.mjs`, whose `import.meta.url` this becomes).
 */
import { readFileSync } from 'node:fs';
import { firstUse } from '../../first-use.ts';

/** The font files, as a bundle finds them beside itself. */
export const formFontFiles = { regular: 'DejaVuSans-vi.ttf', bold: 'DejaVuSans-Bold-vi.ttf' } as const;

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

/** The characters the subset covers: Basic Latin, Latin-1, the Vietnamese letters of Latin Extended-A/B and Latin Extended Additional, punctuation. */
export const formCharacters = [
  range(0x20, 0x7e),
  range(0xa0, 0xff),
  'ĂăĐđĨĩŨũƠơƯư',
  range(0x300, 0x303),
  '\u0309\u0323',
  range(0x1ea0, 0x1ef9),
  '–—‘’“”…•№€₫',
].join('');

const read = (file: string): Buffer => readFileSync(new URL(`./${file}`, import.meta.url));

/** Both fonts' bytes, read once per process. */
export const formFonts = firstUse(() => ({ regular: read(formFontFiles.regular), bold: read(formFontFiles.bold) }));
