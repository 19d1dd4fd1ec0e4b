/**
 * Public holidays (Bộ luật Lao động 2019, art. 112) as DATA, per year, in the shape an admin API edits:
 * one `{ date, name }` per local day off. Seeded 2025–2027 from the published schedules as docs/domain.md
 * lists them; weekend days inside a holiday span are kept (they matter to agencies open on Saturday).
 * The government's yearly swaps (làm bù: a weekday off against a Saturday worked) are representable:
 * the weekday is a day off like any other and the Saturday is listed with `workingDay: true`. The seed
 * holds none; verify each year against the official announcement before relying on it. A year with no
 * data is projected (./projected-holidays.ts), never silently counted as all working days.
 */
export interface Holiday {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Vietnamese name, as printed for people. */
  readonly name: string;
  /** A day WORKED although it is normally off (làm bù: e.g. a Saturday against a weekday off). */
  readonly workingDay?: boolean;
  /** Computed from the law and the lunar calendar, not from the government's announcement. */
  readonly projected?: boolean;
}

/** Holidays keyed by year, so a year can be replaced or edited as a whole. */
export type HolidaySchedule = Readonly<Record<number, readonly Holiday[]>>;

export const holidayNames = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Giải phóng miền Nam',
  labour: 'Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
  inLieuSuffix: '(nghỉ bù)',
} as const;

const n = holidayNames;
const inLieu = (name: string): string => `${name} ${n.inLieuSuffix}`;

export const vnPublicHolidays: HolidaySchedule = {
  2025: [
    { date: '2025-01-01', name: n.newYear },
    { date: '2025-01-27', name: n.lunarNewYear },
    { date: '2025-01-28', name: n.lunarNewYear },
    { date: '2025-01-29', name: n.lunarNewYear },
    { date: '2025-01-30', name: n.lunarNewYear },
    { date: '2025-01-31', name: n.lunarNewYear },
    { date: '2025-04-07', name: n.hungKings },
    { date: '2025-04-30', name: n.reunification },
    { date: '2025-05-01', name: n.labour },
    { date: '2025-09-01', name: n.nationalDay },
    { date: '2025-09-02', name: n.nationalDay },
  ],
  2026: [
    { date: '2026-01-01', name: n.newYear },
    { date: '2026-02-16', name: n.lunarNewYear },
    { date: '2026-02-17', name: n.lunarNewYear },
    { date: '2026-02-18', name: n.lunarNewYear },
    { date: '2026-02-19', name: n.lunarNewYear },
    { date: '2026-02-20', name: n.lunarNewYear },
    // 10/3 lunar falls on Sunday 26/4/2026.
    { date: '2026-04-27', name: inLieu(n.hungKings) },
    { date: '2026-04-30', name: n.reunification },
    { date: '2026-05-01', name: n.labour },
    { date: '2026-09-01', name: n.nationalDay },
    { date: '2026-09-02', name: n.nationalDay },
  ],
  2027: [
    { date: '2027-01-01', name: n.newYear },
    { date: '2027-02-04', name: n.lunarNewYear },
    { date: '2027-02-05', name: n.lunarNewYear },
    { date: '2027-02-06', name: n.lunarNewYear },
    { date: '2027-02-07', name: n.lunarNewYear },
    { date: '2027-02-08', name: n.lunarNewYear },
    { date: '2027-02-09', name: n.lunarNewYear },
    { date: '2027-02-10', name: n.lunarNewYear },
    { date: '2027-04-16', name: n.hungKings },
    { date: '2027-04-30', name: n.reunification },
    // 1/5/2027 is a Saturday.
    { date: '2027-05-03', name: inLieu(n.labour) },
    { date: '2027-09-02', name: n.nationalDay },
    { date: '2027-09-03', name: n.nationalDay },
  ],
};

/** Every day OFF of a schedule, flattened (extra working days left out). */
export function holidayDates(schedule: HolidaySchedule = vnPublicHolidays): string[] {
  return Object.values(schedule).flatMap((year) => year.filter((h) => !h.workingDay).map((h) => h.date));
}

/** Every record of a schedule, flattened: the input a calendar is built from (days off and days worked). */
export function holidayRecords(schedule: HolidaySchedule = vnPublicHolidays): Holiday[] {
  return Object.values(schedule).flat();
}

/** The years a schedule holds data for: a calendar projects the others. */
export function scheduleYears(schedule: HolidaySchedule = vnPublicHolidays): number[] {
  return Object.keys(schedule).map(Number);
}

/** The name of the holiday on a local date, if any. */
export function holidayOn(date: string, schedule: HolidaySchedule = vnPublicHolidays): Holiday | undefined {
  const year = schedule[Number(date.slice(0, 4))];
  return year?.find((h) => h.date === date);
}
