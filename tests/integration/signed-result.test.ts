import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { importHandler, type LambdaHandler } from '../../infra/local/lambda.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { pdfSignatures, pdfText } from '../support/pdf.ts';

/**
 * Issue 4, item 3: the signed result is stored, the dossier records it, the applicant is told —
 * once, however often the sign worker receives the decision.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
/** The sign worker waits for this before each message: a test closes it to see the dossier before signing. */
let signing: Promise<void> = Promise.resolve();
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    scheduler: false,
    loadHandler: async (name, spec) => {
      const handler = await importHandler(name, spec);
      if (name !== 'sign') return handler;
      return (async (...args: Parameters<LambdaHandler>) => {
        await signing;
        return handler(...args);
      }) as LambdaHandler;
    },
  });
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

const step = (sub: string, code: string, version: number, body: Record<string, unknown>) =>
  actOnDossier(cloud, tokens[sub], code, body, version);

interface Entry {
  action: string;
  from?: string;
  to?: string;
  note: string;
  actor: { sub: string; role: string };
  documentId?: string;
}

describe('the signed result, recorded on the dossier', () => {
  it('lists the result, records result-signed once and tells the applicant once, even on a redelivered decision', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration({ returnMethod: 'online' }),
    });
    expect(filed.status).toBe(201);
    const code = filed.body.code as string;
    await cloud.settle();
    const version = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body.version;
    let d = await step('receiver-lan', code, version, { type: 'receive' });
    d = await step('receiver-lan', code, d.version, { type: 'forward', assigneeId: 'specialist-ha' });
    d = await step('specialist-ha', code, d.version, { type: 'forward', assigneeId: 'leader-hung' });
    const decided = await step('leader-hung', code, d.version, { type: 'decide', outcome: 'approved' });
    await cloud.settle();

    const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    const results = (documents.body.items as { id: string; kind: string }[]).filter((i) => i.kind === 'result');
    expect(results).toEqual([expect.objectContaining({ id: `result-v${decided.version}`, kind: 'result' })]);

    // The decision, delivered to the sign worker twice more through its queue.
    const dossier = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['leader-hung'] })).body;
    const decide = (dossier.timeline as (Entry & { at: string })[]).find((e) => e.action === 'decide');
    const event = {
      id: `${code}:${decided.version}:DossierChanged`,
      type: 'DossierChanged',
      dossierCode: code,
      occurredAt: decide?.at,
      data: {
        applicantId: 'citizen-an',
        agencyId: dossier.agencyId,
        action: 'decide',
        from: 'processing',
        to: 'decided',
        dueAt: dossier.dueAt,
      },
    };
    for (let i = 0; i < 2; i++) {
      await cloud.clients.sqs.send(
        new SendMessageCommand({ QueueUrl: cloud.queueUrls.sign.url, MessageBody: JSON.stringify(event) }),
      );
    }
    await cloud.settle();

    const after = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body;
    expect(after.status).toBe('decided');
    const timeline = after.timeline as Entry[];
    expect(timeline.map((e) => e.action).slice(-2)).toEqual(['decide', 'result-signed']);
    expect(timeline.filter((e) => e.action === 'result-signed')).toEqual([
      expect.objectContaining({
        actor: { sub: 'system', role: 'system' },
        from: 'decided',
        to: 'decided',
        documentId: `result-v${decided.version}`,
        note: expect.stringContaining('Kết quả đã được ký số bởi Vũ Mạnh Hùng'),
      }),
    ]);
    expect(after.version).toBe(decided.version + 1);
    const again = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    expect((again.body.items as { kind: string }[]).filter((i) => i.kind === 'result')).toHaveLength(1);

    const inbox = await request(cloud, 'GET', '/v1/me/notifications?limit=100', { token: tokens['citizen-an'] });
    const signedMessages = (inbox.body.items as { dossierCode: string; title: string; body: string }[]).filter(
      (n) => n.dossierCode === code && n.title === `Hồ sơ ${code}: kết quả điện tử đã được ký số`,
    );
    expect(signedMessages).toHaveLength(1);
    expect(signedMessages[0]?.body).toContain('tải bản điện tử có chữ ký số');

    // The control slip, rendered on read, names the officials who handled each step.
    const slipped = await fetch(new URL(`/v1/dossiers/${code}/control-slip`, cloud.apiUrl), {
      headers: { authorization: `Bearer ${tokens['citizen-an']}` },
    });
    expect(slipped.headers.get('content-type')).toBe('application/pdf');
    const slip = Buffer.from(await slipped.arrayBuffer());
    const slipText = pdfText(slip).replace(/\s+/g, ' ');
    expect(slipText).toContain('cán bộ Đỗ Thị Lan');
    expect(slipText).not.toContain('cán bộ receiver-lan');
  });
});

