/**
 * A citizen's own dossiers on the portal over real HTTP on the local cloud: filing through the multipart
 * form with real files (uploaded to the storage emulator and verified by the API), the receipt with the
 * PIN, the list, one dossier with its documents and timeline, uploading again, withdrawing, and who may
 * open what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { pdfText } from '../support/pdf.ts';
import { type PortalAgent, type PortalPage, signInToPortal } from '../support/portal-agent.ts';

let cloud: LocalCloud;
let an: PortalAgent;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'SILENT' });
  an = await signInToPortal(cloud.apiUrl, 'citizen-an');
});
afterAll(() => cloud?.stop());

const pdfBytes = () => {
  const bytes = Buffer.alloc(1500, 0x20);
  bytes.write('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
  bytes.write('%%EOF\n', 1494);
  return bytes;
};
const pngBytes = () => {
  const bytes = Buffer.alloc(900, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};

/** The value of a hidden field of the form posting to `action` (its first occurrence after the form starts). */
function hiddenOf(body: string, action: string, name: string): string {
  const start = body.indexOf(`action="${action}"`);
  expect(start, `no form posting to ${action}`).toBeGreaterThan(-1);
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(body.slice(start));
  if (!match?.[1]) throw new Error(`no ${name} in the form posting to ${action}`);
  return match[1];
}

const codeOf = (page: PortalPage) => /<strong>(24\.07210-\d{6}-\d{4,})<\/strong>/.exec(page.body)?.[1] ?? '';
const pinOf = (page: PortalPage) => /<dt>Mã tra cứu<\/dt>\s*<dd><strong>(\d{6})<\/strong>/.exec(page.body)?.[1] ?? '';

/** The filing form of 1.001193 as a person fills it in, with files for the first two documents. */
async function birthForm(files: Record<string, File>, overrides: Record<string, string> = {}): Promise<FormData> {
  const form = await an.get('/portal/nop-ho-so/1.001193');
  expect(form.status).toBe(200);
  const fields: Record<string, string> = {
    _key: hiddenOf(form.body, '/portal/nop-ho-so/1.001193', '_key'),
    hoTen: 'Nguyễn Văn An',
    soDinhDanh: '024090001234',
    dienThoai: '0912345678',
    diaChi: 'Số 1 đường Hoàng Văn Thụ, Phường Bắc Giang',
    maXa: '07210',
    nhanKetQua: 'online',
    ...overrides,
  };
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const [name, file] of Object.entries(files)) data.append(name, file);
  return data;
}

