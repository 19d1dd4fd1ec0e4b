import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { dossierRepository } from '../../shared/adapters/dynamo/dossier-repository.ts';
import { keys } from '../../shared/adapters/dynamo/keys.ts';
import { genesisHash, verifyTimeline } from '../../shared/domain/dossier/timeline-chain.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';

/**
 * Issue 8, item 4: every write of a dossier — the filing, officials' actions, the workers' (signed
 * result) — extends the timeline's hash chain; tampering with the stored item is found, by the
 * domain verifier and by `npm run verify-timeline` run against the table.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung', 'auditor-thu'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

const step = (sub: string, code: string, version: number, body: Record<string, unknown>) =>
  actOnDossier(cloud, tokens[sub], code, body, version);

/** A dossier filed online and taken to a decision, with the sign worker's entry after it. */
async function decidedDossier(): Promise<string> {
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
  await step('leader-hung', code, d.version, { type: 'decide', outcome: 'approved', internalNote: 'Đủ điều kiện' });
  await cloud.settle();
  return code;
}

const exec = promisify(execFile);

/** `npm run verify-timeline -- …` as an operator runs it, with the functions' environment of this cloud. */
async function verifyScript(...codes: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await exec('npm', ['run', '--silent', 'verify-timeline', '--', ...codes], {
      env: { ...process.env, ...cloud.env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('the hash-chained timeline', () => {
  it('chains every write, hides the hashes from applicants and officials, and finds a tampered note', async () => {
    const code = await decidedDossier();
    const intact = await decidedDossier();
    const dossiers = dossierRepository(cloud.tableName);
    const load = async () => {
      const found = await dossiers.get(code);
      if (!found) throw new Error(`${code} is not stored`);
      return found.dossier;
    };

    const stored = await load();
    const actions = stored.timeline.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['file', 'receive', 'forward', 'decide', 'result-signed']));
    expect(stored.timeline[0]?.prevHash).toBe(genesisHash(code));
    expect(verifyTimeline(code, stored.timeline)).toEqual({ ok: true, entries: stored.timeline.length });

    // Hashes are for auditors; the applicant's and the official's views are unchanged.
    for (const [sub, shown] of [
      ['citizen-an', false],
      ['leader-hung', false],
      ['auditor-thu', true],
    ] as const) {
      const view = await request(cloud, 'GET', `/v1/dossiers/${code}/timeline`, { token: tokens[sub] });
      expect(view.status).toBe(200);
      expect(view.body.timeline.every((e: object) => 'hash' in e && 'prevHash' in e)).toBe(shown);
      expect(view.body.timeline.some((e: object) => 'hash' in e)).toBe(shown);
    }

    const verification = (sub: string) =>
      request(cloud, 'GET', `/v1/dossiers/${code}/timeline-verification`, { token: tokens[sub] });
    expect((await verification('auditor-thu')).body).toEqual({
      code,
      version: stored.version,
      ok: true,
      entries: stored.timeline.length,
    });
    expect((await verification('leader-hung')).status).toBe(403);

    let run = await verifyScript(code, intact);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${code}: OK (${stored.timeline.length} mục)`);
    expect(run.stdout).toMatch(new RegExp(`${intact.replaceAll('.', '\\.')}: OK \\(\\d+ mục\\)`));

    // Someone with write access to the table rewrites what the applicant was told at one step.
    const index = actions.indexOf('receive');
    await DynamoDBDocumentClient.from(cloud.clients.dynamo).send(
      new UpdateCommand({
        TableName: cloud.tableName,
        Key: keys.dossier(code),
        UpdateExpression: `SET #t[${index}].#n = :note`,
        ExpressionAttributeNames: { '#t': 'timeline', '#n': 'note' },
        ExpressionAttributeValues: { ':note': 'Hồ sơ bị trả lại.' },
      }),
    );
    const tampered = (await load()).timeline;
    expect(tampered[index]?.note).toBe('Hồ sơ bị trả lại.');
    expect(verifyTimeline(code, tampered)).toMatchObject({
      ok: false,
      index,
      reason: 'hash-mismatch',
      action: 'receive',
    });

    expect((await verification('auditor-thu')).body).toMatchObject({
      ok: false,
      index,
      reason: 'hash-mismatch',
      action: 'receive',
      found: tampered[index]?.hash,
    });

    run = await verifyScript(code, intact);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${code}: HỎNG tại mục ${index} (receive, ${tampered[index]?.at}): hash-mismatch`);
    expect(run.stdout).toContain(`tìm thấy: ${tampered[index]?.hash}`);
    expect(run.stdout).toMatch(new RegExp(`${intact.replaceAll('.', '\\.')}: OK`));

    // A later write does not launder the tampered entry: the chain stays broken at the same index.
    const later = await load();
    await step('receiver-lan', code, later.version, { type: 'return-result' });
    const after = (await load()).timeline;
    expect(after.at(-1)?.action).toBe('return-result');
    expect(verifyTimeline(code, after)).toMatchObject({ ok: false, index, reason: 'hash-mismatch' });
  });

  it('stores each entry without the link to the one before, puts it back on read, and finds a deleted entry', async () => {
    const code = await decidedDossier();
    const document = DynamoDBDocumentClient.from(cloud.clients.dynamo);
    const raw = await document.send(new GetCommand({ TableName: cloud.tableName, Key: keys.dossier(code) }));
    const storedEntries = raw.Item?.timeline as Record<string, unknown>[];
    expect(storedEntries.length).toBeGreaterThan(4);
    for (const entry of storedEntries) {
      expect(entry).not.toHaveProperty('prevHash');
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const dossiers = dossierRepository(cloud.tableName);
    const read = async () => (await dossiers.get(code))?.dossier.timeline ?? [];
    const timeline = await read();
    // Each link is the hash before it, the first the dossier's genesis (worked from the stored hashes).
    expect(timeline.map((e) => e.prevHash)).toEqual([
      genesisHash(code),
      ...storedEntries.slice(0, -1).map((e) => e.hash),
    ]);
    expect(verifyTimeline(code, timeline)).toEqual({ ok: true, entries: timeline.length });

    // An entry removed from the stored item: the one after it no longer follows from what precedes it.
    await document.send(
      new UpdateCommand({
        TableName: cloud.tableName,
        Key: keys.dossier(code),
        UpdateExpression: 'REMOVE #t[2]',
        ExpressionAttributeNames: { '#t': 'timeline' },
      }),
    );
    expect(verifyTimeline(code, await read())).toMatchObject({ ok: false, index: 2, reason: 'hash-mismatch' });
  });

  it('reports a missing dossier and a wrong code, and exits non-zero', async () => {
    const run = await verifyScript('24.SXD-260101-9999', 'not-a-code');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('24.SXD-260101-9999: không tìm thấy hồ sơ');
    expect(run.stdout).toContain('not-a-code: mã hồ sơ không đúng định dạng');
  });
});
