/**
 * Public holidays PROJECTED for a year the government has not announced yet (or an admin has not
 * entered), so that a year without data never silently counts its holidays as working days. Every day
 * is marked `projected: true`; an admin replaces the year with the official schedule
 * (PUT /v1/holidays/{year}) once it is published.
 *
 * The rules, Bộ luật Lao động 2019, điều 112:
 *  - khoản 1: Tết Dương lịch 1/1; Tết Âm lịch 05 ngày; Chiến thắng 30/4; Quốc tế lao động 1/5;
 *    Quốc khánh 02 ngày (2/9 and one day before or after); Giỗ Tổ Hùng Vương 10/3 âm lịch.
 *  - khoản 3: a holiday falling on the weekly day off gives a day off in lieu on the next working day;
 *    the Prime Minister fixes the actual Tết days and National Day's second day each year.
 *
 * The lunar dates come from the Vietnamese lunar calendar (./lunar.ts, UTC+7). The shape of the
 * government's own choices, 2020–2027 (Tết on 25/1/2020 … 6/2/2027), is reproduced:
 *  - Tết: five consecutive weekdays (Monday–Friday) starting on the weekday before the lunar new
 *    year's eve — or on the eve itself when the eve is a Monday (2022, 2026: a whole week off) — with
 *    the weekend days inside the span listed too, as the seeded schedules do. E.g. 2027: eve Friday
 *    5/2 → Thursday 4/2, Friday 5/2, Monday 8/2 – Wednesday 10/2.
 *  - Quốc khánh: the second day is chosen to join a weekend: the day after 2/9 when 2/9 is a
 *    Monday, Thursday or Sunday, the day before otherwise (2024: 2–3/9, 2025: 1–2/9, 2026: 1–2/9,
 *    2027: 2–3/9).
 *  - days in lieu on the next weekday that is not already off.
 */
import { dayNumberOfVnDate, vnDateOfDayNumber, weekdayOfDayNumber } from '../time.ts';
import { type Holiday, holidayNames as n } from './holidays.ts';
import { lunarNewYear, solarDateOfLunar } from './lunar.ts';

const isWeekend = (day: number): boolean => {
  const w = weekdayOfDayNumber(day);
  return w === 0 || w === 6;
};

function tetDays(year: number): number[] {
  const eve = dayNumberOfVnDate(lunarNewYear(year)) - 1;
  let start = weekdayOfDayNumber(eve) === 1 ? eve : eve - 1;
  while (isWeekend(start)) start--;
  const days: number[] = [];
  let weekdays = 0;
  for (let d = start; weekdays < 5; d++) {
    days.push(d);
    if (!isWeekend(d)) weekdays++;
  }
  return days;
}

function nationalDays(year: number): number[] {
  const second = dayNumberOfVnDate(`${year}-09-02`);
  const after = [1, 4, 0].includes(weekdayOfDayNumber(second));
  return after ? [second, second + 1] : [second - 1, second];
}

const cache = new Map<number, readonly Holiday[]>();

/** The projected public holidays of a Gregorian year, sorted by date, each `projected: true`. */
export function projectedHolidays(year: number): readonly Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  if (!(Number.isInteger(year) && year >= 1900 && year <= 2199)) throw new RangeError(`Cannot project year ${year}`);
  const off = new Map<number, string>();
  const observed: [number, string][] = [
    [dayNumberOfVnDate(`${year}-01-01`), n.newYear],
    [dayNumberOfVnDate(solarDateOfLunar(year, 3, 10) as string), n.hungKings],
    [dayNumberOfVnDate(`${year}-04-30`), n.reunification],
    [dayNumberOfVnDate(`${year}-05-01`), n.labour],
    ...nationalDays(year).map((d): [number, string] => [d, n.nationalDay]),
  ];
  for (const d of tetDays(year)) off.set(d, n.lunarNewYear);
  for (const [d, name] of observed) off.set(d, name);
  // khoản 3: each observed holiday on a weekend gives the next free weekday off (Tết is already
  // five weekdays). Processed in date order so consecutive weekend holidays take consecutive days.
  for (const [d, name] of observed.sort((a, b) => a[0] - b[0])) {
    if (!isWeekend(d)) continue;
    let lieu = d + 1;
    while (isWeekend(lieu) || off.has(lieu)) lieu++;
    off.set(lieu, `${name} ${n.inLieuSuffix}`);
  }
  const holidays = [...off.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([d, name]) => Object.freeze({ date: vnDateOfDayNumber(d), name, projected: true as const }))
    .filter((h) => h.date.startsWith(`${year}-`));
  const frozen = Object.freeze(holidays);
  cache.set(year, frozen);
  return frozen;
}
