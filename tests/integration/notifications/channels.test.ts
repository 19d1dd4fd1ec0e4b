import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { capturedEmails, capturedSms } from '../../../infra/local/notification-capture.ts';
import { seedDemoProvince } from '../../../infra/local/seed.ts';
import { catalogueRepository } from '../../../shared/adapters/dynamo/catalogue-repository.ts';
import { birthRegistration, request, tokenFor } from '../../support/http.ts';
import { permit } from '../../unit/lifecycle/fixtures.ts';
import { applicantSteps } from '../../../shared/domain/notifications/templates.ts';

const idNumber = '024090001234';
const phone = '0912345678';
const email = 'an.nguyen@example.vn';

/** Everything written to stdout and stderr while the file runs: Powertools Logger and the local cloud log there. */
const logged: string[] = [];
const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  const capture = (original: typeof originals.out) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = capture(originals.out);
  process.stderr.write = capture(originals.err);
  cloud = await startLocalCloud({
    // Texted at every step the applicant is told of (not only the deployment's milestones): the SMS
    // channel's mechanics show on the first steps a filing reaches.
    smsMilestones: applicantSteps,
    scheduler: false,
    logLevel: 'DEBUG',
    seed: async (ctx) => {
      await seedDemoProvince(ctx);
      await catalogueRepository(ctx.tableName, DynamoDBDocumentClient.from(ctx.clients.dynamo)).putProcedure(permit);
    },
  });
  for (const sub of [
    'citizen-an',
    'citizen-binh',
    'receiver-lan',
    'receiver-mai',
    'specialist-nam',
    'specialist-ha',
    'leader-hung',
  ]) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
});
afterAll(async () => {
  await cloud?.stop();
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
});

const applicant = { fullName: 'Nguyễn Văn An', idNumber, phone, email, address: 'Phường Bắc Giang, tỉnh Bắc Ninh' };

async function file(token: string, body: Record<string, unknown> = birthRegistration({ applicant })) {
  const filed = await request(cloud, 'POST', '/v1/dossiers', { token, body });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  await cloud.settle();
  return filed.body.code as string;
}

async function act(sub: string, code: string, action: Record<string, unknown>) {
  const current = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens[sub] });
  const response = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
    token: tokens[sub],
    body: { ...action, expectedVersion: current.body.version },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  await cloud.settle();
  return response.body;
}

async function inbox(sub: string, query = 'limit=100') {
  const response = await request(cloud, 'GET', `/v1/me/notifications?${query}`, { token: tokens[sub] });
  expect(response.status).toBe(200);
  return response.body as {
    items: { id: string; title: string; body: string; dossierCode: string; read: boolean }[];
    nextCursor?: string;
  };
}

