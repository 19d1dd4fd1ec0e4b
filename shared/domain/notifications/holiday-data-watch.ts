/**
 * The warning that next year's public holidays are still PROJECTED (computed from Bộ luật Lao động
 * 2019, điều 112 and the lunar calendar) rather than the government's announced schedule, which alone
 * fixes the Tết days, the National Day's second day and the swaps (làm bù). From 1 November the admins
 * are told once per year to enter the official schedule (PUT /v1/holidays/{year}) before deadlines
 * reach into it. Pure: the instant and the data passed in.
 */
import type { Official } from '../official.ts';
import { vnParts } from '../time.ts';
import type { InAppMessage } from './templates.ts';

/** The month (1–12, local) from which the warning is due: deadlines of 30+ working days reach into January. */
export const holidayDataWarningFromMonth = 11;

/** The year whose data is checked at `now`: next year, from 1 November (local); before, none. */
export function holidayYearToCheck(now: Date): number | undefined {
  const { year, month } = vnParts(now);
  return month < holidayDataWarningFromMonth ? undefined : year + 1;
}

/**
 * The year to warn about at `now`, or undefined: next year, from 1 November, when it has neither a
 * stored nor a built-in official schedule (`hasOfficialData(year)` false).
 */
export function yearNeedingHolidayData(now: Date, hasOfficialData: (year: number) => boolean): number | undefined {
  const year = holidayYearToCheck(now);
  return year === undefined || hasOfficialData(year) ? undefined : year;
}

/** The deterministic id of a year's warning: one per year, however often the watch runs. */
export const holidayDataEventId = (year: number): string => `holidays-projected#${year}`;

/** The in-app message to every active admin of the roster given. */
export function holidayDataMessages(year: number, officials: readonly Official[]): InAppMessage[] {
  const admins = officials.filter((o) => o.active !== false && o.roles.includes('admin'));
  const unique = [...new Map(admins.map((a) => [a.sub, a])).values()];
  return unique.map((admin) => ({
    recipientId: admin.sub,
    dossierCode: '',
    title: `Chưa có lịch nghỉ lễ, Tết chính thức năm ${year}`,
    body:
      `Lịch nghỉ lễ, Tết năm ${year} đang được tính dự kiến theo Bộ luật Lao động 2019 (điều 112) và âm lịch. ` +
      `Đề nghị cập nhật lịch nghỉ chính thức (kể cả ngày nghỉ bù, ngày làm bù) theo thông báo của Chính phủ ` +
      `để thời hạn giải quyết hồ sơ được tính đúng.`,
  }));
}
