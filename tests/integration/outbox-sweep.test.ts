import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

// The sweeper takes any unsent event at once here, instead of waiting the production minute.
process.env.OUTBOX_GRACE_SECONDS = '0';

let cloud: LocalCloud;
let token: string;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  token = await tokenFor(cloud, 'citizen-an');
});
afterAll(() => cloud?.stop());

const inbox = async () =>
  (await request(cloud, 'GET', '/v1/me/notifications', { token })).body.items as { dossierCode: string }[];

describe('a crash between the dossier write and the SQS send', () => {
  it('loses nothing: the sweeper sends the stranded event and the applicant is notified once', async () => {
    // SQS going away after the write is a fault the emulator cannot produce: the one mocked call,
    // the first event batch sent (the pollers' receives keep reaching the emulator).
    const original = SQSClient.prototype.send;
    let failed = false;
    const send = vi.spyOn(SQSClient.prototype, 'send').mockImplementation(function (this: SQSClient, ...args) {
      if (!failed && args[0] instanceof SendMessageBatchCommand) {
        failed = true;
        return Promise.reject(new Error('connection reset'));
      }
      return original.apply(this, args as unknown as Parameters<typeof original>);
    } as typeof original);
    const submitted = await request(cloud, 'POST', '/v1/dossiers', { token, body: birthRegistration() });
    send.mockRestore();
    expect(submitted.status).toBe(201);
    const code = submitted.body.code as string;

    await cloud.settle();
    expect((await inbox()).filter((n) => n.dossierCode === code)).toHaveLength(0);

    expect(await cloud.runSchedule('sweep-outbox')).toEqual({ found: 1, sent: 1 });
    await cloud.settle();
    expect((await inbox()).filter((n) => n.dossierCode === code)).toHaveLength(1);

    // A second sweep finds nothing left, and nothing is sent twice.
    expect(await cloud.runSchedule('sweep-outbox')).toEqual({ found: 0, sent: 0 });
    const dossier = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token });
    expect(dossier.body.workQueue).toMatchObject({ agencyId: '24.07210.TTPVHCC', stepIndex: 0 });
  });
});
