/**
 * `npm run demo [-- --out DIR]`: starts a fresh local cloud and drives a dossier's path over real
 * HTTP as a client would, printing each step. With --out, every response is written to DIR.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCloud } from '../infra/local/cloud.ts';
import { seedDemoProvince } from '../infra/local/seed.ts';
import { apiClient } from './api-client.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = values.out ? resolve(values.out) : undefined;
if (outDir) await mkdir(outDir, { recursive: true });

const save = async (name: string, data: unknown) => {
  if (outDir) await writeFile(join(outDir, name), `${JSON.stringify(data, null, 2)}\n`);
};
const step = (n: number, text: string) => console.log(`\n${n}. ${text}`);

const cloud = await startLocalCloud({ port: 0, seed: seedDemoProvince });
try {
  const api = apiClient(cloud.apiUrl);
  console.log(`Local cloud at ${cloud.apiUrl}`);

  step(1, 'Kiểm tra dịch vụ (GET /v1/health)');
  console.log(await api.get('/v1/health'));

  step(2, 'Công dân Nguyễn Văn An đăng nhập (POST /local/token)');
  const { token } = (await api.post('/local/token', { sub: 'citizen-an' })) as { token: string };
  const citizen = apiClient(cloud.apiUrl, token);

  step(3, 'Nộp hồ sơ Đăng ký khai sinh tại Phường Bắc Giang (POST /v1/dossiers)');
  const application = {
    procedureCode: '1.001193',
    communeCode: '07210',
    applicant: {
      fullName: 'Nguyễn Văn An',
      idNumber: '024090001234',
      phone: '0912345678',
      address: 'Số 12 đường Hoàng Văn Thụ, phường Bắc Giang, tỉnh Bắc Ninh',
    },
    returnMethod: 'online',
    formData: { childName: 'Nguyễn Minh Khang', childBirthDate: '2026-11-15', relationship: 'cha' },
  };
  const receipt = (await citizen.post('/v1/dossiers', application, { 'idempotency-key': crypto.randomUUID() })) as {
    code: string;
    appointment: string;
  };
  console.log(`   Mã hồ sơ ${receipt.code}; hẹn trả: ${receipt.appointment}`);
  await save('01-receipt.json', receipt);

  step(4, 'Hệ thống chuyển hồ sơ đến bộ phận tiếp nhận và báo cho công dân');
  await cloud.settle();
  const inbox = (await citizen.get('/v1/me/notifications')) as { items: { title: string; body: string }[] };
  for (const message of inbox.items) console.log(`   🔔 ${message.title}\n      ${message.body}`);
  await save('02-notifications.json', inbox);

  step(5, `Công dân xem hồ sơ (GET /v1/dossiers/${receipt.code})`);
  const dossier = (await citizen.get(`/v1/dossiers/${receipt.code}`)) as {
    statusText: string;
    timeline: { at: string; note: string }[];
  };
  console.log(`   Trạng thái: ${dossier.statusText}`);
  for (const entry of dossier.timeline) console.log(`   ${entry.at}  ${entry.note}`);
  await save('03-dossier.json', dossier);

  console.log(`\nXong.${outDir ? ` Kết quả đã ghi vào ${outDir}` : ''}`);
} finally {
  await cloud.stop();
}
