import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { capturedEmails, capturedSms } from '../../infra/local/notification-capture.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { keys } from '../../shared/adapters/dynamo/keys.ts';
import { birthRegistration, request, type TestResponse, tokenFor } from '../support/http.ts';
import { applicantSteps } from '../../shared/domain/notifications/templates.ts';

/**
 * Issue 15, item 6: per-subject quotas. One citizen filed 20 dossiers in 8 s naming a stranger's
 * phone and e-mail; 100 upload grants on one dossier; feedback without limit. Each flow is capped
 * (small limits here, so that three requests show it), answering 429 problem+json with Retry-After;
 * the notifier sends a recipient at most so many texts and e-mails a day, skipping the rest.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    scheduler: false,
    // Texted at every step the applicant is told of: each filing's routing counts against the recipient's day.
    smsMilestones: applicantSteps,
    environment: {
      FILINGS_PER_CITIZEN: '2',
      UPLOAD_GRANTS_PER_DOSSIER: '2',
      FEEDBACK_PER_CITIZEN: '2',
      SMS_PER_RECIPIENT_PER_DAY: '2',
      EMAILS_PER_RECIPIENT_PER_DAY: '2',
    },
  });
  for (const sub of ['citizen-an', 'citizen-binh', 'receiver-lan']) tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

const applicant = (phone: string, email: string) => ({
  fullName: 'Nguyễn Văn An',
  idNumber: '024090001234',
  phone,
  email,
  address: 'Phường Bắc Giang, tỉnh Bắc Ninh',
});

const fileAs = (sub: string, body: unknown, key?: string) =>
  request(cloud, 'POST', '/v1/dossiers', {
    token: tokens[sub],
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

/** A 429 as RFC 9457 and RFC 9110 want it: problem+json with a stable code, and when to try again. */
function expectRateLimited(response: TestResponse, code: string, windowSeconds: number) {
  expect(response.status, JSON.stringify(response.body)).toBe(429);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body.code).toBe(code);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(response.body.retryAfterSeconds).toBe(retryAfter);
}

