/**
 * The acceptance walk of the portal in a real browser, once with JavaScript on and once off: a citizen
 * finds birth registration and files it with a file, the commune's receiver receives and forwards it,
 * the leader approves and the result is signed, the receiver returns it, and the citizen finds it
 * returned, looks it up by code and PIN, checks its signature and rates the service. Each person has
 * their own browser context; every page is accessible (axe-core, with JavaScript), under 100 KB, and
 * photographed. Another citizen and another agency's official get the 404 page.
 */
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { demoProcedures } from '../../infra/local/seed-catalogue.ts';
import { paths } from '../../shared/portal/paths.ts';
import {
  expectAccessible,
  expectPageUnder,
  launchBrowser,
  newContext,
  saveScreenshot,
  type TransferTracker,
  trackTransfer,
} from '../support/browser.ts';

let cloud: LocalCloud;
let browser: Browser;

beforeAll(async () => {
  // Launched first: a missing Chromium fails before the emulators start.
  browser = await launchBrowser();
  // Pollers on: the sign worker must sign the leader's decision.
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'SILENT' });
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

const maxBytes = 100 * 1024;
const birth = demoProcedures.find((p) => p.code === '1.001193');
const firstDocument = birth?.documents[0]?.name ?? 'Tờ khai đăng ký khai sinh';

/** A small PDF the API's checks accept: the header, some bytes, the end marker. */
const pdfBytes = () => {
  const bytes = Buffer.alloc(1500, 0x20);
  bytes.write('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
  bytes.write('%%EOF\n', 1494);
  return bytes;
};

interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  transfer: TransferTracker;
}

