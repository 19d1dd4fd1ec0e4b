import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import type { LambdaHandler } from '../../infra/local/lambda.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { specOf } from '../../infra/manifest.ts';
import type { DomainEvent } from '../../shared/domain/events.ts';
import { SubmitDossierBody } from '../../shared/use-cases/file-dossier.ts';
import { birthRegistration } from '../support/http.ts';
import { wrappedHandlers } from './support/consumers.ts';
import { effects } from './support/effects.ts';
import { system } from './support/system.ts';

type Consumer = 'notify' | 'sync-dvcqg';
/** Every record each consumer was invoked with, by batch. */
const batches: Record<Consumer, SQSRecord[][]> = { notify: [], 'sync-dvcqg': [] };
/** Consumers whose next batch of more than one record dies halfway: the first half handled, then no answer. */
const dieMidBatch = new Set<Consumer>();

const observed = (name: Consumer) => (real: LambdaHandler) =>
  (async (event: SQSEvent, context) => {
    batches[name].push(event.Records);
    if (event.Records.length > 1 && dieMidBatch.delete(name)) {
      const half = event.Records.slice(0, Math.ceil(event.Records.length / 2));
      await real({ Records: half } as never, context);
      // The sandbox is gone: no response ever comes; the invocation times out.
      return new Promise(() => undefined);
    }
    return real(event as never, context);
  }) as LambdaHandler;

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    scheduler: false,
    logLevel: 'SILENT',
    visibilityTimeoutSeconds: 1,
    // A failed push is retried after a second, not after the deployment's growing delay.
    environment: { RETRY_BACKOFF_BASE_SECONDS: '1', RETRY_BACKOFF_MAX_SECONDS: '1' },
    // The test delivers the dossiers' events itself: the stream's relay would send them a second time.
    streams: false,
    loadHandler: wrappedHandlers({ notify: observed('notify'), 'sync-dvcqg': observed('sync-dvcqg') }),
  });
});
afterAll(() => cloud?.stop());

/** Dossiers filed and routed, their events read from the outbox of each write: the test alone delivers them. */
async function unsentDossiers(applicantId: string, count: number): Promise<{ code: string; events: DomainEvent[] }[]> {
  const sys = system(cloud);
  const filed = [];
  for (let i = 0; i < count; i++) {
    const { code } = await sys.fileDossier(
      { sub: applicantId, roles: ['citizen'] },
      SubmitDossierBody.parse(birthRegistration()),
      'online',
    );
    // Each write keeps its own events (the stream would relay them): the filing's, then the routing's.
    const submitted = (await effects(cloud.tableName).dossier(code))?.outbox[0];
    if (!submitted) throw new Error('no event kept');
    await sys.route(submitted);
    filed.push({ code, events: [submitted, ...((await effects(cloud.tableName).dossier(code))?.outbox ?? [])] });
  }
  return filed;
}

/** One SendMessageBatch, as the event publisher sends: the consumer receives them as one batch. */
async function deliver(name: Consumer, bodies: string[]): Promise<void> {
  const { Failed } = await cloud.clients.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: cloud.queueUrls[name].url,
      Entries: bodies.map((body, i) => ({ Id: String(i), MessageBody: body })),
    }),
  );
  expect(Failed ?? []).toEqual([]);
}

/** The status changes the national portal received for a dossier: each once, in order. */
const pushedOnce = (code: string) => {
  const sequences = cloud.partners.dvcqg.statusUpdates(code).map((u) => u.sequence);
  expect(sequences.length).toBeGreaterThan(0);
  expect(sequences).toEqual(sequences.map((_, i) => i + 1));
};

const deliveries = (name: Consumer, match: (record: SQSRecord) => boolean) =>
  batches[name]
    .flat()
    .filter(match)
    .map((r) => Number(r.attributes.ApproximateReceiveCount));

describe('a real consumer', () => {
  it('fails only the poisoned record of a batch: the others are handled once, the poison retried to the DLQ', async () => {
    const dossiers = await unsentDossiers('fault-poison', 3);
    const submitted = dossiers.map(({ events }) => events.find((e) => e.type === 'DossierSubmitted'));
    const poison = JSON.stringify({ id: 'poison-1', type: 'DossierSubmitted' });
    await deliver('sync-dvcqg', [...submitted.map((e) => JSON.stringify(e)), poison]);
    await cloud.settle();

    expect(batches['sync-dvcqg'][0]).toHaveLength(4);
    for (const { code } of dossiers) {
      pushedOnce(code);
      expect(deliveries('sync-dvcqg', (r) => r.body.includes(`"dossierCode":"${code}"`))).toEqual([1]);
    }
    const trigger = specOf('sync-dvcqg').trigger;
    if (trigger.kind !== 'queue') throw new Error('sync-dvcqg reads a queue');
    expect(deliveries('sync-dvcqg', (r) => r.body === poison)).toEqual(
      Array.from({ length: trigger.maxReceiveCount }, (_, i) => i + 1),
    );
  });

  it('dying halfway through a batch: the visibility timeout lapses and redelivery finishes the work once', async () => {
    const applicantId = 'fault-mid-batch';
    const dossiers = await unsentDossiers(applicantId, 4);
    const of = (type: DomainEvent['type']) =>
      dossiers.map(({ events }) => JSON.stringify(events.find((e) => e.type === type)));
    dieMidBatch.add('notify').add('sync-dvcqg');
    await deliver('notify', of('DossierRouted'));
    await deliver('sync-dvcqg', of('DossierSubmitted'));
    await cloud.settle();
    expect(dieMidBatch.size).toBe(0);
    expect(batches.notify[0]).toHaveLength(4);

    const inbox = await effects(cloud.tableName).inboxCounts(applicantId);
    for (const { code } of dossiers) {
      expect({ code, notifications: inbox.get(code) ?? 0 }).toEqual({ code, notifications: 1 });
      pushedOnce(code);
      // The whole batch comes back, its first half already handled once: handled again, harmlessly.
      const about = (r: SQSRecord) => r.body.includes(`"dossierCode":"${code}"`);
      expect(deliveries('notify', about)).toEqual([1, 2]);
      expect(deliveries('sync-dvcqg', about).at(-1)).toBe(2);
    }
  });
});
