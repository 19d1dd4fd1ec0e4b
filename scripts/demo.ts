/**
 * `npm run demo [-- --out DIR]`: starts a fresh local cloud and drives a dossier's whole life over
 * real HTTP as the citizen's and officials' clients would, printing each step. With --out, every
 * response is written to DIR.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCloud } from '../infra/local/cloud.ts';
import { seedDemoProvince } from '../infra/local/seed.ts';
import { apiClient } from '../shared/http/api-client.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = values.out ? resolve(values.out) : undefined;
if (outDir) await mkdir(outDir, { recursive: true });

let saved = 0;
const save = async (name: string, data: unknown) => {
  if (outDir)
    await writeFile(
      join(outDir, `${String(++saved).padStart(2, '0')}-${name}.json`),
      `${JSON.stringify(data, null, 2)}\n`,
    );
};
let n = 0;
const say = (text: string) => console.log(`\n${++n}. ${text}`);

interface DossierView {
  code: string;
  version: number;
  status: string;
  statusText: string;
  agencyId: string;
  dueAt: string;
  timeline: { at: string; action: string; note: string; actor: { sub: string } }[];
}

const cloud = await startLocalCloud({ port: 0, seed: seedDemoProvince });
try {
  const anonymous = apiClient(cloud.apiUrl);
  console.log(`Local cloud at ${cloud.apiUrl}`);
  const signIn = async (sub: string) =>
    apiClient(cloud.apiUrl, (await anonymous.post<{ token: string }>('/local/token', { sub })).token);

  say('Công dân tìm thủ tục "tro cap mot lan" (không dấu) trong danh mục');
  const found = await anonymous.get<{ items: { code: string; name: string }[] }>(
    '/v1/procedures?q=tro%20cap%20mot%20lan',
  );
  const procedure = found.items[0];
  if (!procedure) throw new Error('The catalogue has no one-off allowance procedure');
  console.log(`   ${procedure.code} ${procedure.name}`);
  await save('procedure-search', found);

  const citizen = await signIn('citizen-an');
  say('Công dân Nguyễn Văn An nộp hồ sơ trực tuyến (POST /v1/dossiers)');
  const receipt = await citizen.post<{ code: string; appointment: string; lookupPin: string }>(
    '/v1/dossiers',
    {
      procedureCode: procedure.code,
      communeCode: '07210',
      applicant: {
        fullName: 'Nguyễn Văn An',
        idNumber: '024090001234',
        phone: '0912345678',
        address: 'Số 12 đường Hoàng Văn Thụ, phường Bắc Giang, tỉnh Bắc Ninh',
      },
      returnMethod: 'counter',
      formData: { deceased: 'Nguyễn Văn Bảo', relationship: 'Con đẻ' },
    },
    crypto.randomUUID(),
  );
  const code = receipt.code;
  console.log(`   Mã hồ sơ ${code}; mã tra cứu ${receipt.lookupPin}; hẹn trả dự kiến: ${receipt.appointment}`);
  await save('receipt', receipt);
  await cloud.settle();

  const officials = {
    receiver: await signIn('receiver-mai'),
    specialist: await signIn('specialist-linh'),
    leader: await signIn('leader-dung'),
    commune: await signIn('specialist-ha'),
  };
  // Every client re-reads the dossier before acting and acts on the version it just saw: the
  // platform's workers (forms, signing, routing) change the dossier between people's steps too.
  const read = (who: keyof typeof officials) => officials[who].get<DossierView>(`/v1/dossiers/${code}`);
  const step = async (who: keyof typeof officials, text: string, action: Record<string, unknown>) => {
    say(text);
    const { version } = await read(who);
    const after = await officials[who].post<DossierView>(`/v1/dossiers/${code}/actions`, {
      ...action,
      expectedVersion: version,
    });
    console.log(`   → ${after.statusText}, tại ${after.agencyId}, hạn ${after.dueAt}`);
    await save(`action-${action.type}`, after);
  };
  /**
   * The result is returned only once signed (leader, then agency): wait for the sign worker's
   * `result-signed` entry, as long as the cloud makes progress (settle() fails when it stops).
   */
  const signedResult = async () => {
    let seen: number | undefined;
    for (;;) {
      const { version, timeline } = await read('receiver');
      const signed = timeline.find((entry) => entry.action === 'result-signed');
      if (signed) return signed;
      // The cloud went idle and nothing changed since: the signing failed, waiting longer cannot help.
      if (version === seen) throw new Error(`The cloud went idle without signing the result of ${code}`);
      seen = version;
      await cloud.settle();
    }
  };

  await step(
    'receiver',
    'Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ, cấp giấy tiếp nhận và hẹn trả (mẫu 01)',
    {
      type: 'receive',
    },
  );
  await step('receiver', 'Trung tâm chuyển hồ sơ đến Sở Nội vụ, chuyên viên thẩm định', {
    type: 'forward',
    assigneeId: 'specialist-linh',
  });
  await step('specialist', 'Chuyển liên thông đến UBND Phường Bắc Giang để xét duyệt, xác nhận', {
    type: 'transfer',
    agencyId: '24.07210',
  });
  await step('commune', 'Phường Bắc Giang xác nhận và chuyển trả Sở Nội vụ', {
    type: 'transfer',
    agencyId: '24.SNV',
    note: 'UBND phường đã xét duyệt, xác nhận hồ sơ.',
  });
  await step('specialist', 'Chuyên viên trình lãnh đạo Sở', { type: 'forward', assigneeId: 'leader-dung' });
  await step('leader', 'Lãnh đạo Sở quyết định chấp thuận', { type: 'decide', outcome: 'approved' });
  say('Kết quả được ký số: lãnh đạo Sở ký, rồi Sở Nội vụ ký số thay dấu (chờ bước ký số hoàn tất)');
  console.log(`   ${(await signedResult()).note}`);
  await step('receiver', 'Trung tâm Phục vụ hành chính công tỉnh trả kết quả', { type: 'return-result' });
  await cloud.settle();

  say('Công dân xem nhật ký hồ sơ (GET /v1/dossiers/{code}/timeline)');
  const timeline = await citizen.get<DossierView>(`/v1/dossiers/${code}/timeline`);
  for (const entry of timeline.timeline) console.log(`   ${entry.at}  ${entry.note}`);
  await save('timeline', timeline);

  say('Hộp thư của công dân (GET /v1/me/notifications)');
  const inbox = await citizen.get<{ items: { title: string }[] }>('/v1/me/notifications', { limit: 50 });
  for (const message of inbox.items.toReversed()) console.log(`   🔔 ${message.title}`);
  await save('notifications', inbox);

  say('Giấy tờ của hồ sơ: mẫu 01 và kết quả ký số (GET /v1/dossiers/{code}/documents)');
  const papers = await citizen.get<{
    items: { kind: string; form?: string; name: string; download?: { url: string } }[];
    controlSlip?: { name: string; href: string };
  }>(`/v1/dossiers/${code}/documents`);
  await save('documents', papers);
  const wanted = [
    { file: 'mau-01-giay-tiep-nhan.pdf', pick: (d: { kind: string; form?: string }) => d.form === '01' },
    { file: 'ket-qua-ky-so.pdf', pick: (d: { kind: string }) => d.kind === 'result' },
  ];
  for (const { file, pick } of wanted) {
    const paper = papers.items.findLast(pick);
    if (!paper?.download) throw new Error(`No ${file} among the dossier's documents`);
    const bytes = new Uint8Array(await (await fetch(paper.download.url)).arrayBuffer());
    console.log(`   ${paper.name} (${bytes.length} byte)${outDir ? ` → ${file}` : ''}`);
    if (outDir) await writeFile(join(outDir, file), bytes);
  }
  say('Phiếu kiểm soát quá trình giải quyết hồ sơ, mẫu 06, lập theo nhật ký (GET /v1/dossiers/{code}/control-slip)');
  if (!papers.controlSlip) throw new Error('The documents list offers no control slip');
  const slip = (await citizen.getFile(papers.controlSlip.href, 'application/pdf')).bytes;
  console.log(`   ${papers.controlSlip.name} (${slip.length} byte)${outDir ? ' → mau-06-phieu-kiem-soat.pdf' : ''}`);
  if (outDir) await writeFile(join(outDir, 'mau-06-phieu-kiem-soat.pdf'), slip);
  const verified = await anonymous.post<{
    valid: boolean;
    signatures?: { valid: boolean; kind: string; signer?: { name: string; agency: string } }[];
  }>('/v1/signature-verifications', { code, pin: receipt.lookupPin });
  console.log(`   Kiểm tra chữ ký: ${verified.valid ? 'hợp lệ' : 'KHÔNG hợp lệ'}`);
  for (const signature of verified.signatures ?? []) {
    const who = signature.kind === 'organisation' ? 'cơ quan (thay dấu)' : 'người ký';
    console.log(`   – ${who}: ${signature.signer?.name}, ${signature.valid ? 'hợp lệ' : 'KHÔNG hợp lệ'}`);
  }
  if (!verified.valid || verified.signatures?.length !== 2)
    throw new Error('The result does not carry two valid signatures');
  await save('signature-verification', verified);

  say('Tra cứu công khai bằng mã hồ sơ và mã tra cứu (POST /v1/dossier-lookups)');
  const lookup = await anonymous.post<unknown>('/v1/dossier-lookups', { code, pin: receipt.lookupPin });
  console.log('  ', lookup);
  await save('lookup', lookup);

  say('Quản trị viên yêu cầu báo cáo chỉ số tháng này của tỉnh (POST /v1/reports), tải JSON, CSV, XLSX');
  const admin = await signIn('admin-quang');
  const [reportYear = 0, reportMonth = 0] = new Date()
    .toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    .split('-')
    .map(Number);
  const asked = await admin.post<{ id: string }>(
    '/v1/reports',
    { agencyId: '24.UBND', periodKind: 'month', year: reportYear, index: reportMonth },
    crypto.randomUUID(),
  );
  await cloud.settle();
  const report = await admin.get<{
    status: string;
    summary: { counts: { received: number; resolved: number; inProgress: number } };
    downloads: Record<'json' | 'csv' | 'xlsx', string>;
  }>(`/v1/reports/${asked.id}`);
  const { received, resolved, inProgress } = report.summary.counts;
  console.log(`   ${report.status}: tiếp nhận ${received}, đã giải quyết ${resolved}, đang giải quyết ${inProgress}`);
  await save('report', report);
  for (const [format, url] of Object.entries(report.downloads)) {
    const file = await fetch(url);
    if (!file.ok) throw new Error(`Report ${format} download failed: ${file.status}`);
    if (outDir) await writeFile(join(outDir, `bao-cao-thang.${format}`), new Uint8Array(await file.arrayBuffer()));
  }

  console.log(`\nXong.${outDir ? ` Kết quả đã ghi vào ${outDir}` : ''}`);
} finally {
  await cloud.stop();
}
