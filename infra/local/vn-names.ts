/**
 * Fictional Vietnamese names for the generated staff of the demo province: deterministic (the same
 * subject always gets the same name, so tokens, rosters and forms stay stable across runs), built from
 * common family, middle and given names. Personal data is invented; any likeness is chance.
 */
const familyNames = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đào',
  'Đinh',
  'Mai',
  'Trịnh',
] as const;
const middleNames = {
  female: ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Phương', 'Thùy', 'Hồng'],
  male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân', 'Thành'],
} as const;
const givenNames = {
  female: [
    'Hương',
    'Lan',
    'Linh',
    'Trang',
    'Hà',
    'Ngân',
    'Thảo',
    'Yến',
    'Dung',
    'Huyền',
    'Nhung',
    'Oanh',
    'Quyên',
    'Vân',
  ],
  male: [
    'Dũng',
    'Hải',
    'Hưng',
    'Khánh',
    'Long',
    'Phúc',
    'Quân',
    'Thắng',
    'Toàn',
    'Trung',
    'Việt',
    'Bảo',
    'Cường',
    'Đạt',
  ],
} as const;

/** FNV-1a, 32 bits: a stable spread of the subject over the lists (not a secret, not a security hash). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A fictional full name ("Phạm Thu Trang") for `seed`, always the same for the same seed. */
export function vietnameseName(seed: string): string {
  const hash = fnv1a(seed);
  const sex = hash & 1 ? 'female' : 'male';
  const family = familyNames[(hash >>> 1) % familyNames.length];
  const middle = middleNames[sex][(hash >>> 6) % middleNames[sex].length];
  const given = givenNames[sex][(hash >>> 10) % givenNames[sex].length];
  return `${family} ${middle} ${given}`;
}
