import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { countNames } from '../../shared/domain/indicators/counts.ts';
import { monthOf } from '../../shared/domain/indicators/period.ts';
import type { IndicatorReport } from '../../shared/domain/indicators/report.ts';
import { countLabels } from '../../shared/reports/labels.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

/**
 * Issue 6, outputs and API: POST /v1/reports → the `report` worker → three files in S3 → GET with
 * presigned links; scopes; idempotency; the schedule after a month closes.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
const users = ['citizen-an', 'admin-quang', 'auditor-thu', 'leader-son', 'leader-hung', 'leader-tuan'];

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of users) tokens[sub] = await tokenFor(cloud, sub);
  for (let i = 0; i < 2; i++) {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    expect(filed.status).toBe(201);
  }
  await cloud.settle();
});
afterAll(() => cloud?.stop());

const thisMonth = () => {
  const [year = 0, index = 0] = monthOf(new Date()).split('-').map(Number);
  return { periodKind: 'month', year, index };
};

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('POST /v1/reports → report worker → GET /v1/reports/{id}', () => {
  let reportId: string;

  it('answers 202 pending, then the worker makes the report ready with three files whose totals agree', async () => {
    const asked = await request(cloud, 'POST', '/v1/reports', {
      token: tokens['admin-quang'],
      body: { agencyId: '24.UBND', ...thisMonth() },
      headers: { 'idempotency-key': 'report-admin-1' },
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ id: expect.any(String), status: 'pending' });
    reportId = asked.body.id;

    const replay = await request(cloud, 'POST', '/v1/reports', {
      token: tokens['admin-quang'],
      body: { agencyId: '24.UBND', ...thisMonth() },
      headers: { 'idempotency-key': 'report-admin-1' },
    });
    expect(replay.body.id).toBe(reportId);

    await cloud.settle();
    const got = await request(cloud, 'GET', `/v1/reports/${reportId}`, { token: tokens['admin-quang'] });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: reportId, status: 'ready', agency: { id: '24.UBND' } });
    expect(got.body.summary.counts.newOnline).toBe(2);
    expect(Object.keys(got.body.downloads).sort()).toEqual(['csv', 'json', 'xlsx']);

    const json = JSON.parse(new TextDecoder().decode(await download(got.body.downloads.json))) as IndicatorReport;
    expect(json.totals).toEqual(got.body.summary);
    expect(json.agency.id).toBe('24.UBND');

    const csv = new TextDecoder().decode(await download(got.body.downloads.csv));
    const [header = '', total = ''] = csv.replace('\uFEFF', '').split('\r\n');
    const received = header.split(',').indexOf(countLabels.received);
    expect(total.split(',')[received]).toBe(String(json.totals.counts.received));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download(got.body.downloads.xlsx)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo cơ quan',
      'Theo lĩnh vực',
      'Theo thủ tục',
    ]);
    const totals: Record<string, unknown> = {};
    workbook.getWorksheet('Tổng hợp')?.eachRow((row) => {
      const name = countNames.find((n) => countLabels[n] === row.getCell(1).value);
      if (name) totals[name] = row.getCell(2).value;
    });
    expect(totals).toEqual(json.totals.counts);
  });

  it('lists newest first in the caller scope; a leader sees what is under their agency, not beside it', async () => {
    const leaderAsked = await request(cloud, 'POST', '/v1/reports', {
      token: tokens['leader-hung'],
      body: thisMonth(),
    });
    expect(leaderAsked.status).toBe(202);
    await cloud.settle();

    const all = await request(cloud, 'GET', '/v1/reports?limit=1', { token: tokens['auditor-thu'] });
    expect(all.status).toBe(200);
    expect(all.body.items.map((r: { id: string }) => r.id)).toEqual([leaderAsked.body.id]);
    const next = await request(cloud, 'GET', `/v1/reports?limit=1&cursor=${all.body.nextCursor}`, {
      token: tokens['auditor-thu'],
    });
    expect(next.body.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[reportId, 'ready']]);

    const hung = await request(cloud, 'GET', '/v1/reports', { token: tokens['leader-hung'] });
    expect(hung.body.items.map((r: { id: string }) => r.id)).toEqual([leaderAsked.body.id]);
    const son = await request(cloud, 'GET', '/v1/reports', { token: tokens['leader-son'] });
    expect(son.body.items).toEqual([]);
    expect((await request(cloud, 'GET', `/v1/reports/${reportId}`, { token: tokens['leader-son'] })).status).toBe(404);
    expect((await request(cloud, 'GET', `/v1/reports/${reportId}`, { token: tokens['auditor-thu'] })).status).toBe(200);
  });

  it('refuses a leader another agency (404), a citizen (403), a bad period (400) and a future one (422)', async () => {
    const other = await request(cloud, 'POST', '/v1/reports', {
      token: tokens['leader-son'],
      body: { agencyId: '24.07210', ...thisMonth() },
    });
    expect(other.status).toBe(404);
    const above = await request(cloud, 'POST', '/v1/reports', {
      token: tokens['leader-son'],
      body: { agencyId: '24.UBND', ...thisMonth() },
    });
    expect(above.status).toBe(404);
    const citizen = await request(cloud, 'POST', '/v1/reports', { token: tokens['citizen-an'], body: thisMonth() });
    expect(citizen.status).toBe(403);
    const badIndex = await request(cloud, 'POST', '/v1/reports', {
      token: tokens['admin-quang'],
      body: { agencyId: '24.UBND', periodKind: 'quarter', year: 2026, index: 5 },
    });
    expect(badIndex.status).toBe(400);
    const future = await request(cloud, 'POST', '/v1/reports', {
      token: tokens['admin-quang'],
      body: { agencyId: '24.UBND', periodKind: 'year', year: 2099 },
    });
    expect(future.status).toBe(422);
  });
});

describe('the schedule after a period closes', () => {
  it('requests the root agency reports of the closed month and quarter, once however often it runs', async () => {
    const { handler } = (await import('../../functions/schedule-reports/handler.ts')) as unknown as {
      handler: (event: unknown, context: unknown) => Promise<{ periods: string[]; requested: { id: string }[] }>;
    };
    const event = { time: '2026-03-31T17:30:00Z' }; // 1 April 2026, 00:30 in Hà Nội: March and Q1 closed.
    const context = { functionName: 'schedule-reports', awsRequestId: 'test' };
    const first = await handler(event, context);
    expect(first.periods).toEqual(['2026-03', '2026-Q1']);
    expect(first.requested.map((r) => r.id)).toEqual(['auto-24.UBND-2026-03', 'auto-24.UBND-2026-Q1']);
    await cloud.settle();
    const again = await handler(event, context);
    expect(again.requested).toEqual([
      { id: 'auto-24.UBND-2026-03', status: 'ready' },
      { id: 'auto-24.UBND-2026-Q1', status: 'ready' },
    ]);
    await cloud.settle();

    const listed = await request(cloud, 'GET', '/v1/reports?limit=100', { token: tokens['admin-quang'] });
    const auto = listed.body.items.filter((r: { id: string }) => r.id.startsWith('auto-'));
    expect(auto.map((r: { id: string; status: string; origin: string }) => [r.id, r.status, r.origin]).sort()).toEqual([
      ['auto-24.UBND-2026-03', 'ready', 'schedule'],
      ['auto-24.UBND-2026-Q1', 'ready', 'schedule'],
    ]);
  });
});