describe('filings per citizen', () => {
  it('the third online filing within the window is refused; a replay or a refused filing consumes nothing', async () => {
    const body = birthRegistration({ applicant: applicant('0911000001', 'quota.filing@example.vn') });
    // Filings the rules refuse file nothing, and spend nothing.
    for (let i = 0; i < 3; i++) {
      const refused = await fileAs('citizen-an', {
        ...body,
        procedureCode: '1.004859',
        feeFacts: { exemption: 'sinh-vien' },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('unknown-fee-exemption');
    }
    const first = await fileAs('citizen-an', body, 'quota-filing-1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // The same request retried twice: the first answer replayed, no quota used.
    for (let i = 0; i < 2; i++) {
      const replay = await fileAs('citizen-an', body, 'quota-filing-1');
      expect(replay.status).toBe(201);
      expect(replay.body.code).toBe(first.body.code);
    }
    const second = await fileAs('citizen-an', body, 'quota-filing-2');
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expectRateLimited(await fileAs('citizen-an', body, 'quota-filing-3'), 'too-many-filings', 3600);
    // Nor without a key.
    expectRateLimited(await fileAs('citizen-an', body), 'too-many-filings', 3600);
    // Another citizen's quota is their own.
    const other = await fileAs('citizen-binh', body);
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    // The desk files for walk-in applicants: a receiver's filings are not a citizen's quota.
    for (let i = 0; i < 3; i++) {
      const counter = await request(cloud, 'POST', '/v1/counter/dossiers', { token: tokens['receiver-lan'], body });
      expect(counter.status, JSON.stringify(counter.body)).toBe(201);
    }
    await cloud.settle();
  });
});

describe('upload grants per dossier', () => {
  it('the third presigned upload on one dossier is refused, a replay consumes nothing', async () => {
    const filed = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['receiver-lan'],
      body: birthRegistration({ applicant: applicant('0911000002', 'quota.upload@example.vn') }),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const code = filed.body.code as string;
    const ask = (key?: string) =>
      request(cloud, 'POST', `/v1/dossiers/${code}/documents`, {
        token: tokens['receiver-lan'],
        body: { slot: 0, contentType: 'application/pdf', size: 1000 },
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    const first = await ask('quota-upload-1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await ask('quota-upload-1')).status).toBe(201);
    expect((await ask('quota-upload-2')).status).toBe(201);
    expectRateLimited(await ask(), 'too-many-upload-grants', 86_400);
    await cloud.settle();
  });
});

describe('a burst', () => {
  it('six requests at once on one dossier: exactly the limit granted, however they race', async () => {
    const filed = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['receiver-lan'],
      body: birthRegistration({ applicant: applicant('0911000004', 'quota.burst@example.vn') }),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        request(cloud, 'POST', `/v1/dossiers/${filed.body.code}/documents`, {
          token: tokens['receiver-lan'],
          body: { slot: 0, contentType: 'application/pdf', size: 1000 },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 429, 429, 429, 429]);
    await cloud.settle();
  });
});

describe('feedback per citizen', () => {
  it('anonymous feedback is capped per account like any other; a replay consumes nothing', async () => {
    const feedback = { title: 'Góp ý', content: 'Thời gian chờ tại bộ phận một cửa quá lâu.', agencyId: '24.STP' };
    const file = (sub: string, body: unknown, key?: string) =>
      request(cloud, 'POST', '/v1/feedback', {
        token: tokens[sub],
        body,
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    const first = await file('citizen-binh', { ...feedback, anonymous: true }, 'quota-feedback-1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await file('citizen-binh', { ...feedback, anonymous: true }, 'quota-feedback-1')).status).toBe(201);
    expect((await file('citizen-binh', { ...feedback, anonymous: true })).status).toBe(201);
    expectRateLimited(await file('citizen-binh', { ...feedback, anonymous: true }), 'too-many-feedback', 86_400);
    expectRateLimited(await file('citizen-binh', feedback), 'too-many-feedback', 86_400);
    expect((await file('citizen-an', { ...feedback, anonymous: true })).status).toBe(201);
  });
});

describe('texts and e-mails per recipient per day', () => {
  it('a recipient gets at most the day’s limit; the rest are skipped and recorded, the queue does not fail', async () => {
    const phone = '0911000003';
    const email = 'quota.stranger@example.vn';
    const body = birthRegistration({ applicant: applicant(phone, email) });
    // Three filings at the counter (no filing quota there) naming the same stranger: two texts, two e-mails.
    const receipts: { code: string; version: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const filed = await request(cloud, 'POST', '/v1/counter/dossiers', { token: tokens['receiver-lan'], body });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      receipts.push(filed.body);
      await cloud.settle();
    }
    expect((await capturedSms(cloud.env)).filter((m) => m.to.endsWith(phone.slice(1)))).toHaveLength(2);
    expect((await capturedEmails(cloud.env)).filter((m) => m.to === email)).toHaveLength(2);
    // The third is recorded as skipped, not failed: no retry, nothing in the channels' dead-letter queues.
    const db = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const third = receipts[2] as { code: string; version: number };
    // Received at the desk as it is filed: the applicant is told by the receipt's DossierChanged.
    const eventId = `${third.code}:${third.version}:DossierChanged`;
    for (const channel of ['sms', 'email'] as const) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: cloud.tableName,
          Key: keys.delivery(eventId, channel, `walk-in:${third.code}`),
          ConsistentRead: true,
        }),
      );
      expect(Item).toMatchObject({ status: 'skipped', reason: 'recipient-daily-limit' });
    }
    for (const queue of ['deliver-sms', 'deliver-email'] as const) {
      const dead = await cloud.clients.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: cloud.queueUrls[queue].dlqUrl, MaxNumberOfMessages: 10 }),
      );
      expect(dead.Messages ?? []).toHaveLength(0);
    }
  });
});
