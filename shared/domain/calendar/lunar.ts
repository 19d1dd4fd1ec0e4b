/**
 * The Vietnamese lunisolar calendar (âm lịch), as the state uses it to fix Tết Nguyên đán and Giỗ Tổ
 * Hùng Vương (Bộ luật Lao động 2019, điều 112): Hồ Ngọc Đức's algorithm ("Thuật toán tính âm lịch",
 * after Jean Meeus, "Astronomical Algorithms") computed at UTC+7, the Vietnamese legal time. The
 * time zone is what makes it Vietnamese: at UTC+8 the same astronomy gives the Chinese calendar,
 * which differs in some years (Tết 1985 is 21/1 in Việt Nam, 20/2 in China; Tết 2007 is 17/2 in
 * Việt Nam, 18/2 in China).
 *
 * Why our own code rather than a package: of the npm packages that claim it, `@dqcai/vn-lunar` ships
 * only obfuscated JavaScript (it cannot be reviewed), and `amlich` (0.0.2) and
 * `vietnamese-lunar-calendar` (0.0.6) are single unmaintained 0.0.x releases, untyped, that wrap the
 * same published algorithm. The algorithm is short and public; it is checked in
 * tests/unit/calendar/lunar.test.ts against the published Tết dates 1985–2030.
 *
 * Pure arithmetic on Julian day numbers; valid roughly 1800–2199 (the precision of the series).
 */

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day number of 1970-01-01 (the epoch of the `vnDayNumber` day numbers). */
const JDN_UNIX_EPOCH = 2440588;

const int = Math.floor;
const DR = Math.PI / 180;

/** Julian day of the k-th new moon after 1900-01-01 13:51 GMT (Meeus, ch. 49, abridged). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, normalised to [0, 2π), at Julian day `jdn` (Meeus, ch. 25). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const L = (L0 + DL) * DR;
  return L - Math.PI * 2 * int(L / (Math.PI * 2));
}

/** The local day (Julian day number) of the k-th new moon, at UTC+7. */
const newMoonDay = (k: number): number => int(newMoon(k) + 0.5 + TIME_ZONE / 24);

/** Which of the 12 major solar terms (0–11, 30° each) the sun is in at local midnight of day `jdn`. */
const sunSector = (jdn: number): number => int((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);

function jdnOfDate(year: number, month: number, day: number): number {
  return int(Date.UTC(year, month - 1, day) / 86_400_000) + JDN_UNIX_EPOCH;
}

/** Day of the 11th lunar month (the one holding the winter solstice) of the Gregorian year. */
function lunarMonth11(year: number): number {
  const off = jdnOfDate(year, 12, 31) - 2415021;
  const k = int(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Offset (from month 11) of the leap month in a 13-month year starting at `a11`: the first month with no major term. */
function leapMonthOffset(a11: number): number {
  const k = int((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * The Gregorian local date (`YYYY-MM-DD`) of a lunar date of the Vietnamese calendar; `leap` for a
 * day of the leap month. Undefined when the lunar year has no such leap month.
 */
export function solarDateOfLunar(lunarYear: number, month: number, day: number, leap = false): string | undefined {
  if (!(Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= 30)) {
    throw new RangeError(`Invalid lunar date ${day}/${month}`);
  }
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)]
      : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  const k = int(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let off = (month - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    const leapMonth = (leapOff - 2 + 12) % 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  const jdn = newMoonDay(k + off) + day - 1;
  return new Date((jdn - JDN_UNIX_EPOCH) * 86_400_000).toISOString().slice(0, 10);
}

/** Mùng 1 Tết (1/1 lunar) of the lunar year that starts in the Gregorian `year`. */
export const lunarNewYear = (year: number): string => solarDateOfLunar(year, 1, 1) as string;
