/**
 * SMS text rules (docs/domain.md "Notifications"): Vietnamese with diacritics needs UCS-2, 70 characters a
 * segment (67 when concatenated); stripped of diacritics it fits the GSM 7-bit alphabet, 160 (153).
 * Whether to keep diacritics is configurable; either way the text is kept within a few segments.
 * Pure: no I/O.
 */
export type SmsDiacritics = 'keep' | 'strip';
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsText {
  text: string;
  encoding: SmsEncoding;
  segments: number;
}

// GSM 03.38 basic character set (the extension table's characters count double and are avoided).
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** "Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan". */
export function stripDiacritics(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

export const isGsm7 = (text: string): boolean => [...text].every((c) => gsmBasic.has(c));

export function segmentsOf(text: string, encoding: SmsEncoding): number {
  const length = [...text].length;
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  return length <= single ? 1 : Math.ceil(length / multi);
}

/**
 * The text an SMS carries: diacritics kept (UCS-2) or stripped (GSM-7, when every character then
 * fits), cut with "..." to at most `maxSegments` segments.
 */
export function composeSms(text: string, diacritics: SmsDiacritics, maxSegments: number): SmsText {
  const candidate = diacritics === 'strip' ? stripDiacritics(text) : text;
  const encoding: SmsEncoding = isGsm7(candidate) ? 'GSM-7' : 'UCS-2';
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  const limit = maxSegments <= 1 ? single : multi * maxSegments;
  const chars = [...candidate];
  const fitted =
    chars.length <= limit
      ? candidate
      : `${chars
          .slice(0, limit - 3)
          .join('')
          .trimEnd()}...`;
  return { text: fitted, encoding, segments: segmentsOf(fitted, encoding) };
}
