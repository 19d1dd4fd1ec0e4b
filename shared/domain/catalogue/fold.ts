/**
 * Vietnamese text as search compares it: lower case, without tone or vowel marks, `đ` as `d`,
 * runs of white space as one space. So "Đăng  ký KHAI SINH", "dang ky khai sinh" and
 * "đăng ký khai sinh" all fold to "dang ky khai sinh".
 */
export function foldVietnamese(text: string): string {
  return (
    text
      // NFD splits "ặ" into "a" + breve + dot below; the marks are then dropped. Đ/đ is a letter of
      // its own (no decomposition), so it is mapped by hand.
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The words of a folded query, each to be found in a folded name. */
export const queryWords = (query: string): string[] => foldVietnamese(query).split(' ').filter(Boolean);
