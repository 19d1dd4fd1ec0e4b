import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { capturedEmails } from '../../../infra/local/notification-capture.ts';
import { seedDemoProvince } from '../../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../../support/http.ts';
import { applicantSteps } from '../../../shared/domain/notifications/templates.ts';

/**
 * A fake SMS gateway on a real port: `failFirst` requests of each reference answer 503, the rest 200;
 * `down` answers 503 to everything. Accepted messages are what the applicant's phone would show.
 */
const gateway = {
  failFirst: 2,
  down: false,
  requests: new Map<string, number>(),
  accepted: [] as { to: string; text: string; reference: string }[],
};
let server: Server;
let cloud: LocalCloud;
let token: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as { to: string; text: string; reference: string };
      const count = (gateway.requests.get(body.reference) ?? 0) + 1;
      gateway.requests.set(body.reference, count);
      if (gateway.down || count <= gateway.failFirst) {
        res.writeHead(503).end();
        return;
      }
      gateway.accepted.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  cloud = await startLocalCloud({
    // Texted at every step the applicant is told of (not only the deployment's milestones): the SMS
    // channel's mechanics show on the first steps a filing reaches.
    smsMilestones: applicantSteps,
    scheduler: false,
    seed: seedDemoProvince,
    visibilityTimeoutSeconds: 1,
    environment: { SMS_TRANSPORT: 'http', SMS_GATEWAY_URL: `http://127.0.0.1:${port}/sms` },
  });
  token = await tokenFor(cloud, 'citizen-an');
});
afterAll(async () => {
  await cloud?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

const applicant = {
  fullName: 'Nguyễn Văn An',
  idNumber: '024090001234',
  phone: '0912345678',
  email: 'an.nguyen@example.vn',
  address: 'Phường Bắc Giang, tỉnh Bắc Ninh',
};

describe('a failing SMS gateway', () => {
  it('fails twice then succeeds: the applicant gets one SMS', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', { token, body: birthRegistration({ applicant }) });
    expect(filed.status).toBe(201);
    const code = filed.body.code as string;
    await cloud.settle();

    const mine = gateway.accepted.filter((m) => m.reference.startsWith(`${code}:`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ to: applicant.phone });
    expect(gateway.requests.get(mine[0]?.reference ?? '')).toBe(3);
  });

  it('always failing: that message ends in the deliver-sms DLQ, and email and in-app still arrive', async () => {
    gateway.down = true;
    const filed = await request(cloud, 'POST', '/v1/dossiers', { token, body: birthRegistration({ applicant }) });
    const code = filed.body.code as string;
    await cloud.settle();

    const dead = await cloud.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: cloud.queueUrls['deliver-sms'].dlqUrl, MaxNumberOfMessages: 10 }),
    );
    expect((dead.Messages ?? []).map((m) => JSON.parse(m.Body ?? '{}').dossierCode)).toEqual([code]);
    expect([...gateway.requests].filter(([ref]) => ref.startsWith(`${code}:`)).map(([, n]) => n)).toEqual([5]);
    expect(gateway.accepted.filter((m) => m.reference.startsWith(`${code}:`))).toEqual([]);

    expect((await capturedEmails(cloud.env)).filter((m) => m.subject.includes(code))).toHaveLength(1);
    const inbox = await request(cloud, 'GET', '/v1/me/notifications', { token });
    expect(inbox.body.items.map((n: { dossierCode: string }) => n.dossierCode)).toContain(code);
    for (const other of ['notify', 'deliver-email'] as const) {
      const none = await cloud.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: cloud.queueUrls[other].dlqUrl }));
      expect(none.Messages ?? []).toEqual([]);
    }
  });
});
