/**
 * The warning that next year's holidays are only projected (Bộ luật Lao động 2019, điều 112 khoản 3:
 * the Prime Minister fixes the Tết days and the National Day's second day each year, so a projection
 * must be replaced by the official schedule before deadlines reach into that year).
 */
import { describe, expect, it } from 'vitest';
import {
  holidayDataEventId,
  holidayDataMessages,
  yearNeedingHolidayData,
} from '../../../shared/domain/notifications/holiday-data-watch.ts';
import type { Official } from '../../../shared/domain/official.ts';

const none = () => false;

describe('yearNeedingHolidayData', () => {
  it.each([
    // 31/10 23:59 local is still October: nothing yet.
    ['2027-10-31T23:59:00+07:00', none, undefined],
    // 1/11 00:00 local (31/10 17:00 UTC): next year, 2028, has no official data.
    ['2027-11-01T00:00:00+07:00', none, 2028],
    ['2027-12-31T17:00:00+07:00', none, 2028],
    // Next year published: nothing.
    ['2027-11-15T09:00:00+07:00', (y: number) => y === 2028, undefined],
  ] as const)('%s → %s', (iso, hasData, expected) => {
    expect(yearNeedingHolidayData(new Date(iso), hasData)).toBe(expected);
  });
});

describe('holidayDataMessages', () => {
  const official = (sub: string, roles: Official['roles'], active = true): Official => ({
    sub,
    name: sub,
    agencyId: '24.UBND',
    roles,
    active,
  });

  it('goes to each active admin once, in Vietnamese', () => {
    const messages = holidayDataMessages(2028, [
      official('admin-a', ['admin']),
      official('admin-a', ['admin']),
      official('admin-old', ['admin'], false),
      official('leader-b', ['leader']),
    ]);
    expect(messages.map((m) => m.recipientId)).toEqual(['admin-a']);
    expect(messages[0]?.title).toBe('Chưa có lịch nghỉ lễ, Tết chính thức năm 2028');
    expect(messages[0]?.body).toContain('dự kiến');
  });

  it('has one event id per year', () => {
    expect(holidayDataEventId(2028)).toBe(holidayDataEventId(2028));
    expect(holidayDataEventId(2028)).not.toBe(holidayDataEventId(2029));
  });
});
