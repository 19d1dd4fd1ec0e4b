import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../../support/http.ts';
import { applicantSteps } from '../../../shared/domain/notifications/templates.ts';

/** A gateway that refuses the first two sends of each message and notes when each attempt came. */
const attempts = new Map<string, number[]>();
let server: Server;
let cloud: LocalCloud;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const { reference } = JSON.parse(raw) as { reference: string };
      const times = [...(attempts.get(reference) ?? []), Date.now()];
      attempts.set(reference, times);
      res.writeHead(times.length <= 2 ? 503 : 200, { 'content-type': 'application/json' }).end('{}');
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
    // The queue alone would redeliver after 1 s; the growing delay must hold the retries back longer.
    visibilityTimeoutSeconds: 1,
    environment: {
      SMS_TRANSPORT: 'http',
      SMS_GATEWAY_URL: `http://127.0.0.1:${port}/sms`,
      RETRY_BACKOFF_BASE_SECONDS: '3',
      RETRY_BACKOFF_MAX_SECONDS: '60',
    },
  });
});
afterAll(async () => {
  await cloud?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a channel retried with a growing delay', () => {
  it('waits base, then twice base, before the next attempts, and sends once', async () => {
    const token = await tokenFor(cloud, 'citizen-an');
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token,
      body: birthRegistration({ applicant: { ...birthRegistration().applicant, phone: '0912345678' } }),
    });
    await cloud.settle();
    const [times] = [...attempts.entries()].filter(([ref]) => ref.startsWith(`${filed.body.code}:`)).map(([, t]) => t);
    expect(times).toHaveLength(3);
    const [first, second, third] = times as [number, number, number];
    // Lower bounds only: a retry can come later than its delay, never sooner.
    expect(second - first).toBeGreaterThanOrEqual(3_000);
    expect(third - second).toBeGreaterThanOrEqual(6_000);
  });
});
