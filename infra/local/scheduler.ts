/**
 * EventBridge Scheduler, emulated for the manifest's schedule-triggered functions: `rate(…)` and
 * `cron(…)` expressions evaluated in the province's time zone, invoking the handler in-process.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { type FunctionName, functionNames, specOf } from '../manifest.ts';
import { type Invoker, localAccountId, localRegion } from './lambda.ts';
import type { Log } from './log.ts';

/** Asia/Ho_Chi_Minh is UTC+7 all year (no DST since 1975), so a fixed offset is exact. */
const zoneOffsetMs = 7 * 3_600_000;
const minuteMs = 60_000;

export type Schedule =
  | { kind: 'rate'; periodMs: number }
  | { kind: 'cron'; minutes: Set<number>; hours: Set<number>; months: Set<number>; years: Set<number>; day: DayRule };

/** Whether a calendar day (month 1-12, weekday 1 = Sunday … 7 = Saturday, as EventBridge counts) fires. */
type DayRule = (year: number, month: number, day: number, weekday: number) => boolean;

const rateUnits: Record<string, number> = { minute: minuteMs, hour: 60 * minuteMs, day: 24 * 60 * minuteMs };
const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export function parseSchedule(expression: string): Schedule {
  const rate = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/.exec(expression.trim());
  if (rate) {
    const [, count = '0', unit = ''] = rate;
    const perUnit = rateUnits[unit.replace(/s$/, '')] ?? 0;
    if (Number(count) < 1) throw new Error(`Invalid rate: ${expression}`);
    return { kind: 'rate', periodMs: Number(count) * perUnit };
  }
  const cron = /^cron\((.*)\)$/.exec(expression.trim());
  const fields = cron?.[1]?.trim().split(/\s+/) ?? [];
  if (fields.length !== 6) throw new Error(`Unsupported schedule expression: ${expression}`);
  const [minute = '', hour = '', dom = '', month = '', dow = '', year = ''] = fields;
  if ((dom === '?') === (dow === '?'))
    throw new Error(`Exactly one of day-of-month and day-of-week must be ?: ${expression}`);
  return {
    kind: 'cron',
    minutes: parseField(minute, 0, 59),
    hours: parseField(hour, 0, 23),
    months: parseField(month, 1, 12, monthNames),
    years: parseField(year, 1970, 2199),
    day: dom === '?' ? weekdayRule(dow) : monthDayRule(dom),
  };
}

function parseField(text: string, min: number, max: number, names: string[] = []): Set<number> {
  const value = (token: string): number => {
    const named = names.indexOf(token.toUpperCase());
    const n = named >= 0 ? named + min : Number(token);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`Invalid cron value ${token}`);
    return n;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`Invalid cron step in ${part}`);
    const [from, to] =
      range === '*'
        ? [min, max]
        : range.includes('-')
          ? (range.split('-').map(value) as [number, number])
          : [value(range), stepText === undefined ? value(range) : max];
    if (from > to) throw new Error(`Invalid cron range ${part}`);
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return out;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function monthDayRule(field: string): DayRule {
  if (field === 'L') return (y, m, d) => d === daysIn(y, m);
  if (/W/i.test(field)) throw new Error(`Unsupported day-of-month ${field} (W)`);
  const days = parseField(field, 1, 31);
  return (_y, _m, d) => days.has(d);
}

function weekdayRule(field: string): DayRule {
  const nth = /^(\w+)#([1-5])$/.exec(field);
  if (nth) {
    const weekday = [...parseField(nth[1] ?? '', 1, 7, dayNames)][0];
    return (_y, _m, d, wd) => wd === weekday && Math.ceil(d / 7) === Number(nth[2]);
  }
  const last = /^(\w*)L$/i.exec(field);
  if (last) {
    const weekday = last[1] ? [...parseField(last[1], 1, 7, dayNames)][0] : 7;
    return (y, m, d, wd) => wd === weekday && d + 7 > daysIn(y, m);
  }
  const days = parseField(field, 1, 7, dayNames);
  return (_y, _m, _d, wd) => days.has(wd);
}

