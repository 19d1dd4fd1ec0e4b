import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../../infra/local/seed.ts';
import type { WatchResult } from '../../../shared/use-cases/watch-deadlines.ts';
import { request, tokenFor } from '../../support/http.ts';

/**
 * From 1 November, when next year's public holidays are only projected (no stored schedule, none built
 * in), the deadline watch tells the admins once to enter the government's schedule. The watch runs
 * against the local cloud's table with the instant given, as its scheduled handler does.
 */
let cloud: LocalCloud;
let watchAt: (iso: string) => Promise<WatchResult>;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  // Imported once the cloud's environment is in place: the module-scope clients reach the emulators.
  const { dossierRepository } = await import('../../../shared/adapters/dynamo/dossier-repository.ts');
  const { agencyRepository } = await import('../../../shared/adapters/dynamo/agency-repository.ts');
  const { notificationRepository } = await import('../../../shared/adapters/dynamo/notification-repository.ts');
  const { watchMarks } = await import('../../../shared/adapters/dynamo/watch-marks.ts');
  const { watchDeadlines } = await import('../../../shared/use-cases/watch-deadlines.ts');
  const deps = {
    dossiers: dossierRepository(cloud.tableName),
    agencies: agencyRepository(cloud.tableName, undefined, { cacheSeconds: 0 }),
    marks: watchMarks(cloud.tableName, { keepDays: 120 }),
    notifications: notificationRepository(cloud.tableName),
  };
  watchAt = (iso) => watchDeadlines({ ...deps, now: () => new Date(iso) })();
});
afterAll(() => cloud?.stop());

async function titles(sub: string): Promise<string[]> {
  const response = await request(cloud, 'GET', '/v1/me/notifications?limit=100', {
    token: await tokenFor(cloud, sub),
  });
  expect(response.status).toBe(200);
  return response.body.items.map((n: { title: string }) => n.title);
}

describe('warning the admins that next year is only projected', () => {
  it('says nothing in October, warns once from 1 November, and not for a year already entered', async () => {
    // 2028 is neither seeded (2025–2027) nor stored.
    expect((await watchAt('2027-10-31T09:00:00+07:00')).holidayDataWarning).toBeUndefined();
    expect((await watchAt('2027-11-01T09:00:00+07:00')).holidayDataWarning).toBe(2028);
    expect((await watchAt('2027-11-02T09:00:00+07:00')).holidayDataWarning).toBeUndefined();
    const warned = (await titles('admin-quang')).filter((t) => t.includes('lịch nghỉ lễ, Tết chính thức năm 2028'));
    expect(warned).toHaveLength(1);
    // Only the admins.
    expect((await titles('leader-hung')).some((t) => t.includes('lịch nghỉ lễ'))).toBe(false);

    // 2029 entered by an admin before November 2028: no warning.
    const admin = await tokenFor(cloud, 'admin-quang');
    const put = await request(cloud, 'PUT', '/v1/holidays/2029', {
      token: admin,
      body: { holidays: [{ date: '2029-01-01', name: 'Tết Dương lịch' }] },
    });
    expect(put.status).toBe(201);
    expect((await watchAt('2028-11-01T09:00:00+07:00')).holidayDataWarning).toBeUndefined();
  });
});