describe('filing a dossier on the portal', () => {
  let code = '';
  let pin = '';

  it('shows the filing form: the applicant, the commune, the return by post and one file input per document', async () => {
    const form = await an.get('/portal/nop-ho-so/1.001193');
    expect(form.status).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('<option value="07210"');
    expect(form.body).toContain('Phường Bắc Giang');
    expect(form.body).toContain('Chọn nhận kết quả qua bưu chính');
    expect(form.body.match(/type="file"/g)).toHaveLength(3);
    expect(form.body).toContain('accept="application/pdf,image/jpeg,image/png"');
    expect(form.body).toMatch(/Văn bản ủy quyền \(khi nộp thay\)\s*<span class="hint">\(nếu có\)<\/span>/);
    expect(form.body).toContain('tối đa 4 MB');
    // Every commune of the province is an option, and the page stays light.
    expect(form.body.match(/<option value="\d{5}"/g)?.length).toBeGreaterThan(90);
    expect(Buffer.byteLength(form.body)).toBeLessThan(100_000);
    expect((await an.get('/portal/nop-ho-so/1.999999')).status).toBe(404);
    expect((await an.get('/portal/nop-ho-so/abc')).status).toBe(404);
  });

  it('files with a PDF and a PNG: the receipt shows the code and the PIN, and the files were verified', async () => {
    const data = await birthForm(
      {
        'tai-lieu-0': new File([pdfBytes()], 'to-khai.pdf', { type: 'application/pdf' }),
        'tai-lieu-1': new File([pngBytes()], 'giay-chung-sinh.png', { type: 'image/png' }),
      },
      { nhanKetQua: 'post', diaChiNhan: 'Số 5 phố <Lý Thái Tổ>, Phường Đa Mai', dienThoaiNhan: '0987654321' },
    );
    const receipt = await an.post('/portal/nop-ho-so/1.001193', data);
    expect(receipt.status, receipt.body).toBe(201);
    expect(receipt.body).toContain('Đã nộp hồ sơ');
    code = codeOf(receipt);
    pin = pinOf(receipt);
    expect(code).not.toBe('');
    expect(pin).toMatch(/^\d{6}$/);
    // Nghị định 118/2025: the ward's service centre receives it.
    expect(receipt.body).toContain('Trung tâm Phục vụ hành chính công Phường Bắc Giang');
    expect(receipt.body).toContain('mã tra cứu chỉ hiển thị một lần');
    expect(receipt.body).toContain(`/portal/tra-cuu-ho-so?code=${code}`);
    expect(receipt.body).not.toContain('chưa được nhận');
    expect(receipt.body).toContain('giay-chung-sinh.png');

    // The PIN really is the dossier's: the public lookup finds it with it.
    const lookup = await fetch(`${cloud.apiUrl}/portal/tra-cuu-ho-so`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, pin }).toString(),
    });
    expect(lookup.status).toBe(200);
    expect(await lookup.text()).toContain('Mới đăng ký');

    // Posting the very same form again (a reload, a double click) files nothing more: the same receipt.
    const again = await an.post('/portal/nop-ho-so/1.001193', data);
    expect(again.status).toBe(201);
    expect(codeOf(again)).toBe(code);
    expect(pinOf(again)).toBe(pin);
  });

  it('lists the dossier once in "Hồ sơ của tôi"', async () => {
    const mine = await an.get('/portal/ho-so-cua-toi');
    expect(mine.status).toBe(200);
    expect(mine.body.split(`href="/portal/ho-so-cua-toi/${code}"`)).toHaveLength(2);
    expect(mine.body).toContain('Đăng ký khai sinh');
    expect(mine.body).toContain('Mới đăng ký');
  });

  it('shows the dossier: status, return by post, the verified documents to download and the timeline', async () => {
    const page = await an.get(`/portal/ho-so-cua-toi/${code}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Mới đăng ký');
    expect(page.body).toContain('Nhận qua dịch vụ bưu chính');
    // The applicant's own text is shown as text.
    expect(page.body).toContain('Số 5 phố &lt;Lý Thái Tổ&gt;, Phường Đa Mai');
    expect(page.body).toContain('Tờ khai đăng ký khai sinh');
    expect(page.body.match(/Đã kiểm tra/g)).toHaveLength(2);
    expect(page.body).toMatch(/Nộp hồ sơ trực tuyến thủ tục &quot;Đăng ký khai sinh&quot;/);
    // Open while not yet received: more files, and withdrawal.
    expect(page.body).toContain(`action="/portal/ho-so-cua-toi/${code}/tai-lieu"`);
    expect(page.body).toContain(`action="/portal/ho-so-cua-toi/${code}/rut-ho-so"`);
    expect(page.body).not.toContain('/thanh-toan');
    expect(page.body).not.toContain('/danh-gia');

    const link = /<a href="([^"]+)"\s*>Tải về<span class="skip"> Tờ khai đăng ký khai sinh/.exec(page.body)?.[1];
    expect(link).toBeDefined();
    const download = await fetch((link ?? '').replaceAll('&amp;', '&'));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdfBytes())).toBe(true);
  });

  it('answers another citizen with the 404 page, and an official with 403 on the citizen pages', async () => {
    const binh = await signInToPortal(cloud.apiUrl, 'citizen-binh');
    const theirs = await binh.get(`/portal/ho-so-cua-toi/${code}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).not.toContain(code);
    const withdrawal = await binh.post(`/portal/ho-so-cua-toi/${code}/rut-ho-so`, {
      _key: '11111111-1111-4111-8111-111111111111',
      expectedVersion: '1',
      reason: 'Không phải của tôi',
    });
    expect(withdrawal.status).toBe(404);
    expect((await binh.get('/portal/ho-so-cua-toi')).body).not.toContain(code);

    const receiver = await signInToPortal(cloud.apiUrl, 'receiver-hoa');
    expect((await receiver.get('/portal/ho-so-cua-toi')).status).toBe(403);
    expect((await receiver.get('/portal/nop-ho-so/1.001193')).status).toBe(403);
  });

  it('offers the process control slip (mẫu số 06) once received, as a PDF only the applicant gets', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: await tokenFor(cloud, 'citizen-an'),
      body: birthRegistration(),
    });
    expect(filed.status).toBe(201);
    const slipCode: string = filed.body.code;
    const slipPage = `/portal/ho-so-cua-toi/${slipCode}/phieu-kiem-soat`;
    expect((await an.get(`/portal/ho-so-cua-toi/${slipCode}`)).body).not.toContain(slipPage);
    await cloud.settle();
    await actOnDossier(cloud, await tokenFor(cloud, 'receiver-lan'), slipCode, { type: 'receive' });
    const page = await an.get(`/portal/ho-so-cua-toi/${slipCode}`);
    expect(page.body).toContain(`<a href="${slipPage}">Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu số 06)</a>`);
    const slip = await an.file(slipPage);
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(slip.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(slipCode);
    const binh = await signInToPortal(cloud.apiUrl, 'citizen-binh');
    expect((await binh.file(slipPage)).status).toBe(404);
  });

  it('keeps the typed values and asks again for the files when the form is refused', async () => {
    const data = await birthForm(
      { 'tai-lieu-0': new File([pdfBytes()], 'to-khai.pdf', { type: 'application/pdf' }) },
      { soDinhDanh: '12345', hoTen: 'Nguyễn "Văn" <An>' },
    );
    const refused = await an.post('/portal/nop-ho-so/1.001193', data);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Số định danh cá nhân gồm 12 chữ số');
    expect(refused.body).toContain('value="Nguyễn &quot;Văn&quot; &lt;An&gt;"');
    expect(refused.body).toContain('vui lòng chọn lại các tệp đính kèm');
  });

  it('files the dossier even when a file is refused, says which, and takes the file again on the dossier page', async () => {
    const data = await birthForm({
      'tai-lieu-0': new File(['Đây không phải một tệp PDF'], 'to-khai.pdf', { type: 'application/pdf' }),
    });
    const receipt = await an.post('/portal/nop-ho-so/1.001193', data);
    expect(receipt.status).toBe(201);
    const filed = codeOf(receipt);
    expect(filed).not.toBe('');
    expect(pinOf(receipt)).toMatch(/^\d{6}$/);
    expect(receipt.body).toContain('các tệp sau chưa được nhận');
    expect(receipt.body).toContain('Tệp không phải PDF, JPEG hoặc PNG.');
    expect(receipt.body).toContain(`href="/portal/ho-so-cua-toi/${filed}"`);

    const page = await an.get(`/portal/ho-so-cua-toi/${filed}`);
    expect(page.body).toContain('Bị từ chối');
    const upload = new FormData();
    upload.append('_key', hiddenOf(page.body, `/portal/ho-so-cua-toi/${filed}/tai-lieu`, '_key'));
    upload.append('slot', '0');
    upload.append('tep', new File([pdfBytes()], 'to-khai-moi.pdf', { type: 'application/pdf' }));
    const sent = await an.post(`/portal/ho-so-cua-toi/${filed}/tai-lieu`, upload);
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/portal/ho-so-cua-toi/${filed}?da=tai-len`);
    const after = await an.follow(sent);
    expect(after.body).toContain('Đã nhận tệp và kiểm tra xong.');
    expect(after.body).toContain('Đã kiểm tra');

    // A wrong type through the dossier page is reported there, nothing kept.
    const wrong = new FormData();
    wrong.append('_key', hiddenOf(after.body, `/portal/ho-so-cua-toi/${filed}/tai-lieu`, '_key'));
    wrong.append('slot', '1');
    wrong.append('tep', new File(['MZ not an image'], 'giay-chung-sinh.png', { type: 'image/png' }));
    const refused = await an.post(`/portal/ho-so-cua-toi/${filed}/tai-lieu`, wrong);
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('chưa được nhận');
    expect(refused.body).toContain('Tệp không phải PDF, JPEG hoặc PNG.');
  });

  it('shows what the commune asks to supplement, and sends the dossier back once supplemented', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: await tokenFor(cloud, 'citizen-an'),
      body: birthRegistration(),
    });
    expect(filed.status).toBe(201);
    const supplementCode: string = filed.body.code;
    await actOnDossier(cloud, await tokenFor(cloud, 'receiver-lan'), supplementCode, {
      type: 'request-supplement',
      defects: ['Thiếu <giấy chứng sinh> bản chính'],
    });
    const page = await an.get(`/portal/ho-so-cua-toi/${supplementCode}`);
    expect(page.body).toContain('Hồ sơ cần bổ sung');
    expect(page.body).toContain('Thiếu &lt;giấy chứng sinh&gt; bản chính');
    const action = `/portal/ho-so-cua-toi/${supplementCode}/bo-sung`;
    const sent = await an.post(action, {
      _key: hiddenOf(page.body, action, '_key'),
      expectedVersion: hiddenOf(page.body, action, 'expectedVersion'),
      note: 'Đã tải lên giấy chứng sinh',
    });
    expect(sent.status).toBe(303);
    const after = await an.follow(sent);
    expect(after.body).toContain('Đã gửi hồ sơ bổ sung đến cơ quan giải quyết.');
    expect(after.body).toContain('Mới đăng ký');
    expect(after.body).not.toContain('Hồ sơ cần bổ sung');
  });

  it('withdraws on the version shown; a page the commune changed meanwhile is asked to look again', async () => {
    const page = await an.get(`/portal/ho-so-cua-toi/${code}`);
    const action = `/portal/ho-so-cua-toi/${code}/rut-ho-so`;
    // The commune's receiver receives the dossier while the citizen has the page open.
    await actOnDossier(cloud, await tokenFor(cloud, 'receiver-lan'), code, { type: 'receive' });
    const stale = await an.post(action, {
      _key: hiddenOf(page.body, action, '_key'),
      expectedVersion: hiddenOf(page.body, action, 'expectedVersion'),
      reason: 'Nộp nhầm thủ tục',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Hồ sơ vừa thay đổi, vui lòng xem lại');
    expect(stale.body).toContain('Nộp nhầm thủ tục');
    expect(stale.body).toContain('Được tiếp nhận');

    const withdrawn = await an.post(action, {
      _key: hiddenOf(stale.body, action, '_key'),
      expectedVersion: hiddenOf(stale.body, action, 'expectedVersion'),
      reason: 'Nộp nhầm thủ tục',
    });
    expect(withdrawn.status).toBe(303);
    const after = await an.follow(withdrawn);
    expect(after.body).toContain('Đã rút hồ sơ.');
    expect(after.body).toContain('Công dân rút hồ sơ');
    expect(after.body).toContain('Người nộp đã rút hồ sơ. Lý do: Nộp nhầm thủ tục');
    expect(after.body).not.toContain(`action="${action}"`);
    expect(after.body).not.toContain(`action="/portal/ho-so-cua-toi/${code}/tai-lieu"`);
  });
});
