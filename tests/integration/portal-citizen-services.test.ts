import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { paths } from '../../shared/portal/paths.ts';
import { launchBrowser, newContext } from '../support/browser.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { type PortalAgent, type PortalPage, signInToPortal } from '../support/portal-agent.ts';

/**
 * The citizen's services on the portal over real HTTP: paying a fee through the (simulated) national
 * payment platform, rating a returned dossier, filing feedback and reading its answer, and checking a
 * signed result by code and by upload.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
let an: PortalAgent;
let binh: PortalAgent;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'SILENT' });
  for (const sub of [
    'citizen-an',
    'receiver-lan',
    'specialist-ha',
    'leader-hung',
    'leader-tuan',
    'admin-quang',
    'specialist-minh',
  ]) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
  an = await signInToPortal(cloud.apiUrl, 'citizen-an');
  binh = await signInToPortal(cloud.apiUrl, 'citizen-binh');
});
afterAll(() => cloud?.stop());

/** A copy of a civil-status extract at Phường Bắc Giang: 8.000 đồng, due at intake. */
const extractCopy = '2.000635';

async function file(procedureCode = '1.001193'): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration({ procedureCode }),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  pins.set(filed.body.code as string, filed.body.lookupPin as string);
  await cloud.settle();
  return filed.body.code as string;
}

/** Each filed dossier's look-up PIN, as its receipt showed it. */
const pins = new Map<string, string>();

const read = async (code: string) =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body;

/** Filed, handled and decided (the result signed) by the commune's officials. */
async function decided(): Promise<string> {
  const code = await file();
  const step = (sub: string, body: Record<string, unknown>) => actOnDossier(cloud, tokens[sub], code, body);
  await step('receiver-lan', { type: 'receive' });
  await step('receiver-lan', { type: 'forward', assigneeId: 'specialist-ha' });
  await step('specialist-ha', { type: 'forward', assigneeId: 'leader-hung' });
  await step('leader-hung', { type: 'decide', outcome: 'approved' });
  await cloud.settle();
  return code;
}

const keyOf = (page: PortalPage) => /name="_key" value="([^"]+)"/.exec(page.body)?.[1] ?? '';

