/**
 * The public-service portal over real HTTP on the local cloud: the pages a citizen reaches without
 * signing in, their size, accessibility basics and security headers, and HTML escaping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { demoProcedures } from '../../infra/local/seed-catalogue.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
let dossier: { code: string; lookupPin: string };
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'ERROR' });
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: await tokenFor(cloud, 'citizen-an'),
    body: birthRegistration(),
  });
  expect(filed.status).toBe(201);
  dossier = filed.body;
});
afterAll(() => cloud?.stop());

interface Page {
  status: number;
  headers: Headers;
  text: string;
  bytes: number;
}

async function page(path: string, form?: Record<string, string>): Promise<Page> {
  const response = await fetch(new URL(path, cloud.apiUrl), {
    method: form ? 'POST' : 'GET',
    ...(form
      ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }
      : {}),
  });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, text: body.toString('utf8'), bytes: body.length };
}

/** Every `<input>`'s id has a `<label for>`; a control without an id fails. */
function unlabelledControls(text: string): string[] {
  const labels = new Set([...text.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]));
  return [...text.matchAll(/<(input|select|textarea)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !labels.has(/\bid="([^"]+)"/.exec(tag)?.[1]));
}

const birth = demoProcedures.find((p) => p.code === '1.001193');

describe('the portal', () => {
  it('finds "Đăng ký khai sinh" when searched without diacritics, and links to it', async () => {
    const home = await page('/portal/trang-chu?q=khai%20sinh');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<a href="/portal/thu-tuc/1.001193">Đăng ký khai sinh</a>');
    expect(home.text).toContain('value="khai sinh"');
  });

  it("shows a procedure's fee, time, documents and online level", async () => {
    const procedure = await page('/portal/thu-tuc/1.001193');
    expect(procedure.status).toBe(200);
    expect(birth).toBeDefined();
    for (const document of birth?.documents ?? []) expect(procedure.text).toContain(document.name);
    expect(procedure.text).toContain('Phí, lệ phí');
    expect(procedure.text).toMatch(/ngày làm việc|giờ làm việc/);
    expect(procedure.text).toContain('Mức độ trực tuyến');
  });

  it("tells when a dossier filed now would be due, on the competent agency's calendar", async () => {
    // A procedure filed online with a competent agency of its own (not the applicant's commune).
    const online = demoProcedures.find((p) => p.level !== 'commune' && p.agencyId && p.serviceLevel !== 'offline');
    if (!online?.agencyId) throw new Error('the demo catalogue has no online procedure of a named agency');
    const duration = online.processingTime;
    // The calculator asked just before and just after the page: the page's "now" lies between, and the
    // appointment never goes back in time, so the page shows one of the two (the same unless a cut-off
    // or a session boundary passed meanwhile).
    const ask = async () => {
      const response = await request(
        cloud,
        'GET',
        `/v1/agencies/${online.agencyId}/due-date?${new URLSearchParams({
          receivedAt: new Date().toISOString(),
          ...('workingDays' in duration
            ? { workingDays: String(duration.workingDays) }
            : { workingHours: String(duration.workingHours) }),
        })}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.appointment as string;
    };
    const before = await ask();
    const shown = await page(`/portal/thu-tuc/${online.code}`);
    const after = await ask();
    expect(shown.status).toBe(200);
    const line = /Nộp bây giờ, hẹn trả:\s*<strong>([^<]+)<\/strong>/.exec(shown.text)?.[1];
    expect(line).toMatch(/^(Sáng|Chiều) (thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ngày \d{2}\/\d{2}\/\d{4}$/);
    expect([before, after]).toContain(line);
  });

  it('says the appointment depends on the commune for a commune-level procedure', async () => {
    const procedure = await page('/portal/thu-tuc/1.001193');
    expect(procedure.text).toMatch(/Nộp bây giờ, hẹn trả:\s*tùy xã, phường/);
  });

  it('shows a dossier to whoever has its code and PIN, and opens prefilled from the QR code', async () => {
    const prefilled = await page(`/portal/tra-cuu-ho-so?code=${encodeURIComponent(dossier.code)}`);
    expect(prefilled.status).toBe(200);
    expect(prefilled.text).toContain(`value="${dossier.code}"`);

    const found = await page('/portal/tra-cuu-ho-so', { code: dossier.code, pin: dossier.lookupPin });
    expect(found.status).toBe(200);
    expect(found.text).toContain('Mới đăng ký');
    expect(found.text).toContain('Đăng ký khai sinh');
    expect(found.text).toContain('Hẹn trả kết quả');
    // The public timeline: the applicant's notes, not the officials' identities.
    expect(found.text).toContain('Quá trình xử lý');
    expect(found.text).toMatch(/<li><time datetime="[^"]+">\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}<\/time>: [^<]+<\/li>/);
    expect(found.text).not.toContain('citizen-an');
  });

  it('shows nothing of the dossier for a wrong PIN', async () => {
    const wrongPin = dossier.lookupPin === '000000' ? '111111' : '000000';
    const refused = await page('/portal/tra-cuu-ho-so', { code: dossier.code, pin: wrongPin });
    expect(refused.status).toBe(404);
    expect(refused.text).toContain('Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.');
    for (const secret of ['Mới đăng ký', 'Đăng ký khai sinh', 'Hẹn trả kết quả', 'Nguyễn', dossier.lookupPin]) {
      expect(refused.text).not.toContain(secret);
    }
  });

  it('locks the code after repeated wrong PINs, as the lookup API does', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: await tokenFor(cloud, 'citizen-an'),
      body: birthRegistration(),
    });
    expect(filed.status).toBe(201);
    const { code, lookupPin } = filed.body as { code: string; lookupPin: string };
    const wrongPin = lookupPin === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await page('/portal/tra-cuu-ho-so', { code, pin: wrongPin })).status).toBe(404);
    }
    const locked = await page('/portal/tra-cuu-ho-so', { code, pin: lookupPin });
    expect(locked.status).toBe(429);
    // Locked for the rest of the 15-minute window that the first wrong PIN opened.
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    expect(locked.text).toContain('Nhập sai mã tra cứu quá nhiều lần');
    expect(locked.text).not.toContain('Mới đăng ký');
  });

  it('renders a procedure whose text holds markup as inert text', async () => {
    const { code: _code, version: _version, ...content } = birth as NonNullable<typeof birth>;
    const saved = await request(cloud, 'PUT', '/v1/procedures/1.999777', {
      token: await tokenFor(cloud, 'admin-quang'),
      body: { ...content, name: 'Thủ tục <script>alert(1)</script> "x" onload=1' },
    });
    expect(saved.status).toBe(201);
    const procedure = await page('/portal/thu-tuc/1.999777');
    expect(procedure.status).toBe(200);
    expect(procedure.text).not.toContain('<script>');
    expect(procedure.text).toContain('Thủ tục &lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; onload=1');
  });

  it.each([
    '/portal/trang-chu',
    '/portal/trang-chu?q=khai%20sinh',
    '/portal/thu-tuc/1.001193',
    '/portal/tra-cuu-ho-so',
    '/portal/phan-anh-kien-nghi',
    '/portal/khong-co-trang-nay',
  ])('%s is small, Vietnamese, landmarked, labelled and sent with the security headers', async (path) => {
    const response = await page(path);
    expect(response.status).toBe(path.includes('khong-co') ? 404 : 200);
    expect(response.bytes).toBeLessThan(100 * 1024);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<html lang="vi">');
    expect(response.text).toMatch(/<title>[^<]+<\/title>/);
    expect(response.text).toContain('<main');
    expect(response.text).not.toContain('<script');
    expect(unlabelledControls(response.text)).toEqual([]);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('says "not found" in Vietnamese for an unknown procedure', async () => {
    const missing = await page('/portal/thu-tuc/1.999999');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Không tìm thấy trang');
  });

  it('serves its stylesheet for a long cache, and the pages link it', async () => {
    const home = await page('/portal/trang-chu');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.text)?.[1];
    expect(href).toMatch(/^\/portal\/assets\/site\.css\?v=[0-9a-f]{12}$/);
    const css = await page(href as string);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('max-age=31536000');
  });

  it('leaves the JSON API alone', async () => {
    const api = await request(cloud, 'GET', '/v1/procedures?q=khai%20sinh');
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