describe('the result is returned only once signed, by the leader and the agency', () => {
  it('answers 409 result-not-signed before the sign worker ran, and returns it after, on the version the official saw', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration({ returnMethod: 'counter' }),
    });
    expect(filed.status).toBe(201);
    const code = filed.body.code as string;
    await cloud.settle();
    let d = await step('receiver-lan', code, (await current(code)).version, { type: 'receive' });
    d = await step('receiver-lan', code, d.version, { type: 'forward', assigneeId: 'specialist-ha' });
    d = await step('specialist-ha', code, d.version, { type: 'forward', assigneeId: 'leader-hung' });

    let open = () => {};
    signing = new Promise((resolve) => {
      open = resolve;
    });
    const decided = await step('leader-hung', code, d.version, { type: 'decide', outcome: 'approved' });
    const early = await returnResult(code, decided.version);
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body).toMatchObject({ status: 409, code: 'result-not-signed' });
    expect(early.body.detail).toContain('Kết quả giải quyết chưa được ký số');
    expect((await current(code)).status).toBe('decided');

    open();
    await cloud.settle();
    const signed = await current(code);
    expect(signed.version).toBe(decided.version + 1);
    expect((signed.timeline as Entry[]).at(-1)).toMatchObject({
      action: 'result-signed',
      note: expect.stringContaining('Kết quả đã được ký số bởi Vũ Mạnh Hùng và Ủy ban nhân dân Phường Bắc Giang'),
    });

    // The receiver saw the dossier as decided (before the signature was recorded): the annotation
    // changed nothing their step depends on but the signed result it needs, so the step holds.
    const returned = await returnResult(code, decided.version);
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.status).toBe('returned');
    // A version older than the decision is another state: 409 as ever.
    const stale = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
      token: tokens['receiver-lan'],
      body: { type: 'return-result', expectedVersion: decided.version - 1 },
    });
    expect(stale.status).toBe(409);

    // The result is the procedure's own (Giấy khai sinh), signed twice, both valid.
    const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
    const result = (documents.body.items as { kind: string; name: string; download?: { url: string } }[]).find(
      (i) => i.kind === 'result',
    );
    expect(result?.name).toBe('Giấy khai sinh (ký số: Vũ Mạnh Hùng, Ủy ban nhân dân Phường Bắc Giang)');
    // By dossier code only with the receipt's PIN: the code alone is printed on every form and QR code.
    const byCodeAlone = await request(cloud, 'POST', '/v1/signature-verifications', { body: { code } });
    expect(byCodeAlone.status).toBe(400);
    expect(JSON.stringify(byCodeAlone.body)).not.toContain('Vũ Mạnh Hùng');
    const pin = filed.body.lookupPin as string;
    const wrongPin = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    const byWrongPin = await request(cloud, 'POST', '/v1/signature-verifications', { body: { code, pin: wrongPin } });
    expect(byWrongPin.status).toBe(404);
    expect(JSON.stringify(byWrongPin.body)).not.toContain('Vũ Mạnh Hùng');
    const verified = await request(cloud, 'POST', '/v1/signature-verifications', { body: { code, pin } });
    expect(verified.body).toMatchObject({
      valid: true,
      signer: { name: 'Vũ Mạnh Hùng', agency: 'Ủy ban nhân dân Phường Bắc Giang' },
      organisation: { name: 'Ủy ban nhân dân Phường Bắc Giang' },
      signatures: [
        expect.objectContaining({ valid: true, kind: 'person' }),
        expect.objectContaining({ valid: true, kind: 'organisation' }),
      ],
    });
    const bytes = Buffer.from(await (await fetch(result?.download?.url ?? '')).arrayBuffer());
    expect(pdfSignatures(bytes).match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY KHAI SINH');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
  });
});

const current = async (code: string) =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-lan'] })).body;

const returnResult = (code: string, expectedVersion: number) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
    token: tokens['receiver-lan'],
    body: { type: 'return-result', expectedVersion },
  });