describe('paying a fee', () => {
  it('sends the applicant to the platform, and the dossier is paid once the platform reports it', async () => {
    const code = await file(extractCopy);
    const form = await an.get(paths.myDossierPayment(code));
    expect(form.status).toBe(200);
    expect(form.body).toContain('8.000 đồng');
    expect(form.body).toContain('Thanh toán trực tuyến');

    const sent = await an.post(paths.myDossierPayment(code), { _key: keyOf(form) });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatch(
      new RegExp(`href="${cloud.partnersUrl}/payments/pay/NP-[^"]+">Tiếp tục đến trang thanh toán`),
    );
    const asked = [...cloud.partners.payments.requests.values()].find((r) => r.dossierCode === code);
    expect(asked).toMatchObject({ amount: 8000, returnUrl: `${cloud.apiUrl}${paths.myDossier(code)}?da=thanh-toan` });

    const paid = await cloud.partners.payments.pay(asked?.paymentId ?? '');
    expect(paid.body).toMatchObject({ outcome: 'paid' });
    await cloud.settle();
    expect((await read(code)).fee).toMatchObject({ amount: 8000, paid: true, paidOnline: true });

    const after = await an.get(paths.myDossierPayment(code));
    expect(after.body).toContain('đã được nộp trực tuyến');
    expect(after.body).not.toContain('Thanh toán trực tuyến</button>');
    const again = await an.post(paths.myDossierPayment(code), { _key: randomUUID() });
    expect(again.status).toBe(422);
    expect(again.body).toContain('Phí, lệ phí của hồ sơ này đã được nộp.');
  });

  it("is another citizen's 404, to see and to pay", async () => {
    const code = await file(extractCopy);
    expect((await binh.get(paths.myDossierPayment(code))).status).toBe(404);
    expect((await binh.post(paths.myDossierPayment(code), { _key: randomUUID() })).status).toBe(404);
    expect([...cloud.partners.payments.requests.values()].some((r) => r.dossierCode === code)).toBe(false);
  });

  it('works in a browser under the strict CSP: on to the platform by a link, and back', async () => {
    const code = await file(extractCopy);
    const browser = await launchBrowser();
    try {
      const context = await newContext(browser, { javaScript: false });
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) blocked.push(message.text());
      });
      await page.goto(`${cloud.apiUrl}${paths.signIn}?sau=${encodeURIComponent(paths.myDossierPayment(code))}`);
      await page.getByRole('button', { name: 'Đăng nhập với tên Nguyễn Văn An' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nộp phí, lệ phí' }).waitFor();
      await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
      await page.getByRole('link', { name: 'Tiếp tục đến trang thanh toán' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nền tảng thanh toán (mô phỏng)' }).waitFor();
      expect(page.url()).toMatch(new RegExp(`^${cloud.partnersUrl}/payments/pay/`));
      await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
      await page.waitForURL(`${cloud.apiUrl}${paths.myDossier(code)}?da=thanh-toan`);
      expect(blocked).toEqual([]);
      await cloud.settle();
      expect((await read(code)).fee).toMatchObject({ paid: true, paidOnline: true });
    } finally {
      await browser.close();
    }
  });
});

describe('rating a returned dossier and checking its signed result', () => {
  let code: string;
  beforeAll(async () => {
    code = await decided();
  });

  it('refuses before the return, rates once after it, and says so the second time', async () => {
    const early = await an.get(paths.myDossierRating(code));
    expect(early.body).toContain('chỉ đánh giá được sau khi nhận kết quả');
    const tooEarly = await an.post(paths.myDossierRating(code), { _key: randomUUID(), score: '5' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toContain('Hồ sơ chưa được trả kết quả');

    await actOnDossier(cloud, tokens['receiver-lan'], code, { type: 'return-result' });
    await cloud.settle();
    const form = await an.get(paths.myDossierRating(code));
    expect(form.body).toContain('Rất hài lòng');
    const rated = await an.post(paths.myDossierRating(code), {
      _key: keyOf(form),
      score: '4',
      comment: 'Cán bộ hướng dẫn tận tình.',
    });
    expect(rated.status).toBe(303);
    expect(rated.location).toBe(`${paths.myDossier(code)}?da=danh-gia`);
    expect((await read(code)).rating).toMatchObject({ score: 4, comment: 'Cán bộ hướng dẫn tận tình.' });

    const twice = await an.post(paths.myDossierRating(code), { _key: randomUUID(), score: '1' });
    expect(twice.status).toBe(409);
    expect(twice.body).toContain('mỗi hồ sơ chỉ được đánh giá một lần');
    expect((await read(code)).rating).toMatchObject({ score: 4 });
    expect((await binh.get(paths.myDossierRating(code))).status).toBe(404);
    expect((await binh.post(paths.myDossierRating(code), { _key: randomUUID(), score: '1' })).status).toBe(404);
  });

  it('shows a signed result valid, by code and PIN (signed in or not) and by upload, and a tampered copy invalid', async () => {
    // The code alone is printed on every form: without the receipt's PIN it shows nobody's decision.
    const withoutPin = await an.post(paths.verifySignature, { code });
    expect(withoutPin.status).toBe(400);
    expect(withoutPin.body).toContain('Mã tra cứu gồm 6 chữ số');
    expect(withoutPin.body).not.toContain('Vũ Mạnh Hùng');
    // Anyone: no session, no token.
    const byCode = await fetch(`${cloud.apiUrl}${paths.verifySignature}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, pin: pins.get(code) ?? '' }).toString(),
    });
    const byCodePage = await byCode.text();
    expect(byCode.status).toBe(200);
    expect(byCodePage).toContain('Chữ ký số hợp lệ.');
    expect(byCodePage).toContain('Vũ Mạnh Hùng');
    expect(byCodePage).toContain(code);
    expect(byCodePage).toMatch(/<code>[0-9a-f]{64}<\/code>/);

    const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    const result = (documents.body.items as { kind: string; download?: { url: string } }[]).find(
      (d) => d.kind === 'result',
    );
    const pdf = Buffer.from(await (await fetch(result?.download?.url ?? '')).arrayBuffer());
    const upload = (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.set('pdf', new File([bytes], name, { type: 'application/pdf' }));
      return an.post(paths.verifySignature, form);
    };
    const genuine = await upload(pdf, 'ket-qua.pdf');
    expect(genuine.status).toBe(200);
    expect(genuine.body).toContain('Chữ ký số hợp lệ.');
    expect(genuine.body).toContain('ket-qua.pdf');

    // One byte changed inside the signed content (the document's first object, after the header).
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('obj') + 10;
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    const forged = await upload(tampered, 'ket-qua-sua.pdf');
    expect(forged.status).toBe(200);
    expect(forged.body).toContain('Chữ ký số không hợp lệ.');
    expect(forged.body).toContain('bị thay đổi');
    expect(forged.body).not.toContain('Chữ ký số hợp lệ.');

    const unknown = await an.post(paths.verifySignature, { code: 'ABC' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('Mã hồ sơ không đúng định dạng');
  });
});

describe('feedback', () => {
  it('files feedback about one’s own dossier, lists it under "Phản ánh của tôi", then shows the answer', async () => {
    const code = await file();
    const form = await an.get(`${paths.newFeedback}?ho-so=${code}`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('<option value="24.STP" >Sở Tư pháp tỉnh Bắc Ninh</option>');
    expect(form.body).toContain('Phường Bắc Giang');
    expect(form.body).toContain(`value="${code}"`);
    // A hundred-odd agencies in the select, still a light page.
    expect(Buffer.byteLength(form.body)).toBeLessThan(100 * 1024);

    const title = `Hỏi về thời hạn ${code}`;
    const filed = await an.post(paths.newFeedback, {
      _key: keyOf(form),
      title,
      content: 'Xin cho biết khi nào có kết quả.',
      agencyId: '24.STP',
      dossierCode: code,
      fullName: 'Nguyễn Văn An',
      phone: '0912 345 678',
    });
    expect(filed.status).toBe(303);
    expect(filed.location).toBe(`${paths.myFeedback}?da=gui`);
    const mine = await an.follow(filed);
    expect(mine.body).toContain('Đã gửi phản ánh, kiến nghị.');
    expect(mine.body).toContain(title);
    expect(mine.body).toContain('Sở Tư pháp tỉnh Bắc Ninh');
    expect(mine.body).toContain('Đã tiếp nhận');

    // Answered by the department: the answer shows on the citizen's list.
    const id = (
      (await request(cloud, 'GET', '/v1/me/feedback', { token: tokens['citizen-an'] })).body.items as {
        id: string;
        title: string;
      }[]
    ).find((f) => f.title === title)?.id;
    const act = async (sub: string, body: Record<string, unknown>) => {
      const done = await request(cloud, 'POST', `/v1/feedback/${id}/actions`, { token: tokens[sub], body });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    };
    await act('leader-tuan', { type: 'assign', expectedVersion: 1, assigneeId: 'specialist-minh' });
    await act('specialist-minh', { type: 'answer', expectedVersion: 2, text: 'Kết quả được trả trong tuần này.' });
    const answered = await an.get(paths.myFeedback);
    expect(answered.body).toContain('Đã trả lời');
    expect(answered.body).toContain('Kết quả được trả trong tuần này.');

    // Someone else's dossier: the form again, with a message, and nothing filed.
    const other = await binh.post(paths.newFeedback, {
      _key: randomUUID(),
      title: 'Phản ánh khác',
      content: 'Nội dung',
      agencyId: '24.STP',
      dossierCode: code,
    });
    expect(other.status).toBe(404);
    expect(other.body).toContain(`Không tìm thấy hồ sơ ${code}`);
    expect(other.body).toContain('value="Phản ánh khác"');
    expect((await binh.get(paths.myFeedback)).body).not.toContain('Phản ánh khác');
  });

  it('links the published answers page to the feedback form', async () => {
    const page = await an.get(paths.feedback);
    expect(page.body).toContain(`<a href="${paths.newFeedback}">Gửi phản ánh, kiến nghị</a>`);
  });
});
