/**
 * The officials' reports pages over real HTTP on the local cloud: a leader and an admin request a report
 * through the form, the `report` worker computes it, the page shows its charts and download links;
 * the API's scopes are the pages' scopes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { monthOf } from '../../shared/domain/indicators/period.ts';
import { paths } from '../../shared/portal/paths.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';
import { type PortalAgent, signInToPortal } from '../support/portal-agent.ts';

let cloud: LocalCloud;
let hung: PortalAgent;
let quang: PortalAgent;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'SILENT' });
  const citizen = await tokenFor(cloud, 'citizen-an');
  for (let i = 0; i < 2; i++) {
    const filed = await request(cloud, 'POST', '/v1/dossiers', { token: citizen, body: birthRegistration() });
    expect(filed.status).toBe(201);
  }
  await cloud.settle();
  hung = await signInToPortal(cloud.apiUrl, 'leader-hung');
  quang = await signInToPortal(cloud.apiUrl, 'admin-quang');
});
afterAll(() => cloud?.stop());

const [year = 0, month = 0] = monthOf(new Date()).split('-').map(Number);
const key = () => crypto.randomUUID();
const hiddenKey = (body: string) => /name="_key" value="([^"]+)"/.exec(body)?.[1] ?? '';
const downloadLinks = (body: string) =>
  [...body.matchAll(/<a href="(https?:\/\/[^"]+)">Tải [^<]+<\/a>/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));

async function requestThroughForm(agent: PortalAgent, fields: Record<string, string>): Promise<string> {
  const form = await agent.get(paths.reports);
  expect(form.status).toBe(200);
  const posted = await agent.post(paths.reports, { _key: hiddenKey(form.body), ...fields });
  expect(posted.status).toBe(303);
  expect(posted.location).toMatch(/^\/portal\/can-bo\/bao-cao\/[A-Za-z0-9._-]+$/);
  return posted.location ?? '';
}

describe('the reports pages', () => {
  let hungReport = '';
  let provinceReport = '';

  it("lets a leader request their agency's report through the form and read it once computed", async () => {
    const list = await hung.get(paths.reports);
    expect(list.body).toContain('<option value="24.07210" selected>');
    hungReport = await requestThroughForm(hung, {
      agencyId: '24.07210',
      periodKind: 'month',
      year: String(year),
      index: String(month),
    });

    await cloud.settle();
    const page = await hung.get(hungReport);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Đã xong');
    expect(page.body.match(/<svg role="img"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(page.body).toContain('Trực tuyến (gồm Cổng DVCQG): 2');
    expect(Buffer.byteLength(page.body)).toBeLessThan(100_000);

    const links = downloadLinks(page.body);
    expect(links).toHaveLength(3);
    const json = links.find((l) => l.includes('.json'));
    const file = await fetch(json ?? '');
    expect(file.status).toBe(200);
    const report = (await file.json()) as { totals: { counts: { newOnline: number } } };
    expect(report.totals.counts.newOnline).toBe(2);

    const listed = await hung.get(paths.reports);
    expect(listed.body).toContain(`<a href="${hungReport}">Tháng ${String(month).padStart(2, '0')}/${year}</a>`);
  });

  // The province's year report reads every agency's month partitions: slow on a loaded machine.
  it('lets an admin request the province report and charts the agencies under it', async () => {
    const form = await quang.get(paths.reports);
    expect(form.body).toMatch(/<option value="24\.UBND" selected>Toàn tỉnh – /);
    provinceReport = await requestThroughForm(quang, {
      agencyId: '24.UBND',
      periodKind: 'year',
      year: String(year),
      index: '',
    });
    const pending = await quang.get(provinceReport);
    expect(pending.status).toBe(200);

    await cloud.settle();
    const page = await quang.get(provinceReport);
    expect(page.body).toContain('id="bieu-do-co-quan"');
    expect(page.body).toContain(`Năm ${year}`);
    expect(downloadLinks(page.body)).toHaveLength(3);
    expect(Buffer.byteLength(page.body)).toBeLessThan(100_000);
  });

  it("shows a leader 404 for a report outside their agency's scope", async () => {
    expect(provinceReport).not.toBe('');
    expect((await hung.get(provinceReport)).status).toBe(404);
    const son = await signInToPortal(cloud.apiUrl, 'leader-son');
    expect((await son.get(hungReport)).status).toBe(404);
    expect((await son.get(paths.reports)).body).not.toContain(hungReport);
  });

  it("shows the API's refusal on the form: a leader asking for another agency", async () => {
    const page = await hung.post(paths.reports, {
      _key: key(),
      agencyId: '24.STP',
      periodKind: 'month',
      year: String(year),
      index: String(month),
    });
    expect(page.status).toBe(400);
    expect(page.body).toContain('<p class="notice" role="alert">');
    expect(page.body).toContain('24.STP');
  });

  it('refuses a citizen the reports pages (403)', async () => {
    const an = await signInToPortal(cloud.apiUrl, 'citizen-an');
    expect((await an.get(paths.reports)).status).toBe(403);
    expect((await an.get(hungReport)).status).toBe(403);
  });
});
