/**
 * The officials' portal pages over real HTTP on the local cloud: the commune's work queue, a birth
 * registration received, forwarded and decided through plain form posts, the signed result shown once
 * the sign worker ran, a stale form refused, and another agency's official and a citizen kept out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { paths } from '../../shared/portal/paths.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { pdfText } from '../support/pdf.ts';
import { type PortalAgent, signInToPortal } from '../support/portal-agent.ts';

let cloud: LocalCloud;
const agents: Record<string, PortalAgent> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false, logLevel: 'SILENT' });
  for (const sub of ['receiver-lan', 'specialist-ha', 'leader-hung', 'receiver-mai', 'citizen-an', 'auditor-thu']) {
    agents[sub] = await signInToPortal(cloud.apiUrl, sub);
  }
});
afterAll(() => cloud?.stop());

async function file(): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: await tokenFor(cloud, 'citizen-an'),
    body: birthRegistration({ returnMethod: 'online' }),
  });
  expect(filed.status).toBe(201);
  await cloud.settle();
  return filed.body.code as string;
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden fields of one action form on a page, as a browser would post them. */
function formOf(body: string, type: string): Record<string, string> {
  const form = new RegExp(`<form[^>]*id="xl-${type}"[\\s\\S]*?</form>`).exec(body)?.[0];
  if (!form) throw new Error(`no ${type} form on the page`);
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
  return Object.fromEntries(hidden.map((m) => [m[1] as string, unescape(m[2] as string)]));
}

async function perform(sub: string, code: string, type: string, fields: Record<string, string> = {}) {
  const agent = agents[sub] as PortalAgent;
  const page = await agent.get(paths.officialDossier(code));
  expect(page.status).toBe(200);
  const posted = await agent.post(paths.officialAction(code), { ...formOf(page.body, type), ...fields });
  expect(posted.status, posted.body).toBe(303);
  expect(posted.location).toBe(`${paths.officialDossier(code)}?da=${type}`);
  return agent.follow(posted);
}

