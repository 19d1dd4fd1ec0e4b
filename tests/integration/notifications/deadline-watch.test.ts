import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../../infra/local/seed.ts';
import { addWorkingTime, type WorkingCalendar } from '../../../shared/domain/calendar/index.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { birthRegistration, request, tokenFor } from '../../support/http.ts';

/**
 * Acceptance of issue 5 (deadline watch): dossiers filed and handled through the API, their
 * appointments then set relative to the run's clock (overdue since yesterday, due within one working
 * day, due two working days on, and a decided one overdue); the scheduled watch, run twice, warns
 * the handler and the leader once per warning, sends the leader one digest, and nothing for the
 * decided dossier.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
let setDueAt: (code: string, dueAt: Date) => Promise<Dossier>;
let calendar: WorkingCalendar;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
  // Imported once the cloud's environment is in place: the module-scope clients reach the emulators.
  const { dossierRepository } = await import('../../../shared/adapters/dynamo/dossier-repository.ts');
  const { agencyRepository } = await import('../../../shared/adapters/dynamo/agency-repository.ts');
  const dossiers = dossierRepository(cloud.tableName);
  calendar = await agencyRepository(cloud.tableName).calendarFor('24.07210');
  // Through the repository's conditional save, so the due-date index keys follow the new appointment.
  setDueAt = async (code, dueAt) => {
    const stored = await dossiers.get(code);
    if (!stored) throw new Error(`no dossier ${code}`);
    const before = stored.dossier;
    const saved = await dossiers.save(before, {
      dossier: { ...before, version: before.version + 1, dueAt: dueAt.toISOString() },
      events: [],
    });
    return saved.dossier;
  };
});
afterAll(() => cloud?.stop());

async function act(sub: string, code: string, action: Record<string, unknown>) {
  const current = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens[sub] });
  const response = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
    token: tokens[sub],
    body: { ...action, expectedVersion: current.body.version },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  await cloud.settle();
  return response.body;
}

/** Filed online for the commune, received at its service centre, and handed to the commune's specialist-ha. */
async function inProcess(): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration(),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  await cloud.settle();
  const code = filed.body.code as string;
  await act('receiver-lan', code, { type: 'receive' });
  await act('receiver-lan', code, { type: 'forward', assigneeId: 'specialist-ha' });
  return code;
}

async function inbox(sub: string) {
  const items: { title: string; body: string; dossierCode: string }[] = [];
  let cursor: string | undefined;
  do {
    const response = await request(
      cloud,
      'GET',
      `/v1/me/notifications?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token: tokens[sub] },
    );
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return items;
}

const warnings = (items: { title: string; dossierCode: string }[], code: string) =>
  items.filter((n) => n.dossierCode === code && /sắp đến hạn|quá hạn/.test(n.title)).map((n) => n.title);

describe('the deadline watch', () => {
  it('run twice, warns once per dossier and warning, digests once, and leaves decided dossiers alone', async () => {
    const [overdue, dueSoon, later, decided] = [
      await inProcess(),
      await inProcess(),
      await inProcess(),
      await inProcess(),
    ];
    await act('specialist-ha', decided, { type: 'forward', assigneeId: 'leader-hung' });
    await act('leader-hung', decided, { type: 'decide', outcome: 'approved' });
    // The sign worker records the signed result (a version of its own) before the appointments are moved.
    await cloud.settle();

    const now = new Date();
    await setDueAt(overdue, new Date(now.getTime() - 24 * 3_600_000));
    // Whatever the hour and day the test runs, 4 working hours left is within one working day, 16 is not.
    await setDueAt(dueSoon, addWorkingTime(calendar, now, { workingHours: 4 }));
    await setDueAt(later, addWorkingTime(calendar, now, { workingHours: 16 }));
    const closed = await setDueAt(decided, new Date(now.getTime() - 24 * 3_600_000));
    expect(closed.status).toBe('decided');

    type Run = { overdue: number; warnings: number; digests: number };
    const first = (await cloud.runSchedule('watch-deadlines')) as Run;
    const second = (await cloud.runSchedule('watch-deadlines')) as Run;
    // Overdue is a level (the DossiersOverdue metric), counted again by every run: the same in both.
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(second.overdue).toBe(first.overdue);
    // Counted per run: only what the run newly recorded (other dossiers of the shared table may add to the first).
    expect(first.warnings).toBeGreaterThanOrEqual(2);
    expect(first.digests).toBeGreaterThanOrEqual(1);
    expect(second).toMatchObject({ warnings: 0, digests: 0 });

    // The commune's officials, who hold the dossiers (the centre's receiver has handed them on).
    const [lan, hung] = [await inbox('specialist-ha'), await inbox('leader-hung')];
    for (const items of [lan, hung]) {
      expect(warnings(items, overdue)).toEqual([`Hồ sơ ${overdue} đã quá hạn giải quyết`]);
      expect(warnings(items, dueSoon)).toEqual([`Hồ sơ ${dueSoon} sắp đến hạn giải quyết`]);
      expect(warnings(items, later)).toEqual([]);
      expect(warnings(items, decided)).toEqual([]);
    }
    // The leader is told the overdue dossier can no longer be extended (form 04 is due before the due date).
    const late = hung.find((n) => n.dossierCode === overdue && n.title.includes('quá hạn'));
    expect(late?.body).toContain('không thể gia hạn nữa');
    expect(lan.find((n) => n.dossierCode === overdue && n.title.includes('quá hạn'))?.body).not.toContain('Mẫu số 04');

    // One digest, for the leader only, counting the overdue dossier.
    const digests = (items: { title: string }[]) =>
      items.filter((n) => n.title.startsWith('Tình hình giải quyết hồ sơ'));
    expect(digests(hung)).toHaveLength(1);
    expect(digests(lan)).toHaveLength(0);
    expect(digests(hung)[0]).toMatchObject({ body: expect.stringMatching(/Quá hạn: [1-9]\d*\.$/) });
  });
});
