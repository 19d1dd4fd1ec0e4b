/**
 * Form 07, the register of dossiers (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 07, "Sổ theo dõi hồ
 * sơ"), drawn up on demand for a period: `GET /v1/agencies/{id}/register` against the local cloud.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { pdfText } from '../support/pdf.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
const codes: string[] = [];
/** The local day the dossiers were filed, read from their codes (`<agency>-<yymmdd>-<nnnn>`). */
let day = '';
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince });
  for (const sub of [
    'citizen-an',
    'receiver-lan',
    'specialist-ha',
    'leader-hung',
    'leader-tuan',
    'auditor-thu',
    'admin-quang',
  ]) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bình']) {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration({ applicant: { ...birthRegistration().applicant, fullName: name } }),
    });
    expect(filed.status).toBe(201);
    codes.push(filed.body.code);
  }
  await cloud.settle();
  await actOnDossier(cloud, tokens['receiver-lan'], codes[0] as string, { type: 'receive' });
  const yymmdd = /-(\d{2})(\d{2})(\d{2})-/.exec(codes[0] as string);
  day = `20${yymmdd?.[1]}-${yymmdd?.[2]}-${yymmdd?.[3]}`;
});
afterAll(() => cloud?.stop());

const register = (sub: string, query: string, agency = '24.07210') =>
  request(cloud, 'GET', `/v1/agencies/${agency}/register?${query}`, { token: tokens[sub] });

describe('the register of dossiers (mẫu số 07)', () => {
  it('lists every dossier filed with the agency in the period, as XLSX, for its own officials', async () => {
    const got = await register('leader-hung', `from=${day}&to=${day}&format=xlsx`);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body).toMatchObject({ agencyId: '24.07210', from: day, to: day, format: 'xlsx', dossiers: 2 });
    expect(got.body.generatedAt).toMatch(/\+07:00$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(await (await fetch(got.body.download)).arrayBuffer());
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Sổ theo dõi hồ sơ');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['SỔ THEO DÕI HỒ SƠ']);
    const header = rows.findIndex((row) => row[0] === 'STT');
    expect(rows[header]?.[1]).toBe('Mã hồ sơ');
    const lines = rows.slice(header + 1);
    expect(lines.map((row) => row[1])).toEqual(codes);
    expect(lines.map((row) => row[0])).toEqual([1, 2]);
    expect(String(lines[0]?.[4])).toContain('Nguyễn Văn An');
    expect(String(lines[1]?.[4])).toContain('Trần Thị Bình');
    // The received one shows its status; the other is still only filed.
    expect(String(lines[0]?.[10])).toContain('Được tiếp nhận');
    expect(String(lines[1]?.[10])).toContain('Mới đăng ký');
  });

  it('renders the same register as a PDF, and lets auditors and admins read it', async () => {
    for (const sub of ['auditor-thu', 'admin-quang', 'specialist-ha']) {
      const got = await register(sub, `from=${day}&to=${day}`);
      expect(got.status, sub).toBe(200);
      expect(got.body.format).toBe('pdf');
    }
    const got = await register('specialist-ha', `from=${day}&to=${day}&format=pdf`);
    const bytes = Buffer.from(await (await fetch(got.body.download)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Tổng số: 2 hồ sơ');
    for (const code of codes) expect(text).toContain(code);
  });

  it('is the agency’s own: another agency’s official is told it does not exist; a period is a quarter at most', async () => {
    expect((await register('leader-tuan', `from=${day}&to=${day}`)).status).toBe(404);
    const tooLong = await register('leader-hung', 'from=2026-01-01&to=2026-04-30');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('period-too-long');
    expect((await register('leader-hung', 'from=2026-03-31&to=2026-03-01')).body.code).toBe('invalid-period');
    expect((await register('leader-hung', 'from=2026-02-30&to=2026-03-01')).status).toBe(400);
  });
});
