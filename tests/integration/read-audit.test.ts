import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { readRetentionSeconds } from '../../shared/adapters/dynamo/read-audit.ts';
import { keys } from '../../shared/adapters/dynamo/keys.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

/**
 * docs/domain.md's read audit: every read of a dossier by an official — the dossier, its timeline, its
 * documents — leaves one record (who, when, which route and request) that auditors list; the
 * applicant's own reads and refused reads leave none.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
const users = ['citizen-an', 'receiver-lan', 'leader-hung', 'leader-tuan', 'auditor-thu', 'admin-quang'];
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of users) tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

async function fileDossier(): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration(),
  });
  expect(filed.status).toBe(201);
  await cloud.settle();
  return filed.body.code as string;
}

const accessLog = (code: string, sub = 'auditor-thu', query = '') =>
  request(cloud, 'GET', `/v1/dossiers/${code}/access-log${query}`, { token: tokens[sub] });

describe('the read audit', () => {
  it('records each official read once, with who, when, the route and the request, and none of the applicant’s', async () => {
    const code = await fileDossier();
    for (const path of ['', '/timeline', '/documents']) {
      const own = await request(cloud, 'GET', `/v1/dossiers/${code}${path}`, { token: tokens['citizen-an'] });
      expect(own.status).toBe(200);
    }
    // An official of an agency that never held the dossier is refused, and the refusal reads nothing.
    const refused = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['leader-tuan'] });
    expect(refused.status).toBe(404);
    expect((await accessLog(code)).body.items).toEqual([]);

    const reads = [
      ['receiver-lan', '', 'GET /v1/dossiers/{code}'],
      ['leader-hung', '/timeline', 'GET /v1/dossiers/{code}/timeline'],
      ['auditor-thu', '/documents', 'GET /v1/dossiers/{code}/documents'],
    ] as const;
    const requestIds: string[] = [];
    for (const [sub, path] of reads) {
      const response = await request(cloud, 'GET', `/v1/dossiers/${code}${path}`, { token: tokens[sub] });
      expect(response.status).toBe(200);
      requestIds.push(response.headers.get('apigw-requestid') ?? '');
    }

    const log = await accessLog(code);
    expect(log.status).toBe(200);
    expect(log.body.code).toBe(code);
    // Newest first; nothing about the applicant, only the reader's subject, roles and agency.
    // Two reads within one millisecond are ordered by request id: compare as a set, then check the order by instant.
    expect(log.body.items).toHaveLength(reads.length);
    expect(log.body.items).toEqual(
      expect.arrayContaining(
        reads.map(([sub, , route], i) => ({
          dossierCode: code,
          at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          sub,
          roles: sub === 'receiver-lan' ? ['receiver'] : sub === 'leader-hung' ? ['leader'] : ['auditor'],
          // The receiver works at the commune's service centre, the leader at the commune.
          ...(sub === 'auditor-thu' ? {} : { agencyId: sub === 'receiver-lan' ? '24.07210.TTPVHCC' : '24.07210' }),
          route,
          requestId: requestIds[i],
        })),
      ),
    );
    const ats = (log.body.items as { at: string }[]).map((r) => r.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(JSON.stringify(log.body)).not.toMatch(/Nguyễn|024090001234|0912345678/);

    // Stored in the dossier's read-audit partition, each with a retention of five years.
    const { Items } = await DynamoDBDocumentClient.from(cloud.clients.dynamo).send(
      new QueryCommand({
        TableName: cloud.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.dossierReads(code) },
      }),
    );
    expect(Items).toHaveLength(3);
    for (const item of Items ?? []) {
      expect([item.pk, item.sk]).toEqual([`READS#${code}`, `${item.at}#${item.requestId}`]);
      expect(item.expiresAt).toBe(Math.floor(Date.parse(item.at) / 1000) + readRetentionSeconds);
    }

    // Reading the access log is not a read of the dossier: the log did not grow.
    expect((await accessLog(code)).body.items).toHaveLength(3);
  });

  it('pages the log with a cursor bound to the dossier', async () => {
    const code = await fileDossier();
    const other = await fileDossier();
    for (let i = 0; i < 3; i++) {
      expect((await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-lan'] })).status).toBe(200);
    }
    const first = await accessLog(code, 'auditor-thu', '?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await accessLog(code, 'admin-quang', `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    const seen = [...first.body.items, ...second.body.items].map((r: { requestId: string }) => r.requestId);
    expect(new Set(seen).size).toBe(3);

    const forged = await accessLog(other, 'auditor-thu', `?cursor=${first.body.nextCursor}`);
    expect(forged.status).toBe(400);
  });

  it('is for auditors and admins only, and 404s an unknown dossier', async () => {
    const code = await fileDossier();
    for (const sub of ['citizen-an', 'receiver-lan', 'leader-hung']) {
      expect((await accessLog(code, sub)).status).toBe(403);
    }
    const unknown = await accessLog('24.SXD-260101-9999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not-found');
  });
});
