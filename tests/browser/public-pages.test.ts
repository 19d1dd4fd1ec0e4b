/**
 * The portal's public pages in a real browser on a phone-sized screen, with JavaScript on and off:
 * search, a procedure, a failed dossier lookup and the published answers, each page accessible
 * (axe-core, WCAG 2.1 AA) and under 100 KB transferred with its stylesheet.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { demoProcedures } from '../../infra/local/seed-catalogue.ts';
import {
  expectAccessible,
  expectPageUnder,
  launchBrowser,
  newContext,
  saveScreenshot,
  type TransferTracker,
  trackTransfer,
} from '../support/browser.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

const publicTitle = 'Phản ánh về thời hạn trả kết quả hồ sơ';
const publicAnswer = 'Sở Tư pháp đã kiểm tra; kết quả được trả trong tuần này.';

let cloud: LocalCloud;
let browser: Browser;
let dossierCode: string;
let wrongPin: string;

/** One answer through the real feedback flow, so the answers page shows an article, not just "none yet". */
async function publishAnswer() {
  const act = async (sub: string, id: string, body: Record<string, unknown>) => {
    const done = await request(cloud, 'POST', `/v1/feedback/${id}/actions`, {
      token: await tokenFor(cloud, sub),
      body,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  };
  const roster = await request(cloud, 'PUT', '/v1/agencies/24.STP/officials/specialist-minh', {
    token: await tokenFor(cloud, 'admin-quang'),
    body: { name: 'Phạm Văn Minh', roles: ['specialist'] },
  });
  expect(roster.status).toBeLessThan(300);
  const filed = await request(cloud, 'POST', '/v1/feedback', {
    token: await tokenFor(cloud, 'citizen-an'),
    body: {
      title: 'Chậm trả kết quả',
      content: 'Hồ sơ của tôi đã quá hẹn mà chưa có kết quả.',
      agencyId: '24.STP',
      contact: { fullName: 'Nguyễn Văn An', phone: '0912345678' },
    },
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const id: string = filed.body.id;
  await act('leader-tuan', id, { type: 'assign', expectedVersion: 1, assigneeId: 'specialist-minh' });
  await act('specialist-minh', id, { type: 'answer', expectedVersion: 2, text: publicAnswer });
  await act('leader-tuan', id, { type: 'publish', expectedVersion: 3, title: publicTitle });
}

beforeAll(async () => {
  // Launched first: a missing Chromium fails before the emulators start.
  browser = await launchBrowser();
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'ERROR' });
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: await tokenFor(cloud, 'citizen-an'),
    body: birthRegistration(),
  });
  expect(filed.status).toBe(201);
  dossierCode = filed.body.code;
  wrongPin = filed.body.lookupPin === '000000' ? '111111' : '000000';
  await publishAnswer();
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const birth = demoProcedures.find((p) => p.code === '1.001193');
const maxBytes = 100 * 1024;

describe.each([
  { javaScript: true, flow: 'public-js-on' },
  { javaScript: false, flow: 'public-js-off' },
])('the public pages with JavaScript $javaScript', ({ javaScript, flow }) => {
  let context: BrowserContext;
  let page: Page;
  let transfer: TransferTracker;
  beforeEach(async () => {
    context = await newContext(browser, { javaScript });
    page = await context.newPage();
    transfer = await trackTransfer(page);
  });
  afterEach(() => context?.close());

  /** The checks every page gets: its size, accessibility where axe can run, and a screenshot. */
  async function checkPage(step: string) {
    await expectPageUnder(page, transfer, maxBytes);
    if (javaScript) await expectAccessible(page);
    await saveScreenshot(page, `${flow}/${step}`);
  }

  it('searches without diacritics, opens the procedure, fails a lookup and reads the answers', async () => {
    await page.goto(`${cloud.apiUrl}/portal/trang-chu`);
    await page.getByRole('heading', { level: 1, name: 'Tìm thủ tục hành chính' }).waitFor();
    await checkPage('1-home');

    const search = page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' });
    await search.fill('khai sinh');
    await search.press('Enter');
    await page.waitForURL(/[?&]q=khai\+sinh/);
    await page.getByRole('heading', { level: 2, name: /^Kết quả tìm “khai sinh”: \d+ thủ tục$/ }).waitFor();
    expect(await search.inputValue()).toBe('khai sinh');
    const result = page.getByRole('listitem').getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
    await checkPage('2-search-results');

    await result.click();
    await page.waitForURL(/\/portal\/thu-tuc\/1\.001193$/);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor();
    expect(birth?.documents.length).toBeGreaterThan(0);
    for (const document of birth?.documents ?? []) {
      await page.getByRole('listitem').filter({ hasText: document.name }).first().waitFor();
    }
    await page.getByText('Phí, lệ phí', { exact: true }).waitFor();
    await checkPage('3-procedure');

    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Tra cứu hồ sơ' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    await checkPage('4-lookup');

    await page.getByLabel('Mã hồ sơ', { exact: true }).fill(dossierCode);
    await page.getByLabel('Mã tra cứu (6 chữ số)', { exact: true }).fill(wrongPin);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/portal/tra-cuu-ho-so')),
      page.getByRole('button', { name: 'Tra cứu' }).click(),
    ]);
    expect(answer.status()).toBe(404);
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toBe('Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.');
    // The code comes back for a retry; the PIN never does, and nothing of the dossier shows.
    expect(await page.getByLabel('Mã hồ sơ', { exact: true }).inputValue()).toBe(dossierCode);
    expect(await page.getByLabel('Mã tra cứu (6 chữ số)', { exact: true }).inputValue()).toBe('');
    expect(await page.getByText('Đăng ký khai sinh').count()).toBe(0);
    await checkPage('5-lookup-wrong-pin');

    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Trả lời phản ánh, kiến nghị' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Trả lời phản ánh, kiến nghị' }).waitFor();
    await page.getByRole('article').getByRole('heading', { level: 2, name: publicTitle }).waitFor();
    await page.getByRole('article').getByText(publicAnswer).waitFor();
    await checkPage('6-published-answers');
  });

  it('submits the search with its button as well as the keyboard', async () => {
    await page.goto(`${cloud.apiUrl}/portal/trang-chu`);
    await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).fill('khai sinh');
    await page.getByRole('search').getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/[?&]q=khai\+sinh/);
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
    await checkPage('7-search-by-button');
  });
});

describe('the browser checks themselves', () => {
  it('fail on an unlabelled field, refuse a context without JavaScript, and catch a page over its budget', async () => {
    const scripted = await newContext(browser, { javaScript: true });
    const plain = await newContext(browser, { javaScript: false });
    try {
      const page = await scripted.newPage();
      await page.setContent('<html lang="vi"><title>Thử</title><main><input name="q" /></main></html>');
      await expect(expectAccessible(page)).rejects.toThrow(/\[critical\] label: .*\n\s+input/);

      await expect(expectAccessible(await plain.newPage())).rejects.toThrow(/javaScript: true/);

      const transfer = await trackTransfer(page);
      await page.goto(`${cloud.apiUrl}/portal/trang-chu`);
      await expect(expectPageUnder(page, transfer, 1024)).rejects.toThrow(/transferred \d+ B, over 1024 B/);
    } finally {
      await scripted.close();
      await plain.close();
    }
  });
});
