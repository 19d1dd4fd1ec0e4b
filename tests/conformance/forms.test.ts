/**
 * The forms of Thông tư 03/2025/TT-VPCP, phụ lục I, as the platform issues them: their titles, what
 * form 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) says of an online and of a counter filing, the QR
 * code printed on it, and the process control slip (mẫu số 06) as it stands at each step. Against the
 * local cloud: the forms are rendered by the issue-forms worker and read back as a person would; the
 * slip, which only renders the timeline, is drawn by its own route each time it is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { demoUsers } from '../../infra/local/demo-users.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { demoProcedures } from '../../infra/local/seed-catalogue.ts';
import { formTitles } from '../../shared/documents/forms.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { pdfText } from '../support/pdf.ts';
import { pdfQrCode } from '../support/qr.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince });
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

interface Listed {
  id: string;
  kind: string;
  form?: string;
  download?: { url: string };
}

const formsOf = async (code: string): Promise<Listed[]> =>
  (
    (await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['leader-hung'] })).body
      .items as Listed[]
  ).filter((item) => item.kind === 'form');

const bytesOf = async (item: Listed | undefined): Promise<Buffer> =>
  Buffer.from(await (await fetch(item?.download?.url ?? '')).arrayBuffer());

/** GET /v1/dossiers/{code}/control-slip as `sub`: the slip rendered as the dossier stands now (or the problem). */
async function readSlip(sub: string, code: string) {
  const token = tokens[sub] ?? (tokens[sub] = await tokenFor(cloud, sub));
  const response = await fetch(new URL(`/v1/dossiers/${code}/control-slip`, cloud.apiUrl), {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The slip's text, read by `sub` (who must be allowed to). */
async function slipText(sub: string, code: string): Promise<string> {
  const slip = await readSlip(sub, code);
  expect(slip.status, slip.bytes.toString('utf8')).toBe(200);
  expect(slip.headers.get('content-type')).toBe('application/pdf');
  return flat(pdfText(slip.bytes));
}

/** POST /v1/dossiers/{code}/forms/01 as `sub`: the PDF's bytes (or the problem's). */
async function printReceipt(sub: string, code: string, pin: string) {
  const token = tokens[sub] ?? (tokens[sub] = await tokenFor(cloud, sub));
  const response = await fetch(new URL(`/v1/dossiers/${code}/forms/01`, cloud.apiUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ pin }),
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The text as one line: pdftotext breaks lines where the layout wraps them. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Uploads one file for a required-document slot, as the portal does, and has it verified. */
async function upload(sub: string, code: string, slot: number) {
  const bytes = Buffer.alloc(2048, 0x20);
  bytes.write('%PDF-1.7\n');
  const asked = await request(cloud, 'POST', `/v1/dossiers/${code}/documents`, {
    token: tokens[sub],
    body: { slot, contentType: 'application/pdf', size: bytes.length },
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const form = new FormData();
  for (const [name, value] of Object.entries(asked.body.upload.fields as Record<string, string>)) {
    form.append(name, value);
  }
  form.append('file', new Blob([bytes]), 'tai-lieu.pdf');
  expect((await fetch(asked.body.upload.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  const done = await request(cloud, 'POST', `/v1/dossiers/${code}/documents/${asked.body.document.id}/complete`, {
    token: tokens[sub],
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

describe('form titles (Thông tư 03/2025/TT-VPCP, phụ lục I)', () => {
  // Phụ lục I of Thông tư 03/2025/TT-VPCP lists: mẫu số 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả; 02 Phiếu
  // yêu cầu bổ sung, hoàn thiện hồ sơ; 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ; 04 Văn bản xin lỗi và đề
  // nghị gia hạn thời gian giải quyết; 05 Thông báo dừng giải quyết hồ sơ; 06 Phiếu kiểm soát quá trình giải
  // quyết hồ sơ; 07 Sổ theo dõi hồ sơ. Each form prints its title in capitals.
  it('titles each of the seven forms as the annex does', () => {
    expect(formTitles).toEqual({
      '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      '04': 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      '05': 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      '06': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      '07': 'SỔ THEO DÕI HỒ SƠ',
    });
  });
});

describe('form 01 (mẫu số 01) of an online filing', () => {
  let code: string;
  let receipt: Buffer;
  beforeAll(async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    expect(filed.status).toBe(201);
    code = filed.body.code;
    await cloud.settle();
    // The two required documents of a birth registration; the optional power of attorney is not given.
    await upload('citizen-an', code, 0);
    await upload('citizen-an', code, 1);
    await actOnDossier(cloud, tokens['receiver-lan'], code, { type: 'receive' });
    await cloud.settle();
    const forms = await formsOf(code);
    receipt = await bytesOf(forms.find((f) => f.form === '01'));
  });

  it('lists what was received, not what the procedure may ask for, with the time, sets, fee and receiver', () => {
    const text = flat(pdfText(receipt));
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Tiếp nhận hồ sơ của: Nguyễn Văn An');
    // Each required document once, as the catalogue types it, with the count of files received.
    expect(text).toContain('1) Tờ khai đăng ký khai sinh – Bản chính, số lượng 01 (nộp trực tuyến)');
    expect(text).toContain(
      '2) Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh – Bản chính, số lượng 01 (nộp trực tuyến)',
    );
    expect(text).not.toContain('Văn bản ủy quyền');
    expect(text).toContain('Số lượng hồ sơ: 01 bộ');
    // Đăng ký khai sinh: 01 working day (the catalogue's legal time), no fee (Luật Hộ tịch 2014, điều 11).
    expect(text).toContain('01 ngày làm việc');
    expect(text).toContain('Không thu phí, lệ phí');
    expect(text).toContain('Nhận kết quả tại: Trực tuyến');
    // The receiver by the roster's name (infra/local/demo-users.ts), not the account id.
    expect(text).toContain('Người tiếp nhận hồ sơ: Đỗ Thị Lan');
    expect(text).not.toContain('receiver-lan');
    // An online applicant had the PIN on the filing receipt: the form stored here never holds it.
    expect(text).not.toContain('Mã tra cứu');
  });

  it('carries a QR code that opens the portal’s look-up page with the dossier code filled in', async () => {
    const link = pdfQrCode(receipt);
    // The deployment's own portal (the local cloud's gateway), the look-up page, the code as `code`.
    expect(link).toBe(`${cloud.apiUrl}/portal/tra-cuu-ho-so?code=${encodeURIComponent(code)}`);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    const input = /<input\s[^>]*id="code"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain(`value="${code}"`);
    // The same address is printed under the code, for people without a phone.
    expect(flat(pdfText(receipt))).toContain(`Tra cứu hồ sơ: ${link}`);
  });
});

describe('form 01 (mẫu số 01) of a counter filing', () => {
  it('lists the papers taken at the desk, names the receiver, and never stores the PIN the counter response carried', async () => {
    const filed = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['receiver-lan'],
      headers: { 'idempotency-key': `forms-${Date.now()}` },
      // The declaration form and two copies of the birth certificate, on paper; no power of attorney.
      body: {
        ...birthRegistration({ returnMethod: 'counter' }),
        papers: [
          { slot: 0, count: 1 },
          { slot: 1, count: 2 },
        ],
      },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const code = filed.body.code as string;
    const pin = filed.body.lookupPin as string;
    expect(pin).toMatch(/^\d{6}$/);
    await cloud.settle();
    const forms = await formsOf(code);
    expect(forms.map((f) => f.form)).toEqual(['01']);
    const text = flat(pdfText(await bytesOf(forms.find((f) => f.form === '01'))));
    expect(text).toContain('1) Tờ khai đăng ký khai sinh – Bản chính, số lượng 01 (bản giấy)');
    expect(text).toContain(
      '2) Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh – Bản chính, số lượng 02 (bản giấy)',
    );
    expect(text).not.toContain('Văn bản ủy quyền');
    expect(text).toContain('Người tiếp nhận hồ sơ: Đỗ Thị Lan');
    // Nghị định 118/2025: the commune's service centre returns the result.
    expect(text).toContain('Nhận kết quả tại: Trung tâm Phục vụ hành chính công Phường Bắc Giang');
    expect(text).not.toContain(pin);
  });

  it('is printed with the look-up PIN for the applicant at the desk, from the PIN the receiver holds', async () => {
    const filed = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['receiver-lan'],
      headers: { 'idempotency-key': `forms-pin-${Date.now()}` },
      body: { ...birthRegistration({ returnMethod: 'counter' }), papers: [{ slot: 0, count: 1 }] },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const code = filed.body.code as string;
    const pin = filed.body.lookupPin as string;
    await cloud.settle();

    const printed = await printReceipt('receiver-lan', code, pin);
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    const text = flat(pdfText(printed.bytes));
    expect(text).toContain(formTitles['01']);
    expect(text).toContain(`Mã tra cứu (PIN): ${pin}`);
    expect(text).toContain('Người tiếp nhận hồ sơ: Đỗ Thị Lan');
    // The QR code still opens the look-up page for this dossier (the PIN is typed, not encoded).
    expect(pdfQrCode(printed.bytes)).toBe(`${cloud.apiUrl}/portal/tra-cuu-ho-so?code=${encodeURIComponent(code)}`);
    // Only the PIN's holder prints it: a wrong PIN, or a receiver of another centre, learns nothing.
    expect((await printReceipt('receiver-lan', code, pin === '000000' ? '111111' : '000000')).status).toBe(404);
    expect((await printReceipt('receiver-mai', code, pin)).status).toBe(404);
  });

  it('is printed for an online applicant only once the dossier is received', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    const code = filed.body.code as string;
    const pin = filed.body.lookupPin as string;
    const early = await printReceipt('citizen-an', code, pin);
    expect(early.status).toBe(409);
    expect(JSON.parse(early.bytes.toString('utf8'))).toMatchObject({ code: 'not-received' });
    await cloud.settle();
    const { version } = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-lan'] })).body;
    await actOnDossier(cloud, tokens['receiver-lan'], code, { type: 'receive' }, version as number);
    expect((await printReceipt('citizen-an', code, pin)).status).toBe(200);
  });

  it('refuses papers for a document the procedure does not ask for', async () => {
    const filed = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['receiver-lan'],
      body: { ...birthRegistration(), papers: [{ slot: 7, count: 1 }] },
    });
    expect(filed.status).toBe(422);
    expect(filed.body.code).toBe('unknown-slot');
  });
});

describe('form 06 (mẫu số 06), rendered from the timeline whenever it is read', () => {
  it('names the official of every step, with time in and out and on time or late', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    const code = filed.body.code as string;
    await cloud.settle();
    // Before the receipt there is no step to control.
    expect((await readSlip('citizen-an', code)).status).toBe(409);
    let d = await actOnDossier(cloud, tokens['receiver-lan'], code, { type: 'receive' });
    await cloud.settle();
    // Only form 01 is stored; the documents list points at the slip's route.
    const listed = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    expect((listed.body.items as Listed[]).filter((i) => i.kind === 'form').map((f) => f.form)).toEqual(['01']);
    expect(listed.body.controlSlip).toEqual({
      form: '06',
      name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu số 06)',
      href: `/v1/dossiers/${code}/control-slip`,
    });
    const atReceipt = await slipText('citizen-an', code);
    expect(atReceipt).toContain(formTitles['06']);
    expect(atReceipt).toMatch(/Bước 1: Tiếp nhận, kiểm tra hồ sơ .* người xử lý: cán bộ Đỗ Thị Lan; .* đang xử lý\./);
    // The commune's service centre hands it to the commune's specialist, who passes it to the leader.
    d = await actOnDossier(
      cloud,
      tokens['receiver-lan'],
      code,
      { type: 'forward', assigneeId: 'specialist-ha' },
      d.version,
    );
    d = await actOnDossier(
      cloud,
      tokens['specialist-ha'],
      code,
      { type: 'forward', assigneeId: 'leader-hung' },
      d.version,
    );
    await actOnDossier(cloud, tokens['leader-hung'], code, { type: 'decide', outcome: 'approved' }, d.version);
    await cloud.settle();
    expect((await formsOf(code)).map((f) => f.form)).toEqual(['01']);
    const text = await slipText('leader-hung', code);
    expect(text).toContain('Bước 1: Tiếp nhận, kiểm tra hồ sơ');
    expect(text).toContain('người xử lý: cán bộ Đỗ Thị Lan');
    expect(text).toContain('người xử lý: cán bộ Phan Thị Hà');
    expect(text).toContain('người xử lý: cán bộ Vũ Mạnh Hùng');
    expect(text).toMatch(/Bước 3: Lãnh đạo UBND xã ký Giấy khai sinh .* từ Phan Thị Hà/);
    // Each step's time in and out: three steps, each received and handed on.
    expect(text.match(/Nhận \d{2} giờ \d{2}, ngày \d{2}\/\d{2}\/\d{4}/g)).toHaveLength(3);
    expect(text.match(/giao \d{2} giờ \d{2}, ngày \d{2}\/\d{2}\/\d{4} – (trước hạn|đúng hạn)\./g)).toHaveLength(3);
    // Every step ended within minutes of its start, hours before its due time: none is late.
    expect(text).not.toContain('quá hạn');
    expect(text).not.toContain('đang xử lý');
    expect(text).toContain('Kết quả: Chấp thuận');
    // The applicant reads the same slip; another citizen and an official of another agency are told it does not exist.
    expect(await slipText('citizen-an', code)).toContain('người xử lý: cán bộ Vũ Mạnh Hùng');
    expect((await readSlip('citizen-binh', code)).status).toBe(404);
    expect((await readSlip('receiver-mai', code)).status).toBe(404);
  });
});

describe('form 06 (mẫu số 06) of a joint procedure', () => {
  it('names the commune official who handled the commune’s leg, on the commune’s row', async () => {
    // The demo's joint procedure: a department decides, the applicant's commune confirms on the way.
    const joint = demoProcedures.find((p) => p.agencyId && p.joint?.some((leg) => 'level' in leg.agency));
    if (!joint?.agencyId) throw new Error('the demo catalogue has no procedure with a commune leg');
    const at = (role: string, agencyId: string) => {
      const user = demoUsers.find((u) => u.roles.includes(role as never) && u.agencyId === agencyId);
      if (!user) throw new Error(`no ${role} at ${agencyId} among the demo users`);
      return user;
    };
    // Nghị định 118/2025: the province's service centre receives for the department.
    const receiver = at('receiver', '24.TTPVHCC');
    const specialist = at('specialist', joint.agencyId);
    for (const user of [receiver, specialist]) tokens[user.sub] ??= await tokenFor(cloud, user.sub);
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration({ procedureCode: joint.code, formData: {} }),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const code = filed.body.code as string;
    await cloud.settle();
    let d = await actOnDossier(cloud, tokens[receiver.sub], code, { type: 'receive' });
    d = await actOnDossier(
      cloud,
      tokens[receiver.sub],
      code,
      { type: 'forward', assigneeId: specialist.sub },
      d.version,
    );
    // To Phường Bắc Giang (the applicant's commune, 07210) for its leg, and back from its official.
    d = await actOnDossier(cloud, tokens[specialist.sub], code, { type: 'transfer', agencyId: '24.07210' }, d.version);
    // Read while the dossier is with the commune: the leg open, nobody on it yet.
    const atTransfer = await slipText(specialist.sub, code);
    expect(atTransfer).toMatch(/Bước 3: .* người xử lý: chưa phân công; .* đang xử lý\./);
    expect(atTransfer).not.toContain('Bước 4');
    // The commune's official, whose agency now holds it, reads it too.
    expect(await slipText('specialist-ha', code)).toContain(formTitles['06']);
    await actOnDossier(cloud, tokens['specialist-ha'], code, { type: 'transfer', agencyId: joint.agencyId }, d.version);
    await cloud.settle();
    expect((await formsOf(code)).map((f) => f.form)).toEqual(['01']);
    const text = await slipText(specialist.sub, code);
    const leg = joint.joint?.find((l) => 'level' in l.agency)?.purpose ?? '';
    expect(text).toContain(`Bước 3: ${leg} – Ủy ban nhân dân Phường Bắc Giang`);
    expect(text).toMatch(/Bước 3: .* từ [^;]+; người xử lý: cán bộ Phan Thị Hà;/);
    expect(text).toMatch(/Bước 4: .* từ Phan Thị Hà; người xử lý: chưa phân công; .* đang xử lý\./);
  });
});
