import type { AllowedContentType } from './document.ts';

/** Bytes {@link sniffContentType} needs from the start of a file. */
export const sniffBytes = 8;

const signatures: readonly [AllowedContentType, readonly number[]][] = [
  // %PDF-
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  // SOI marker followed by the start of another marker
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  // \x89PNG\r\n\x1a\n
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The allowed type whose magic bytes start `head`, or undefined: a name or a declared type proves nothing. */
export function sniffContentType(head: Uint8Array): AllowedContentType | undefined {
  return signatures.find(([, magic]) => magic.every((byte, i) => head[i] === byte))?.[0];
}