describe.each([
  { javaScript: true, flow: 'walk-js-on' },
  { javaScript: false, flow: 'walk-js-off' },
])('a birth registration from search to signed result, JavaScript $javaScript', ({ javaScript, flow }) => {
  const people: Person[] = [];
  let shot = 0;
  let code = '';
  let pin = '';

  afterAll(async () => {
    for (const person of people) await person.context.close();
  });

  async function open(name: string): Promise<Person> {
    const context = await newContext(browser, { javaScript });
    const page = await context.newPage();
    const person = { name, context, page, transfer: await trackTransfer(page) };
    people.push(person);
    return person;
  }

  /** The checks every portal page gets: its size, accessibility where axe can run, and a screenshot. */
  async function checkPage(person: Person, step: string) {
    await expectPageUnder(person.page, person.transfer, maxBytes);
    if (javaScript) await expectAccessible(person.page);
    shot += 1;
    await saveScreenshot(person.page, `${flow}/${String(shot).padStart(2, '0')}-${step}`);
  }

  /**
   * On the local identity provider's page (its own inline style, no stylesheet): checked like the others,
   * then the person picks themselves and lands back on the portal page the sign-in started from.
   */
  async function signIn(person: Person, step: string) {
    const { page } = person;
    const button = page.getByRole('button', { name: `Đăng nhập với tên ${person.name}` });
    await button.waitFor();
    await page.waitForLoadState('load');
    const transfers = await person.transfer.take();
    expect(transfers.reduce((sum, t) => sum + t.bytes, 0)).toBeLessThan(maxBytes);
    if (javaScript) await expectAccessible(page);
    shot += 1;
    await saveScreenshot(page, `${flow}/${String(shot).padStart(2, '0')}-${step}`);
    await button.click();
    await page.waitForURL(
      (url) => url.href.startsWith(`${cloud.apiUrl}/portal/`) && !url.pathname.includes('dang-nhap'),
    );
  }

  /** A click that loads a page; its answer's status. */
  async function navigate(page: Page, click: () => Promise<void>): Promise<Response> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && r.status() !== 303,
      ),
      click(),
    ]);
    await page.waitForLoadState('load');
    return response;
  }

  const success = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  it('lets the citizen find the procedure, sign in, file with a PDF and read the code and PIN', async () => {
    const an = await open('Nguyễn Văn An');
    const { page } = an;
    await page.goto(`${cloud.apiUrl}${paths.home}`);
    await page.getByRole('heading', { level: 1, name: 'Tìm thủ tục hành chính' }).waitFor();
    await checkPage(an, 'citizen-home');

    const search = page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' });
    await search.fill('khai sinh');
    await search.press('Enter');
    await page.waitForURL(/[?&]q=khai\+sinh/);
    await checkPage(an, 'citizen-search');

    await page.getByRole('listitem').getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await checkPage(an, 'citizen-procedure');

    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await signIn(an, 'citizen-sign-in');
    expect(new URL(page.url()).pathname).toBe(paths.fileDossier('1.001193'));
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ: Đăng ký khai sinh' }).waitFor();
    // The form knows who is signed in.
    expect(await page.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Nguyễn Văn An');
    await checkPage(an, 'citizen-filing-form');

    await page.getByLabel('Số định danh cá nhân (CCCD)').fill('024090001234');
    await page.getByLabel('Số điện thoại (không bắt buộc)', { exact: true }).fill('0912345678');
    await page.getByLabel('Địa chỉ thường trú hoặc nơi ở hiện tại').fill('Số 1 đường Hoàng Văn Thụ, Phường Bắc Giang');
    await page.getByLabel('Xã, phường nơi nộp hồ sơ').selectOption({ label: 'Phường Bắc Giang' });
    await page
      .getByRole('group', { name: 'Cách nhận kết quả' })
      .getByRole('radio', { name: /^Nhận trực tuyến/ })
      .check();
    await page
      .getByRole('group', { name: 'Thành phần hồ sơ' })
      .getByLabel(firstDocument, { exact: true })
      .setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    const filed = await navigate(page, () => page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click());
    expect(filed.status()).toBe(201);

    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    // Nghị định 118/2025: the ward's service centre receives it.
    await success(page, 'Trung tâm Phục vụ hành chính công Phường Bắc Giang');
    code = (await page.locator('dt:text-is("Mã hồ sơ") + dd').textContent())?.trim() ?? '';
    pin = (await page.locator('dt:text-is("Mã tra cứu") + dd').textContent())?.trim() ?? '';
    expect(code).toMatch(/^24\.07210-\d{6}-\d{4,}$/);
    expect(pin).toMatch(/^\d{6}$/);
    await page.getByRole('heading', { level: 2, name: 'Tệp đã nhận' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'to-khai.pdf' }).waitFor();
    await checkPage(an, 'citizen-receipt');
  });

  it("lets the commune centre's receiver find it in the queue, receive it and forward it to the ward's specialist", async () => {
    expect(code).not.toBe('');
    const lan = await open('Đỗ Thị Lan');
    const { page } = lan;
    await page.goto(`${cloud.apiUrl}${paths.signIn}`);
    await signIn(lan, 'receiver-sign-in');
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });
    await row.getByText('Mới đăng ký').waitFor();
    await checkPage(lan, 'receiver-queue');

    await row.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await checkPage(lan, 'receiver-dossier');

    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await success(page, 'Đã tiếp nhận hồ sơ.');
    await page.locator('.status').filter({ hasText: 'Được tiếp nhận' }).waitFor();
    await checkPage(lan, 'receiver-received');

    // The centre forwards it to the ward, whose civil-status specialist checks it.
    const forward = page.getByRole('group', { name: 'Chuyển bước xử lý' });
    await forward.getByLabel('Mã cán bộ xử lý bước tiếp theo (không bắt buộc)').fill('specialist-ha');
    await forward.getByRole('button', { name: 'Chuyển bước xử lý' }).click();
    await success(page, 'Đã chuyển hồ sơ sang bước xử lý tiếp theo.');
    await checkPage(lan, 'receiver-forwarded-to-ward');
  });

  it("lets the ward's specialist find it in the queue and forward it to the leader", async () => {
    const ha = await open('Phan Thị Hà');
    const { page } = ha;
    await page.goto(`${cloud.apiUrl}${paths.signIn}`);
    await signIn(ha, 'specialist-sign-in');
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
    await page.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const forward = page.getByRole('group', { name: 'Chuyển bước xử lý' });
    await forward.getByLabel('Mã cán bộ xử lý bước tiếp theo (không bắt buộc)').fill('leader-hung');
    await forward.getByLabel('Ghi chú nội bộ (không bắt buộc)').fill('Đã thẩm định, đủ điều kiện');
    await forward.getByRole('button', { name: 'Chuyển bước xử lý' }).click();
    await success(page, 'Đã chuyển hồ sơ sang bước xử lý tiếp theo.');
    await page.getByText('cán bộ: leader-hung').waitFor();
    await checkPage(ha, 'specialist-forwarded-to-leader');
  });

  it('lets the leader approve it, and shows the result signed with their certificate', async () => {
    const hung = await open('Vũ Mạnh Hùng');
    const { page } = hung;
    await page.goto(`${cloud.apiUrl}${paths.signIn}`);
    await signIn(hung, 'leader-sign-in');
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
    await checkPage(hung, 'leader-queue');

    await page.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.getByText('Đã thẩm định, đủ điều kiện').waitFor();
    await checkPage(hung, 'leader-dossier');

    const decide = page.getByRole('group', { name: 'Phê duyệt và ký số kết quả' });
    await decide.getByRole('radio', { name: 'Chấp thuận', exact: true }).check();
    await decide.getByRole('button', { name: 'Phê duyệt và ký số kết quả' }).click();
    // "…đang được ký số" only if the sign worker has not signed yet: locally it often has.
    await success(page, 'Đã ghi nhận quyết định');
    await page.locator('.status').filter({ hasText: 'Đã xử lý xong' }).waitFor();
    await checkPage(hung, 'leader-decided');

    await cloud.settle();
    await page.reload();
    await success(page, 'Kết quả đã được ký số bởi Vũ Mạnh Hùng');
    await page.getByRole('link', { name: /^Tải kết quả có chữ ký số/ }).waitFor();
    await checkPage(hung, 'leader-signed');
  });

  it('lets the receiver return the result', async () => {
    const lan = people.find((person) => person.name === 'Đỗ Thị Lan') as Person;
    const { page } = lan;
    await page.goto(`${cloud.apiUrl}${paths.officialDossier(code)}`);
    await page.getByRole('heading', { level: 2, name: 'Kết quả giải quyết' }).waitFor();
    await checkPage(lan, 'receiver-before-return');

    await page.getByRole('group', { name: 'Trả kết quả' }).getByRole('button', { name: 'Đã trả kết quả' }).click();
    await success(page, 'Đã ghi nhận trả kết quả cho người nộp.');
    await page.locator('.status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    await checkPage(lan, 'receiver-returned');
    await cloud.settle();
  });

  it('shows the citizen the returned dossier and its signed result, by lookup too, valid, and takes a rating', async () => {
    const an = people.find((person) => person.name === 'Nguyễn Văn An') as Person;
    const { page } = an;
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });
    await row.getByText('Đã trả kết quả').waitFor();
    await checkPage(an, 'citizen-my-dossiers');

    await row.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.locator('.status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    const result = page.getByRole('row').filter({ hasText: 'Kết quả có chữ ký số' });
    await result.getByRole('link', { name: /^Tải về/ }).waitFor();
    await page.getByRole('row').filter({ hasText: firstDocument }).getByText('Đã kiểm tra').waitFor();
    await checkPage(an, 'citizen-dossier-returned');

    await page.getByRole('link', { name: 'Đánh giá mức độ hài lòng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' }).waitFor();
    await checkPage(an, 'citizen-rating-form');
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page.getByLabel('Ý kiến (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForURL(`${cloud.apiUrl}${paths.myDossier(code)}?da=danh-gia`);
    await success(page, 'Cảm ơn');
    await page.locator('dt:text-is("Đánh giá của bạn") + dd').filter({ hasText: '4/5' }).waitFor();
    expect(await page.getByRole('link', { name: 'Đánh giá mức độ hài lòng' }).count()).toBe(0);
    await checkPage(an, 'citizen-rated');

    await nav.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    await checkPage(an, 'citizen-lookup-form');
    await page.getByLabel('Mã hồ sơ', { exact: true }).fill(code);
    await page.getByLabel('Mã tra cứu (6 chữ số)', { exact: true }).fill(pin);
    const found = await navigate(page, () => page.getByRole('button', { name: 'Tra cứu' }).click());
    expect(found.status()).toBe(200);
    await page.getByRole('heading', { level: 2, name: `Hồ sơ ${code}` }).waitFor();
    await page.locator('dt:text-is("Tình trạng") + dd').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    const timeline = page.locator('h2:text-is("Quá trình xử lý") + ol > li');
    // Filed, routed to intake, received, forwarded twice, decided, signed, returned, rated: at least these.
    expect(await timeline.count()).toBeGreaterThanOrEqual(7);
    await timeline.filter({ hasText: 'Hồ sơ đã được tiếp nhận' }).waitFor();
    await checkPage(an, 'citizen-lookup-result');

    await nav.getByRole('link', { name: 'Kiểm tra chữ ký số' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra chữ ký số' }).waitFor();
    await checkPage(an, 'citizen-verify-form');
    await page.getByLabel('Hoặc nhập mã hồ sơ và mã tra cứu').fill(code);
    // The code alone is printed on every form: the receipt's PIN proves the person may see who decided.
    await page.getByLabel('Mã tra cứu', { exact: true }).fill(pin);
    const verified = await navigate(page, () => page.getByRole('button', { name: 'Kiểm tra theo mã hồ sơ' }).click());
    expect(verified.status()).toBe(200);
    await success(page, 'Chữ ký số hợp lệ.');
    await page.locator('dt:text-is("Người ký") + dd').filter({ hasText: 'Vũ Mạnh Hùng' }).waitFor();
    await page
      .locator('dt:text-is("Chữ ký số của cơ quan (thay dấu)") + dd')
      .filter({ hasText: 'Phường Bắc Giang – hợp lệ' })
      .waitFor();
    await page.locator('dt:text-is("Mã hồ sơ") + dd').filter({ hasText: code }).waitFor();
    await checkPage(an, 'citizen-verify-valid');
  });

  it("gives another citizen and another agency's official the 404 page", async () => {
    const binh = await open('Trần Thị Bình');
    await binh.page.goto(`${cloud.apiUrl}${paths.signIn}?sau=${encodeURIComponent(paths.myDossier(code))}`);
    const [forBinh] = await Promise.all([
      binh.page.waitForResponse((r) => new URL(r.url()).pathname === paths.myDossier(code)),
      signIn(binh, 'other-citizen-sign-in'),
    ]);
    expect(forBinh.status()).toBe(404);
    await binh.page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    expect(await binh.page.getByText('Đăng ký khai sinh').count()).toBe(0);
    await checkPage(binh, 'other-citizen-404');

    const mai = await open('Đinh Thị Mai');
    await mai.page.goto(`${cloud.apiUrl}${paths.signIn}?sau=${encodeURIComponent(paths.officialDossier(code))}`);
    const [forMai] = await Promise.all([
      mai.page.waitForResponse((r) => new URL(r.url()).pathname === paths.officialDossier(code)),
      signIn(mai, 'other-agency-sign-in'),
    ]);
    expect(forMai.status()).toBe(404);
    await mai.page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    expect(await mai.page.getByText('Nguyễn Văn An').count()).toBe(0);
    await checkPage(mai, 'other-agency-404');
  });
});