describe('notifications on every channel, exactly once', () => {
  it('an event delivered three times yields one inbox entry, one email, one SMS', async () => {
    const code = await file(tokens['citizen-an'] as string);
    const dossier = await act('receiver-lan', code, { type: 'receive' });
    const received = dossier.timeline.at(-1);
    // The very event the relay sent, sent twice more to each consumer's queue (a duplicate and a redelivery).
    const event = {
      id: `${code}:${dossier.version}:DossierChanged`,
      type: 'DossierChanged',
      dossierCode: code,
      occurredAt: received.at,
      data: {
        applicantId: 'citizen-an',
        agencyId: dossier.agencyId,
        action: 'receive',
        from: 'submitted',
        to: 'received',
        dueAt: dossier.dueAt,
        form: '01',
      },
    };
    for (const queue of ['notify', 'deliver-email', 'deliver-sms'] as const) {
      for (let i = 0; i < 2; i++) {
        await cloud.clients.sqs.send(
          new SendMessageCommand({ QueueUrl: cloud.queueUrls[queue].url, MessageBody: JSON.stringify(event) }),
        );
      }
    }
    await cloud.settle();

    const title = `Hồ sơ ${code} đã được tiếp nhận`;
    expect((await inbox('citizen-an')).items.filter((n) => n.title === title)).toHaveLength(1);
    const emails = (await capturedEmails(cloud.env)).filter((m) => m.subject === title);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: email });
    expect(emails[0]?.text).toContain('Ngày hẹn trả kết quả');
    const sms = (await capturedSms(cloud.env)).filter((m) => m.reference.startsWith(`${code}:${dossier.version}:`));
    expect(sms).toHaveLength(1);
    // Diacritics stripped (the default): GSM-7, one segment.
    expect(sms[0]).toMatchObject({ to: phone, encoding: 'GSM-7', segments: 1 });
    expect(sms[0]?.text).toMatch(
      new RegExp(`^Ho so ${code.replace(/\./g, '\\.')} da duoc tiep nhan\\. Hen tra: \\d\\d/\\d\\d/\\d{4}\\.$`),
    );
  });

  it('a supplement request lists every defect; the supplement received reaches the agency’s receivers', async () => {
    const code = await file(tokens['citizen-an'] as string);
    const defects = ['Bản sao Giấy chứng sinh có chứng thực', 'Tờ khai ký đủ chữ ký của người đi khai'];
    await act('receiver-lan', code, { type: 'request-supplement', defects });
    const title = `Hồ sơ ${code} cần bổ sung`;
    const [mail] = (await capturedEmails(cloud.env)).filter((m) => m.subject === title);
    expect(mail?.text).toContain(`1. ${defects[0]}`);
    expect(mail?.text).toContain(`2. ${defects[1]}`);
    const entry = (await inbox('citizen-an')).items.find((n) => n.title === title);
    expect(entry?.body).toContain(defects[1]);
    expect(
      (await capturedSms(cloud.env)).filter((m) => m.text.startsWith(`Ho so ${code} can bo sung 2 noi dung`)),
    ).toHaveLength(1);

    await act('citizen-an', code, { type: 'supplement' });
    expect((await inbox('receiver-lan')).items.map((n) => n.title)).toContain(`Hồ sơ ${code} đã được bổ sung`);
    // Not the leader, who does not receive dossiers at the desk.
    expect((await inbox('leader-hung')).items.map((n) => n.title)).not.toContain(`Hồ sơ ${code} đã được bổ sung`);
  });

  it('tells the officials of the agency a dossier is transferred to', async () => {
    const code = await file(tokens['citizen-an'] as string, {
      procedureCode: permit.code,
      communeCode: '07210',
      applicant,
      returnMethod: 'counter',
    });
    await act('receiver-mai', code, { type: 'receive' });
    await act('receiver-mai', code, { type: 'forward', assigneeId: 'specialist-nam' });
    expect((await inbox('specialist-nam')).items.map((n) => n.title)).toContain(`Hồ sơ ${code} được giao cho bạn`);
    await act('specialist-nam', code, { type: 'transfer', agencyId: '24.07210', note: 'Đề nghị xác nhận hiện trạng.' });
    const title = `Hồ sơ ${code} được chuyển đến cơ quan của bạn`;
    expect((await inbox('specialist-ha')).items.map((n) => n.title)).toContain(title);
    expect((await inbox('leader-hung')).items.map((n) => n.title)).toContain(title);
    expect((await inbox('receiver-mai')).items.map((n) => n.title)).not.toContain(title);
    // The commune's service centre does not process the leg: its receiver is not told.
    expect((await inbox('receiver-lan')).items.map((n) => n.title)).not.toContain(title);
  });

  it('honours the applicant’s channel preferences; in-app always', async () => {
    const token = tokens['citizen-binh'] as string;
    const defaults = await request(cloud, 'GET', '/v1/me/notification-preferences', { token });
    expect(defaults).toMatchObject({ status: 200, body: { inApp: true, email: true, sms: true } });
    const off = await request(cloud, 'PUT', '/v1/me/notification-preferences', {
      token,
      body: { email: false, sms: false },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(off).toMatchObject({ status: 200, body: { inApp: true, email: false, sms: false } });
    // Her own contacts, verified by the identity provider: no confirmation code needed.
    const binh = { ...applicant, fullName: 'Trần Thị Bình', phone: '0987654321', email: 'binh.tran@example.vn' };
    const code = await file(token, birthRegistration({ applicant: binh }));
    expect((await inbox('citizen-binh')).items.map((n) => n.dossierCode)).toContain(code);
    expect((await capturedEmails(cloud.env)).filter((m) => m.subject.includes(code))).toEqual([]);
    expect((await capturedSms(cloud.env)).filter((m) => m.text.includes(code))).toEqual([]);

    await request(cloud, 'PUT', '/v1/me/notification-preferences', { token, body: { email: true, sms: false } });
    const stored = await request(cloud, 'GET', '/v1/me/notification-preferences', { token });
    expect(stored.body).toMatchObject({ email: true, sms: false });
    await act('receiver-lan', code, { type: 'receive' });
    expect((await capturedEmails(cloud.env)).filter((m) => m.subject.includes(code))).toHaveLength(1);
    expect((await capturedSms(cloud.env)).filter((m) => m.text.includes(code))).toEqual([]);

    const bad = await request(cloud, 'PUT', '/v1/me/notification-preferences', {
      token,
      body: { email: 'yes', sms: false, x: 1 },
    });
    expect(bad.status).toBe(400);
  });
});

describe('the inbox', () => {
  it('pages with a read/unread filter and marks as read, idempotently, only the caller’s own', async () => {
    const all = await inbox('citizen-an');
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const [first, second] = all.items;
    if (!first || !second) throw new Error('expected two notifications');
    const mark = (sub: string, id: string) =>
      request(cloud, 'POST', `/v1/me/notifications/${id}/read`, { token: tokens[sub] });

    const marked = await mark('citizen-an', first.id);
    expect(marked).toMatchObject({ status: 200, body: { id: first.id, read: true, readAt: expect.any(String) } });
    const again = await mark('citizen-an', first.id);
    expect(again.body.readAt).toBe(marked.body.readAt);
    expect((await mark('citizen-binh', second.id)).status).toBe(404);
    expect((await mark('citizen-an', 'bm9wZQ')).status).toBe(404);
    expect((await mark('citizen-an', 'not/valid')).status).toBeGreaterThanOrEqual(400);

    const unread = await inbox('citizen-an', 'limit=100&read=false');
    expect(unread.items.map((n) => n.id)).not.toContain(first.id);
    expect(unread.items).toHaveLength(all.items.length - 1);
    const read = await inbox('citizen-an', 'read=true');
    expect(read.items.map((n) => n.id)).toEqual([first.id]);

    const page1 = await inbox('citizen-an', 'limit=2&read=false');
    expect(page1.items).toHaveLength(2);
    const page2 = await inbox('citizen-an', `limit=2&read=false&cursor=${page1.nextCursor}`);
    expect(page2.items.map((n) => n.id)).not.toContain(page1.items[0]?.id);
    expect(
      (await request(cloud, 'GET', '/v1/me/notifications?read=maybe', { token: tokens['citizen-an'] })).status,
    ).toBe(400);
  });
});

describe('personal data in logs', () => {
  it('no citizen id number or phone number appears in any log line of the whole run', () => {
    const text = logged.join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(phone);
    expect(text).not.toContain(email);
  });
});