/**
 * The first fire time strictly after `after`. A rate counts from `anchor` (when the schedule was
 * created, as Scheduler does); undefined when a cron never fires again (its years are over).
 */
export function nextFireTime(schedule: Schedule | string, after: Date, anchor: Date = after): Date | undefined {
  const s = typeof schedule === 'string' ? parseSchedule(schedule) : schedule;
  if (s.kind === 'rate') {
    const elapsed = Math.max(0, after.getTime() - anchor.getTime());
    return new Date(anchor.getTime() + (Math.floor(elapsed / s.periodMs) + 1) * s.periodMs);
  }
  // Walk the province's wall clock (UTC fields of a shifted instant), skipping whole years,
  // months, days and hours that cannot match.
  let t = Math.floor((after.getTime() + zoneOffsetMs) / minuteMs) * minuteMs + minuteMs;
  for (let guard = 0; guard < 1_000_000; guard++) {
    const d = new Date(t);
    const [y, mo, day, h] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()];
    if (y > 2199) return undefined;
    if (!s.years.has(y)) t = Date.UTC(y + 1, 0, 1);
    else if (!s.months.has(mo + 1)) t = Date.UTC(y, mo + 1, 1);
    else if (!s.day(y, mo + 1, day, d.getUTCDay() + 1)) t = Date.UTC(y, mo, day + 1);
    else if (!s.hours.has(h)) t = Date.UTC(y, mo, day, h + 1);
    else if (!s.minutes.has(d.getUTCMinutes())) t += minuteMs;
    else return new Date(t - zoneOffsetMs);
  }
  return undefined;
}

/** What Scheduler delivers: the EventBridge "Scheduled Event" envelope, from aws.scheduler. */
export function scheduledEvent(name: FunctionName, at: Date): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: localAccountId,
    time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: localRegion,
    resources: [`arn:aws:scheduler:${localRegion}:${localAccountId}:schedule/default/${name}`],
    detail: {},
  };
}

export const scheduledFunctions = functionNames.filter((name) => specOf(name).trigger.kind === 'schedule');

export interface SchedulerOptions {
  invoker: Invoker;
  log: Log;
  /** false: no timers, runNow only (tests, or a quiet demo). */
  timers?: boolean;
}

export interface Scheduler {
  /** Invokes a scheduled function now and resolves its result (rejects if it fails). */
  runNow(name: FunctionName): Promise<unknown>;
  stop(): void;
}

export function startScheduler({ invoker, log, timers = true }: SchedulerOptions): Scheduler {
  const armed = new Map<FunctionName, NodeJS.Timeout>();
  let stopped = false;

  const expressionOf = (name: FunctionName): string => {
    const trigger = specOf(name).trigger;
    if (trigger.kind !== 'schedule') throw new Error(`${name} is not a scheduled function`);
    return trigger.expression;
  };

  const arm = (name: FunctionName, schedule: Schedule, anchor: Date, after: Date) => {
    const at = nextFireTime(schedule, after, anchor);
    if (!at || stopped) return;
    // setTimeout cannot wait longer than ~24.8 days; re-arm when that is not enough.
    const delay = Math.min(at.getTime() - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(
      () => {
        if (Date.now() < at.getTime()) return arm(name, schedule, anchor, new Date(Date.now() - 1));
        arm(name, schedule, anchor, at);
        invoker.invoke(name, scheduledEvent(name, at)).catch((error: unknown) => log('ERROR', `${name} failed`, error));
      },
      Math.max(0, delay),
    );
    timer.unref();
    armed.set(name, timer);
  };

  if (timers) {
    const created = new Date();
    for (const name of scheduledFunctions) arm(name, parseSchedule(expressionOf(name)), created, created);
  }

  return {
    async runNow(name) {
      expressionOf(name);
      return invoker.invoke(name, scheduledEvent(name, new Date()));
    },
    stop() {
      stopped = true;
      for (const timer of armed.values()) clearTimeout(timer);
      armed.clear();
    },
  };
}
