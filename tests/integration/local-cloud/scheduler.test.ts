import type { ScheduledEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import type { Invoker } from '../../../infra/local/lambda.ts';
import { nextFireTime, parseSchedule, scheduledFunctions, startScheduler } from '../../../infra/local/scheduler.ts';
import { specOf } from '../../../infra/manifest.ts';

/** An instant written in the province's time (+07:00). */
const hcm = (local: string) => new Date(`${local}+07:00`);

describe('nextFireTime in Asia/Ho_Chi_Minh', () => {
  it.each([
    // cron(min hour day-of-month month day-of-week year)
    ['cron(0 1 1 * ? *)', '2025-01-15T00:00:00', '2025-02-01T01:00:00'],
    ['cron(0 1 1 * ? *)', '2025-02-01T01:00:00', '2025-03-01T01:00:00'], // strictly after
    ['cron(0 1 1 * ? *)', '2025-01-31T23:59:59', '2025-02-01T01:00:00'], // still January 31 in UTC
    ['cron(0 1 1 * ? *)', '2025-12-05T10:00:00', '2026-01-01T01:00:00'],
    ['cron(30 8 ? * MON-FRI *)', '2025-01-03T09:00:00', '2025-01-06T08:30:00'], // Friday → Monday
    ['cron(30 8 ? * 2-6 *)', '2025-01-03T08:00:00', '2025-01-03T08:30:00'], // 1 = Sunday
    ['cron(0/15 * * * ? *)', '2025-03-10T10:07:00', '2025-03-10T10:15:00'],
    ['cron(5,35 */6 * * ? *)', '2025-03-10T06:40:00', '2025-03-10T12:05:00'],
    ['cron(0 17 L * ? *)', '2024-02-10T00:00:00', '2024-02-29T17:00:00'], // leap year
    ['cron(0 17 L * ? *)', '2025-02-28T17:00:00', '2025-03-31T17:00:00'],
    ['cron(0 9 ? * 6L *)', '2025-05-01T00:00:00', '2025-05-30T09:00:00'], // last Friday
    ['cron(0 9 ? * MON#1 *)', '2025-06-03T00:00:00', '2025-07-07T09:00:00'], // first Monday
    ['cron(0 0 1 JAN ? 2027)', '2025-06-01T00:00:00', '2027-01-01T00:00:00'],
  ])('%s after %s fires at %s (+07:00)', (expression, after, expected) => {
    expect(nextFireTime(expression, hcm(after))?.toISOString()).toBe(hcm(expected).toISOString());
  });

  it('fires 01:00 on the 1st in Ho Chi Minh, which is 18:00 UTC the day before', () => {
    expect(nextFireTime('cron(0 1 1 * ? *)', new Date('2025-01-15T00:00:00Z'))?.toISOString()).toBe(
      '2025-01-31T18:00:00.000Z',
    );
  });

  it('returns undefined when a cron has no future year', () => {
    expect(nextFireTime('cron(0 0 1 1 ? 2020)', hcm('2025-01-01T00:00:00'))).toBeUndefined();
  });

  it.each([
    ['rate(5 minutes)', '2025-01-01T00:07:00Z', '2025-01-01T00:10:00.000Z'],
    ['rate(1 minute)', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00.000Z'],
    ['rate(2 hours)', '2025-01-01T03:00:00Z', '2025-01-01T04:00:00.000Z'],
    ['rate(1 day)', '2025-01-01T00:00:01Z', '2025-01-02T00:00:00.000Z'],
  ])('%s counts from the schedule’s creation (%s → %s)', (expression, after, expected) => {
    const created = new Date('2025-01-01T00:00:00Z');
    expect(nextFireTime(expression, new Date(after), created)?.toISOString()).toBe(expected);
  });

  it.each([
    'cron(0 1 1 * * *)',
    'cron(0 1 ? * ? *)',
    'cron(0 1 1 *)',
    'cron(61 1 1 * ? *)',
    'rate(0 minutes)',
    'at(2025-01-01T00:00:00)',
  ])('rejects %s', (expression) => {
    expect(() => parseSchedule(expression)).toThrow();
  });

  it('understands every schedule in the manifest', () => {
    for (const name of scheduledFunctions) {
      const trigger = specOf(name).trigger;
      if (trigger.kind !== 'schedule') throw new Error(name);
      expect(nextFireTime(trigger.expression, new Date())).toBeInstanceOf(Date);
    }
  });
});

describe('scheduler timers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('invokes each scheduled function when its time comes, with an EventBridge Scheduler event', async () => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:30Z') });
    const invocations: { name: string; event: ScheduledEvent }[] = [];
    const invoker: Invoker = {
      active: 0,
      invoke: async (name, event) => {
        invocations.push({ name, event: event as ScheduledEvent });
      },
    };
    const scheduler = startScheduler({ invoker, log: () => {} });
    try {
      // Rate and cron schedules alike: nothing runs before the earliest next fire time, then exactly those due.
      const start = new Date();
      const fireTimes = scheduledFunctions.map((name) => ({
        name,
        at: nextFireTime((specOf(name).trigger as { expression: string }).expression, start)?.getTime() ?? Infinity,
      }));
      const earliest = Math.min(...fireTimes.map((f) => f.at));
      await vi.advanceTimersByTimeAsync(earliest - start.getTime() - 1);
      expect(invocations).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(invocations.map((i) => i.name).sort()).toEqual(
        fireTimes
          .filter((f) => f.at === earliest)
          .map((f) => f.name)
          .sort(),
      );
      const rate = scheduledFunctions.find(
        (name) => parseSchedule((specOf(name).trigger as { expression: string }).expression).kind === 'rate',
      );
      const period = rate
        ? (parseSchedule((specOf(rate).trigger as { expression: string }).expression) as { periodMs: number }).periodMs
        : 0;
      await vi.advanceTimersByTimeAsync(period);
      const first = invocations[0];
      expect(first?.event).toMatchObject({
        'detail-type': 'Scheduled Event',
        source: 'aws.scheduler',
        region: 'ap-southeast-1',
        account: '000000000000',
        detail: {},
      });
      expect(first?.event.resources[0]).toBe(
        `arn:aws:scheduler:ap-southeast-1:000000000000:schedule/default/${first?.name}`,
      );
      if (rate) expect(invocations.filter((i) => i.name === rate)).toHaveLength(2);
    } finally {
      scheduler.stop();
    }
  });
});

describe('runSchedule', () => {
  let cloud: LocalCloud;
  const events: { name: string; event: unknown }[] = [];

  beforeAll(async () => {
    cloud = await startLocalCloud({
      pollers: false,
      scheduler: false,
      logLevel: 'SILENT',
      loadHandler: async (name) =>
        (async (event: unknown) => {
          events.push({ name, event });
          return { swept: 0 };
        }) as never,
    });
  });
  afterAll(() => cloud?.stop());

  it('invokes a scheduled function now and resolves its result', async () => {
    const [name] = scheduledFunctions;
    if (!name) throw new Error('the manifest has no scheduled function');
    await expect(cloud.runSchedule(name)).resolves.toEqual({ swept: 0 });
    expect(events).toEqual([{ name, event: expect.objectContaining({ source: 'aws.scheduler' }) }]);
  });

  it('refuses a function that is not scheduled', async () => {
    await expect(cloud.runSchedule('health')).rejects.toThrow(/not a scheduled function/);
  });
});
