/**
 * An official's step sent with an Idempotency-Key (the portal sends one with every form) is applied once
 * however often it arrives: a retry whose first answer was lost, one sent after another official's step,
 * and two copies sent at once all answer 200 with the step applied once; the same key with another body
 * is refused (422), and a key is the caller's own: another official's same key is another request.
 */
import { randomUUID } from 'node:crypto';
import { GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false, logLevel: 'SILENT' });
  for (const sub of ['citizen-an', 'receiver-lan', 'receiver-24-07210-ttpvhcc-1', 'specialist-ha', 'leader-hung']) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
});
afterAll(() => cloud?.stop());

async function fileOne(): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration(),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  return filed.body.code as string;
}

const step = (by: string, code: string, body: Record<string, unknown>, key?: string) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
    token: tokens[by] as string,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

const read = async (code: string) =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-lan'] as string })).body as {
    version: number;
    status: string;
    timeline: { action: string }[];
  };
const count = (timeline: { action: string }[], action: string) => timeline.filter((e) => e.action === action).length;

describe('an official’s step under an Idempotency-Key', () => {
  it('is applied once when sent twice in a row, the retry answering 200 with the same dossier', async () => {
    const code = await fileOne();
    const { version } = await read(code);
    const key = randomUUID();
    const first = await step('receiver-lan', code, { type: 'receive', expectedVersion: version }, key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await step('receiver-lan', code, { type: 'receive', expectedVersion: version }, key);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.version).toBe(first.body.version);
    expect(again.body.status).toBe('received');
    expect(again.headers.get('etag')).toBe(`"${first.body.version}"`);
    const after = await read(code);
    expect(after.version).toBe(version + 1);
    expect(count(after.timeline, 'receive')).toBe(1);
  });

  it('answers a retry that comes after another step as applied, not as a stale version (409)', async () => {
    const code = await fileOne();
    const { version } = await read(code);
    const key = randomUUID();
    expect((await step('receiver-lan', code, { type: 'receive', expectedVersion: version }, key)).status).toBe(200);
    const forwarded = await step('receiver-lan', code, {
      type: 'forward',
      assigneeId: 'specialist-ha',
      expectedVersion: version + 1,
    });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    // The receive's answer was lost; its retry carries the version its first attempt saw.
    const retry = await step('receiver-lan', code, { type: 'receive', expectedVersion: version }, key);
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect(retry.body.version).toBe(version + 2);
    expect(count((await read(code)).timeline, 'receive')).toBe(1);
    // Without its key the same stale request is what it is: a step on a version since changed.
    const unkeyed = await step('receiver-lan', code, { type: 'receive', expectedVersion: version });
    expect(unkeyed.status).toBe(409);
    expect(unkeyed.body.code).toBe('version-conflict');
  });

  it('applies two copies sent at once once, both answering 200', async () => {
    const code = await fileOne();
    const { version } = await read(code);
    const key = randomUUID();
    const both = await Promise.all([
      step('receiver-lan', code, { type: 'receive', expectedVersion: version }, key),
      step('receiver-lan', code, { type: 'receive', expectedVersion: version }, key),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const after = await read(code);
    expect(after.version).toBe(version + 1);
    expect(count(after.timeline, 'receive')).toBe(1);
  });

  it('refuses the same key with another body (422), applying nothing', async () => {
    const code = await fileOne();
    const { version } = await read(code);
    const key = randomUUID();
    expect((await step('receiver-lan', code, { type: 'receive', expectedVersion: version }, key)).status).toBe(200);
    const other = await step(
      'receiver-lan',
      code,
      { type: 'forward', assigneeId: 'specialist-ha', expectedVersion: version + 1 },
      key,
    );
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body.code).toBe('idempotency-key-reused');
    expect(other.body.detail).toContain('Idempotency-Key');
    const after = await read(code);
    expect(after.version).toBe(version + 1);
    expect(count(after.timeline, 'forward')).toBe(0);
  });

  it('binds a key to its caller: another official sending the same key and body is another request', async () => {
    const code = await fileOne();
    const { version } = await read(code);
    const key = randomUUID();
    expect((await step('receiver-lan', code, { type: 'receive', expectedVersion: version }, key)).status).toBe(200);
    // Not a replay of the first receiver's step: judged on its own, on a version since changed.
    const other = await step('receiver-24-07210-ttpvhcc-1', code, { type: 'receive', expectedVersion: version }, key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('version-conflict');
  });

  it('keeps the marks of the last five keyed steps on the dossier item, some 40 bytes each, and no record elsewhere', async () => {
    const code = await fileOne();
    let { version } = await read(code);
    const steps: [string, Record<string, unknown>][] = [
      ['receiver-lan', { type: 'request-supplement', defects: ['Thiếu bản sao giấy chứng sinh'] }],
      ['citizen-an', { type: 'supplement' }],
      ['receiver-lan', { type: 'receive' }],
      ['receiver-lan', { type: 'forward', assigneeId: 'specialist-ha' }],
      ['specialist-ha', { type: 'forward', assigneeId: 'leader-hung' }],
      ['leader-hung', { type: 'decide', outcome: 'approved' }],
    ];
    for (const [by, body] of steps) {
      const answer = await step(by, code, { ...body, expectedVersion: version }, randomUUID());
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      version = answer.body.version;
    }
    const { Item } = await cloud.clients.dynamo.send(
      new GetItemCommand({ TableName: cloud.tableName, Key: { pk: { S: `DOSSIER#${code}` }, sk: { S: 'DOSSIER' } } }),
    );
    const marks = Item?.requests?.L?.map((m) => m.S ?? '') ?? [];
    expect(marks).toHaveLength(5);
    for (const m of marks) expect(m).toMatch(/^[\w-]{16}\.[\w-]{16}$/);
    // The dossier as read carries no trace of them, and no idempotency record was written beside it.
    expect(JSON.stringify(await read(code))).not.toContain(marks[0]);
    const { Items } = await cloud.clients.dynamo.send(new ScanCommand({ TableName: cloud.tableName }));
    expect((Items ?? []).filter((item) => item.pk?.S?.startsWith('IDEMPOTENCY#act-on-dossier'))).toEqual([]);
  });
});
