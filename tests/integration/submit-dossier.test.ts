import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

// Pollers off: this file looks at what submission leaves in the table and the queue.
let cloud: LocalCloud;
let token: string;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false });
  token = await tokenFor(cloud, 'citizen-an');
});
afterAll(() => cloud?.stop());

const submit = (body: unknown, headers: Record<string, string> = {}) =>
  request(cloud, 'POST', '/v1/dossiers', { token, body, headers });

describe('POST /v1/dossiers', () => {
  it('files the dossier, writes it once with its event, which the table’s stream sends', async () => {
    const response = await submit(birthRegistration());
    expect(response.status).toBe(201);
    // Nghị định 118/2025: the commune's service centre holds it at intake, the commune decides.
    expect(response.body).toMatchObject({
      status: 'submitted',
      statusText: 'Mới đăng ký',
      agencyId: '24.07210.TTPVHCC',
      agencyName: 'Trung tâm Phục vụ hành chính công Phường Bắc Giang',
    });
    expect(response.body.code).toMatch(/^24\.07210-\d{6}-\d{4}$/);
    expect(response.body.lookupPin).toMatch(/^\d{6}$/);
    expect(response.headers.get('location')).toBe(`/v1/dossiers/${response.body.code}`);

    const doc = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const { Item } = await doc.send(
      new GetCommand({ TableName: cloud.tableName, Key: { pk: `DOSSIER#${response.body.code}`, sk: 'DOSSIER' } }),
    );
    expect(Item).toMatchObject({
      status: 'submitted',
      version: 1,
      applicantId: 'citizen-an',
      competentAgencyId: '24.07210',
      intakeAgencyId: '24.07210.TTPVHCC',
    });
    // The request sends nothing: its one write carries the event, and the stream relays it.
    expect(Item?.outbox).toEqual([expect.objectContaining({ type: 'DossierSubmitted' })]);
    expect(Item?.outboxVersion).toBe(1);
    // Keyed with the pepper (v1.), not an unkeyed hash anyone could reverse from the public code.
    expect(Item?.pinHash).toMatch(/^v1\.[0-9a-f]{64}$/);

    const { Messages } = await cloud.clients.sqs.send(
      // A long poll: answered as soon as the relay's message arrives.
      new ReceiveMessageCommand({
        QueueUrl: cloud.queueUrls['process-dossier'].url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 20,
      }),
    );
    const events = (Messages ?? []).map((m) => JSON.parse(m.Body ?? '{}'));
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'DossierSubmitted',
        dossierCode: response.body.code,
        id: `${response.body.code}:1:DossierSubmitted`,
      }),
    );
  });

  it('numbers the day’s dossiers of one agency in sequence', async () => {
    const first = await submit(birthRegistration());
    const second = await submit(birthRegistration());
    const sequence = (code: string) => Number(code.split('-')[2]);
    expect(sequence(second.body.code)).toBe(sequence(first.body.code) + 1);
  });

  it('answers a replay with the same Idempotency-Key with the first dossier, and creates no other', async () => {
    const key = crypto.randomUUID();
    const first = await submit(birthRegistration(), { 'idempotency-key': key });
    const replay = await submit(birthRegistration(), { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const next = await submit(birthRegistration());
    expect(Number(next.body.code.split('-')[2])).toBe(Number(first.body.code.split('-')[2]) + 1);
  });

  it('files one dossier when the same request arrives twice at once (a client retrying too early)', async () => {
    const key = crypto.randomUUID();
    const [one, two] = await Promise.all([
      submit(birthRegistration(), { 'idempotency-key': key }),
      submit(birthRegistration(), { 'idempotency-key': key }),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.code).toBe(one.body.code);
    expect(two.body.lookupPin).toBe(one.body.lookupPin);
  });

  it('refuses the same Idempotency-Key with another body (422)', async () => {
    const key = crypto.randomUUID();
    await submit(birthRegistration(), { 'idempotency-key': key });
    const reused = await submit(birthRegistration({ communeCode: '07228' }), { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency-key-reused');
  });

  it('does not share an Idempotency-Key between two citizens', async () => {
    const key = crypto.randomUUID();
    const an = await submit(birthRegistration(), { 'idempotency-key': key });
    const binh = await request(cloud, 'POST', '/v1/dossiers', {
      token: await tokenFor(cloud, 'citizen-binh'),
      body: birthRegistration(),
      headers: { 'idempotency-key': key },
    });
    expect(binh.status).toBe(201);
    expect(binh.body.code).not.toBe(an.body.code);
  });

  it.each([
    ['a missing field', birthRegistration({ procedureCode: undefined }), 'procedureCode'],
    [
      'a malformed citizen id',
      birthRegistration({ applicant: { ...birthRegistration().applicant, idNumber: '12' } }),
      'applicant.idNumber',
    ],
    ['a status sent by the citizen', birthRegistration({ status: 'decided' }), 'status'],
    ['an agency sent by the citizen', birthRegistration({ agencyId: '24.STP' }), 'agencyId'],
    ['a fee sent by the citizen', birthRegistration({ fee: 0 }), 'fee'],
  ])('answers 400 problem+json naming the field for %s', async (_label, body, field) => {
    const response = await submit(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'validation-failed', status: 400 });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 400 to malformed JSON and 415 to another media type', async () => {
    const malformed = await request(cloud, 'POST', '/v1/dossiers', { token, rawBody: '{"procedureCode":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('malformed-json');
    const form = await request(cloud, 'POST', '/v1/dossiers', {
      token,
      rawBody: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('answers 422 for a procedure the catalogue does not have, and a commune with no agency', async () => {
    const unknown = await submit(birthRegistration({ procedureCode: '9.999999' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown-procedure');
    const nowhere = await submit(birthRegistration({ communeCode: '99999' }));
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.code).toBe('unknown-agency');
  });

  it('lets only citizens file (403 for an official) and nobody anonymous (401)', async () => {
    const official = await request(cloud, 'POST', '/v1/dossiers', {
      token: await tokenFor(cloud, 'receiver-lan'),
      body: birthRegistration(),
    });
    expect(official.status).toBe(403);
    const anonymous = await request(cloud, 'POST', '/v1/dossiers', { body: birthRegistration() });
    expect(anonymous.status).toBe(401);
  });
});
