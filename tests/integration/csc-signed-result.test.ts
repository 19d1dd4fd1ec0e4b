import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CscSimulator } from '../../infra/local/partners/csc-simulator.ts';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { pdfSignatures } from '../support/pdf.ts';

/**
 * Issue 16, item 3: SIGNER=csc end to end. The leader's and the agency's signatures come from a remote
 * signing service speaking the CSC API v2 (simulated, backed by the local CA), each approved on the
 * signer's "phone" after a first pending poll; the result verifies with the platform's verifier and
 * pdfsig. A failing service or a signer who has not approved yet leaves the decision on the queue,
 * which retries it until it is signed: nothing is lost, nothing reaches the dead-letter queue.
 */
let cloud: LocalCloud;
let csc: CscSimulator;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    scheduler: false,
    visibilityTimeoutSeconds: 1,
    // One second of polling per signature before the delivery is left to the queue's retry.
    environment: { SIGNER: 'csc', CSC_APPROVAL_WAIT_SECONDS: '1' },
  });
  if (!cloud.csc) throw new Error('SIGNER=csc started no signing service');
  csc = cloud.csc;
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'leader-hung'])
    tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

/** Files a birth registration and takes it to the leader's decision; the sign worker runs from there. */
async function decidedDossier(): Promise<{ code: string; pin: string; version: number }> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration({ returnMethod: 'online' }),
  });
  expect(filed.status).toBe(201);
  const code = filed.body.code as string;
  await cloud.settle();
  const step = (sub: string, version: number, body: Record<string, unknown>) =>
    actOnDossier(cloud, tokens[sub], code, body, version);
  const version = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body.version;
  let d = await step('receiver-lan', version, { type: 'receive' });
  d = await step('receiver-lan', d.version, { type: 'forward', assigneeId: 'specialist-ha' });
  d = await step('specialist-ha', d.version, { type: 'forward', assigneeId: 'leader-hung' });
  const decided = await step('leader-hung', d.version, { type: 'decide', outcome: 'approved' });
  return { code, pin: filed.body.lookupPin as string, version: decided.version };
}

async function expectSigned(code: string, pin: string) {
  const dossier = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body;
  expect((dossier.timeline as { action: string }[]).at(-1)?.action).toBe('result-signed');
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
  const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens['citizen-an'] });
  const result = (documents.body.items as { kind: string; download?: { url: string } }[]).find(
    (i) => i.kind === 'result',
  );
  const bytes = Buffer.from(await (await fetch(result?.download?.url ?? '')).arrayBuffer());
  expect(pdfSignatures(bytes).match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
}

async function signDlqDepth(): Promise<number> {
  const { Attributes } = await cloud.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: cloud.queueUrls.sign.dlqUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

const count = (method: string, status = 200) =>
  csc.calls.filter((c) => c.method === method && c.status === status).length;

describe('results signed through a CSC API v2 remote signing service', () => {
  it('signs as the leader and the agency, each approved after a pending poll, and the result verifies', async () => {
    csc.setApproval(1);
    csc.calls.length = 0;
    const { code, pin } = await decidedDossier();
    await cloud.settle();
    await expectSigned(code, pin);
    // Two signatures (leader, agency), each asynchronous: pending at the first poll, signed at the second.
    const requests = csc.calls.filter((c) => c.method === 'signatures/signHash' && c.status === 200);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(requests.map((c) => c.body.operationMode))).toEqual(new Set(['A']));
    expect(count('signatures/signPolling')).toBe(2 * requests.length);
    expect(count('credentials/list')).toBe(2);
  });

  it('retries through the queue when the service fails (503): the result is signed, nothing dead-lettered', async () => {
    csc.setApproval(0);
    csc.calls.length = 0;
    const { code, pin } = await decidedDossier();
    csc.failNext(1, 503);
    await cloud.settle();
    await expectSigned(code, pin);
    expect(csc.calls.some((c) => c.status === 503)).toBe(true);
    expect(await signDlqDepth()).toBe(0);
  });

  it('leaves a signature the leader has not approved to the queue, and signs once they approve', async () => {
    csc.setApproval('manual');
    csc.calls.length = 0;
    const { code, pin } = await decidedDossier();
    // The first delivery gives up after its wait; the queue delivers the decision again: a second request.
    await until(() => count('signatures/signHash') >= 2);
    expect(csc.pending().length).toBeGreaterThanOrEqual(1);
    const dossier = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body;
    expect((dossier.timeline as { action: string }[]).at(-1)?.action).toBe('decide');
    // The leader approves from now on: the queue's next delivery is signed.
    csc.setApproval(0);
    await cloud.settle();
    await expectSigned(code, pin);
    expect(count('signatures/signHash')).toBeGreaterThanOrEqual(3);
    expect(await signDlqDepth()).toBe(0);
  });
});

/** Waits for the simulated service to have seen what the test needs: progress, not a clock. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
