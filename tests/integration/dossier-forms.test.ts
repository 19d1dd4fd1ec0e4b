import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { pdfSignatures, pdfText } from '../support/pdf.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince });
  for (const sub of ['citizen-an', 'citizen-binh', 'receiver-lan', 'specialist-ha', 'leader-hung']) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
});
afterAll(() => cloud?.stop());

const step = (sub: string, code: string, version: number, body: Record<string, unknown>) =>
  actOnDossier(cloud, tokens[sub], code, body, version);

interface Listed {
  id: string;
  kind: string;
  form?: string;
  status: string;
  sha256: string;
  download?: { url: string };
}

describe('forms and the signed result issued by the lifecycle', () => {
  it('issues the receipt (01) at intake and the signed result at the decision; the control slip (06) is rendered on read at each step', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    const code = filed.body.code as string;
    await cloud.settle();
    const version = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body.version;
    let d = await step('receiver-lan', code, version, { type: 'receive' });
    await cloud.settle();

    const afterIntake = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    const forms = (afterIntake.body.items as Listed[]).filter((item) => item.kind === 'form');
    expect(forms.map((f) => f.form)).toEqual(['01']);
    const receipt = forms.find((f) => f.form === '01') as Listed;
    expect(receipt.status).toBe('verified');
    const bytes = Buffer.from(await (await fetch(receipt.download?.url ?? '')).arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await import('node:crypto')).createHash('sha256').update(bytes).digest('hex')).toBe(receipt.sha256);
    const text = pdfText(bytes);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(code);
    // Nghị định 118/2025: the commune's service centre receives and issues form 01.
    expect(text.replace(/\s+/g, ' ')).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BẮC GIANG');
    // Another citizen sees none of it.
    expect(
      (await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-binh'] })).status,
    ).toBe(404);

    d = await step('receiver-lan', code, d.version, { type: 'forward', assigneeId: 'specialist-ha' });
    d = await step('specialist-ha', code, d.version, { type: 'forward', assigneeId: 'leader-hung' });
    await step('leader-hung', code, d.version, { type: 'decide', outcome: 'approved' });
    await cloud.settle();
    const afterDecision = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, {
      token: tokens['leader-hung'],
    });
    const issued = (afterDecision.body.items as Listed[]).filter((item) => item.kind === 'form').map((f) => f.form);
    // Only the receipt is stored: the slip (mẫu số 06) is no document of its own, the list points at its route.
    expect(issued).toEqual(['01']);
    expect(afterDecision.body.controlSlip).toMatchObject({ form: '06', href: `/v1/dossiers/${code}/control-slip` });
    const slip = await fetch(new URL(afterDecision.body.controlSlip.href, cloud.apiUrl), {
      headers: { authorization: `Bearer ${tokens['citizen-an']}` },
    });
    expect(slip.status).toBe(200);
    const slipText = pdfText(Buffer.from(await slip.arrayBuffer())).replace(/\s+/g, ' ');
    // Every step of the four hand-overs (receipt, two forwards, decision), each with its official and its verdict.
    for (const [n, official] of [
      [1, 'Đỗ Thị Lan'],
      [2, 'Phan Thị Hà'],
      [3, 'Vũ Mạnh Hùng'],
    ] as const) {
      expect(slipText).toMatch(
        new RegExp(
          `Bước ${n}: [^;]*; người xử lý: cán bộ ${official}; hạn [^;]*; giao [^–]* – (trước hạn|đúng hạn)\\.`,
        ),
      );
    }
    expect(slipText).toContain('Kết quả: Chấp thuận');
    expect(
      (
        await fetch(new URL(afterDecision.body.controlSlip.href, cloud.apiUrl), {
          headers: { authorization: `Bearer ${tokens['citizen-binh']}` },
        })
      ).status,
    ).toBe(404);

    // The leader's decision was signed by the sign worker, and anyone can verify it.
    const result = (afterDecision.body.items as Listed[]).find((item) => item.kind === 'result');
    expect(result?.status).toBe('verified');
    const signed = Buffer.from(await (await fetch(result?.download?.url ?? '')).arrayBuffer());
    const verify = (body: Record<string, unknown>) => request(cloud, 'POST', '/v1/signature-verifications', { body });
    const genuine = await verify({ pdf: signed.toString('base64') });
    expect(genuine.status).toBe(200);
    expect(genuine.body).toMatchObject({
      valid: true,
      signer: { name: 'Vũ Mạnh Hùng', agency: 'Ủy ban nhân dân Phường Bắc Giang' },
      dossierCode: code,
    });
    expect(genuine.body.chain).toHaveLength(3);
    expect((await verify({ code, pin: filed.body.lookupPin })).body).toMatchObject({
      valid: true,
      documentHash: genuine.body.documentHash,
    });

    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('stream') + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    expect((await verify({ pdf: tampered.toString('base64') })).body).toMatchObject({ valid: false, code: 'modified' });
    expect((await verify({ pdf: bytes.toString('base64') })).body).toMatchObject({ valid: false, code: 'unsigned' });
    const { localCertificateAuthority } = await import('../../shared/documents/signing/local-ca.ts');
    const { signPdf } = await import('../../shared/documents/signing/pades.ts');
    const impostor = await signPdf(
      bytes,
      localCertificateAuthority(),
      { sub: 'leader-hung', name: 'Vũ Mạnh Hùng', agencyName: 'Ủy ban nhân dân Phường Bắc Giang' },
      new Date(),
      { reason: 'Giả mạo', location: 'Bắc Ninh' },
    );
    expect((await verify({ pdf: Buffer.from(impostor).toString('base64') })).body).toMatchObject({
      valid: false,
      code: 'untrusted',
    });
    expect((await verify({ pdf: 'not base64!' })).status).toBe(400);

    // A redelivered event (same id) issues nothing twice.
    const timeline = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['leader-hung'] })).body
      .timeline as { action: string; at: string }[];
    const [{ issueForms }, { signResult }, repos, agencies, files, signerModule] = await Promise.all([
      import('../../shared/use-cases/documents/issue-forms.ts'),
      import('../../shared/use-cases/documents/sign-result.ts'),
      import('../../shared/adapters/dynamo/document-repository.ts'),
      import('../../shared/adapters/dynamo/agency-repository.ts'),
      import('../../shared/adapters/s3/document-files.ts'),
      import('../../shared/adapters/signing/signer.ts'),
    ]);
    const { dossierRepository } = await import('../../shared/adapters/dynamo/dossier-repository.ts');
    const { catalogueRepository } = await import('../../shared/adapters/dynamo/catalogue-repository.ts');
    const dossiers = dossierRepository(cloud.tableName);
    const deps = {
      dossiers,
      catalogue: catalogueRepository(cloud.tableName),
      agencies: agencies.agencyRepository(cloud.tableName),
      documents: repos.documentRepository(cloud.tableName),
      store: files.documentFiles(),
      signer: signerModule.configuredSigner(),
      publicUrl: 'https://dichvucong.bacninh.gov.vn',
      now: () => new Date(),
    };
    const decideIndex = timeline.findIndex((entry) => entry.action === 'decide');
    // The result's id names the version the decision produced (the dossier has moved on since: result-signed).
    const decideVersion = Number(result?.id.replace('result-v', ''));
    expect(timeline.map((entry) => entry.action).slice(-2)).toEqual(['decide', 'result-signed']);
    const redelivered = {
      id: `${code}:${decideVersion}:DossierChanged`,
      type: 'DossierChanged' as const,
      dossierCode: code,
      occurredAt: timeline[decideIndex]?.at ?? '',
      data: {
        applicantId: 'citizen-an',
        agencyId: '24.07210',
        action: 'decide',
        from: 'processing',
        to: 'decided',
        dueAt: '',
      },
    };
    await issueForms(deps)(redelivered);
    await signResult(deps)(redelivered);
    const again = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['leader-hung'] });
    expect(again.body.items).toHaveLength(afterDecision.body.items.length);
    const after = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['leader-hung'] })).body;
    expect(after.timeline).toHaveLength(timeline.length);

    const out = pdfSignatures(signed);
    expect(out).toContain('Signer Certificate Common Name: Vũ Mạnh Hùng');
    expect(out).toContain('Signature is Valid');
  });
});
