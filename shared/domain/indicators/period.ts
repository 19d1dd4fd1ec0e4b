/**
 * Reporting periods (docs/domain.md "Indicators": monthly, quarterly, yearly), in the
 * province's business time zone, Asia/Ho_Chi_Minh. Pure: instants in, instants out.
 */
import { fromVnParts, vnParts } from '../time.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4; absent for a year. */
  index?: number;
}

/** `2026-03`, `2026-Q1`, `2026`: the period's stable id, used in report ids and file names. */
export function periodId(period: Period): string {
  if (period.kind === 'year') return String(period.year);
  if (period.kind === 'quarter') return `${period.year}-Q${period.index}`;
  return `${period.year}-${String(period.index).padStart(2, '0')}`;
}

export function parsePeriodId(id: string): Period | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (month) return { kind: 'month', year: Number(month[1]), index: Number(month[2]) };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) return { kind: 'quarter', year: Number(quarter[1]), index: Number(quarter[2]) };
  const year = /^(\d{4})$/.exec(id);
  if (year) return { kind: 'year', year: Number(year[1]) };
  return undefined;
}

/** The month partitions (`yyyy-mm`) a period spans, in order. */
export function monthsOf(period: Period): string[] {
  const first =
    period.kind === 'month' ? (period.index ?? 1) : period.kind === 'quarter' ? ((period.index ?? 1) - 1) * 3 + 1 : 1;
  const count = period.kind === 'month' ? 1 : period.kind === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => `${period.year}-${String(first + i).padStart(2, '0')}`);
}

/** The local month (`yyyy-mm`) an instant falls in. */
export function monthOf(instant: Date): string {
  const { year, month } = vnParts(instant);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month after `yyyy-mm`. */
export function nextMonth(month: string): string {
  const [y = 0, m = 0] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to` inclusive (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/** The period's bounds: local midnight of its first day (inclusive) to local midnight after its last day (exclusive). */
export function periodBounds(period: Period): { start: Date; end: Date } {
  const months = monthsOf(period);
  const [sy = 0, sm = 1] = (months[0] ?? '').split('-').map(Number);
  const [ey = 0, em = 1] = nextMonth(months[months.length - 1] ?? '')
    .split('-')
    .map(Number);
  return { start: fromVnParts({ year: sy, month: sm, day: 1 }), end: fromVnParts({ year: ey, month: em, day: 1 }) };
}

/**
 * The periods that closed at `now`: the month before `now`'s month, and the quarter and the year
 * when that month ended one. The schedules run after each close (`cron(30 0 1 * ? *)`).
 */
export function periodsClosedAt(now: Date): Period[] {
  const { year, month } = vnParts(now);
  const closedYear = month === 1 ? year - 1 : year;
  const closedMonth = month === 1 ? 12 : month - 1;
  const periods: Period[] = [{ kind: 'month', year: closedYear, index: closedMonth }];
  if (closedMonth % 3 === 0) periods.push({ kind: 'quarter', year: closedYear, index: closedMonth / 3 });
  if (closedMonth === 12) periods.push({ kind: 'year', year: closedYear });
  return periods;
}