describe("the officials' dossier pages", () => {
  it("list a citizen's new birth registration in the commune's queue, and only officials may open it", async () => {
    const code = await file();
    const queue = await agents['receiver-lan']?.get(paths.workQueue);
    expect(queue?.status).toBe(200);
    expect(queue?.body).toContain(`<a href="${paths.officialDossier(code)}">${code}</a>`);
    expect(queue?.body).toContain('Phường Bắc Giang');
    expect(queue?.body).toContain('Mới đăng ký');

    const filtered = await agents['receiver-lan']?.get(`${paths.workQueue}?status=returned`);
    expect(filtered?.status).toBe(200);
    expect(filtered?.body).not.toContain(code);

    expect((await agents['citizen-an']?.get(paths.workQueue))?.status).toBe(403);
    // The province centre's receiver: the API says the commune's dossier does not exist for them.
    expect((await agents['receiver-mai']?.get(paths.officialDossier(code)))?.status).toBe(404);
    expect((await agents['receiver-mai']?.get(paths.workQueue))?.body).not.toContain(code);
  });

  it('lets an auditor, who belongs to no agency, choose an agency and read its queue and dossiers', async () => {
    const code = await file();
    const auditor = agents['auditor-thu'] as PortalAgent;
    const chooser = await auditor.get(paths.workQueue);
    expect(chooser.status).toBe(200);
    expect(chooser.body).toMatch(/<option value="24\.07210">[^<]*Bắc Giang<\/option>/);
    expect(chooser.body).toMatch(/<option value="24\.07210\.TTPVHCC">[^<]*Bắc Giang<\/option>/);
    // Held at intake by the ward's service centre (Nghị định 118/2025).
    const queue = await auditor.get(`${paths.workQueue}?co-quan=24.07210.TTPVHCC&overdue=false`);
    expect(queue.status).toBe(200);
    expect(queue.body).toContain(`href="${paths.officialDossier(code)}"`);
    expect(queue.body).toContain('<input type="hidden" name="co-quan" value="24.07210.TTPVHCC" />');
    const dossier = await auditor.get(paths.officialDossier(code));
    expect(dossier.status).toBe(200);
    // An auditor reads; the lifecycle table gives them no action.
    expect(dossier.body).not.toContain('id="xl-receive"');
    // An official's own agency is not theirs to change by the query.
    const mai = await (agents['receiver-mai'] as PortalAgent).get(`${paths.workQueue}?co-quan=24.07210.TTPVHCC`);
    expect(mai.body).not.toContain(code);
  });

  it('is received and forwarded by the receiver, decided by the leader, and shows the signed result', async () => {
    const code = await file();
    const received = await perform('receiver-lan', code, 'receive');
    expect(received.body).toContain('Đã tiếp nhận hồ sơ.');
    expect(received.body).toContain('Được tiếp nhận');
    // The receipt (form 01) the receive issued is among the documents, with a download link.
    await cloud.settle();
    const withReceipt = await agents['receiver-lan']?.get(paths.officialDossier(code));
    expect(withReceipt?.body).toMatch(/<a href="http[^"]+">Mẫu số 01: /);

    // receiver-lan may not read the roster: the assignee is typed. The centre hands it to the ward.
    const toSelf = await perform('receiver-lan', code, 'forward', { assigneeId: 'specialist-ha' });
    expect(toSelf.body).toContain('Đã chuyển hồ sơ sang bước xử lý tiếp theo.');
    expect(toSelf.body).not.toContain('Phê duyệt và ký số kết quả');
    await perform('specialist-ha', code, 'forward', {
      assigneeId: 'leader-hung',
      internalNote: 'Đã thẩm định, đủ điều kiện',
    });

    const leaderPage = await agents['leader-hung']?.get(paths.officialDossier(code));
    expect(leaderPage?.body).toContain('Phê duyệt và ký số kết quả');
    expect(leaderPage?.body).toContain('Đã thẩm định, đủ điều kiện');
    const decided = await perform('leader-hung', code, 'decide', { outcome: 'approved' });
    expect(decided.body).toContain('Đã xử lý xong');
    expect(decided.body).not.toContain('id="xl-decide"');

    await cloud.settle();
    const signed = await agents['leader-hung']?.get(paths.officialDossier(code));
    expect(signed?.body).toContain('Kết quả đã được ký số bởi Vũ Mạnh Hùng');
    expect(Buffer.byteLength(signed?.body ?? '')).toBeLessThan(100_000);
    const link = /<a href="([^"]+)">Tải kết quả có chữ ký số/.exec(signed?.body ?? '')?.[1];
    expect(link).toBeDefined();
    const pdf = await fetch(unescape(link as string));
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // The process control slip (mẫu số 06), drawn by the API from the timeline, handed on by the portal as bytes.
    expect(signed?.body).toContain(
      `<a href="${paths.officialControlSlip(code)}">Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu số 06)</a>`,
    );
    const slip = await (agents['leader-hung'] as PortalAgent).file(paths.officialControlSlip(code));
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-type')).toBe('application/pdf');
    const slipText = pdfText(slip.bytes).replace(/\s+/g, ' ');
    expect(slipText).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(slipText).toContain('người xử lý: cán bộ Vũ Mạnh Hùng');
    // An official of another agency is told it does not exist, as for the dossier page.
    expect((await (agents['receiver-mai'] as PortalAgent).file(paths.officialControlSlip(code))).status).toBe(404);

    // The receiver now returns the result; the timeline shows each step with who did it.
    const returned = await perform('receiver-lan', code, 'return-result');
    expect(returned.body).toContain('Đã trả kết quả');
    expect(returned.body).toContain('Đã xử lý xong → Đã trả kết quả');
  });

  it('refuses a form rendered before someone else changed the dossier, and shows the fresh state', async () => {
    const code = await file();
    const stale = await agents['receiver-lan']?.get(paths.officialDossier(code));
    const form = formOf(stale?.body ?? '', 'receive');
    await actOnDossier(cloud, await tokenFor(cloud, 'receiver-lan'), code, { type: 'receive' });

    const posted = await agents['receiver-lan']?.post(paths.officialAction(code), form);
    expect(posted?.status).toBe(409);
    expect(posted?.body).toContain('Hồ sơ vừa được người khác cập nhật');
    expect(posted?.body).toContain('Được tiếp nhận');
    expect(posted?.body).not.toContain('id="xl-receive"');
  });

  it("shows the API's refusal next to its form, keeping what was typed, and changes nothing", async () => {
    const code = await file();
    const token = await tokenFor(cloud, 'receiver-lan');
    await actOnDossier(cloud, token, code, { type: 'receive' });
    await actOnDossier(cloud, token, code, { type: 'forward', assigneeId: 'specialist-ha' });
    const page = await agents['specialist-ha']?.get(paths.officialDossier(code));
    // A birth registration is free: the API refuses a fee request (422) with its own sentence.
    const posted = await agents['specialist-ha']?.post(paths.officialAction(code), {
      ...formOf(page?.body ?? '', 'request-fees'),
      internalNote: 'Thu phí <bản sao>',
    });
    expect(posted?.status).toBe(422);
    const form = /<form[^>]*id="xl-request-fees"[\s\S]*?<\/form>/.exec(posted?.body ?? '')?.[0] ?? '';
    expect(form).toContain('Thủ tục này không thu phí, lệ phí.');
    expect(form).toContain('>Thu phí &lt;bản sao&gt;</textarea>');

    // An empty defects list never reaches the API.
    const empty = await agents['specialist-ha']?.post(paths.officialAction(code), {
      ...formOf(page?.body ?? '', 'request-supplement'),
      defects: '  \n ',
    });
    expect(empty?.status).toBe(400);
    expect(empty?.body).toContain('Vui lòng nêu các nội dung cần bổ sung');
    const dossier = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token });
    expect(dossier.body.status).toBe('processing');
    expect(dossier.body.version).toBe(Number(formOf(page?.body ?? '', 'request-fees').expectedVersion));
  });
});
