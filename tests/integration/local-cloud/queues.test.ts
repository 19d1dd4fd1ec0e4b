import { ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import type { HandlerLoader } from '../../../infra/local/lambda.ts';
import { specOf } from '../../../infra/manifest.ts';

/** Every record each consumer received, in order, with the batch it came in. */
const received: Record<'process-dossier' | 'notify', { batch: number; record: SQSRecord }[]> = {
  'process-dossier': [],
  notify: [],
};
let batches = 0;
/** Bodies the notify fake fails once (by throwing) before accepting them. */
const failOnce = new Set<string>();

const fakes: Partial<Record<string, (event: SQSEvent) => Promise<SQSBatchResponse | undefined>>> = {
  // Fails every "poison" record; relays "chain" records to the consumers of DossierRouted, as the real one would.
  'process-dossier': async (event) => {
    const batch = ++batches;
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      received['process-dossier'].push({ batch, record });
      const body = JSON.parse(record.body) as { kind: string; id: string };
      if (body.kind === 'poison') failures.push({ itemIdentifier: record.messageId });
      if (body.kind === 'chain') await relay(body.id);
    }
    return { batchItemFailures: failures };
  },
  notify: async (event) => {
    const batch = ++batches;
    for (const record of event.Records) {
      received.notify.push({ batch, record });
      if (failOnce.delete(record.body)) throw new Error('transient failure');
      // A handler slowed down (a busy machine): it outlasts settle()'s stall window, within its own timeout.
      if (JSON.parse(record.body).kind === 'slow') await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return undefined;
  },
};

/** Sends through the handlers' environment only (no endpoint given), as a deployed function does. */
async function relay(id: string): Promise<void> {
  const queues = JSON.parse(process.env.EVENT_QUEUES ?? '{}') as Record<string, { url: string }[]>;
  const sqs = new SQSClient({});
  try {
    for (const { url } of queues.DossierRouted ?? []) {
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify({ kind: 'routed', id }) }));
    }
  } finally {
    sqs.destroy();
  }
}

const loadHandler: HandlerLoader = async (name) => {
  const fake = fakes[name];
  if (!fake) throw new Error(`no fake for ${name}`);
  return fake as never;
};

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ visibilityTimeoutSeconds: 1, scheduler: false, logLevel: 'SILENT', loadHandler });
});
afterAll(() => cloud?.stop());

const bodies = (name: keyof typeof received, kind: string) =>
  received[name].filter(({ record }) => JSON.parse(record.body).kind === kind);

describe('queue consumers', () => {
  it('deliver a batch, delete the successes once, redeliver a reported failure until it lands in the DLQ', async () => {
    const ok = ['ok-1', 'ok-2', 'ok-3'];
    await cloud.clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: cloud.queueUrls['process-dossier'].url,
        Entries: [...ok.map((id) => ({ kind: 'ok', id })), { kind: 'poison', id: 'p-1' }].map((body, i) => ({
          Id: String(i),
          MessageBody: JSON.stringify(body),
          MessageAttributes: { eventType: { DataType: 'String', StringValue: 'DossierSubmitted' } },
        })),
      }),
    );
    // The queue is empty only once the poison message has moved to the DLQ.
    await cloud.settle();

    const firstBatch = received['process-dossier'].filter(
      ({ batch }) => batch === received['process-dossier'][0]?.batch,
    );
    expect(firstBatch).toHaveLength(4);

    const okDeliveries = bodies('process-dossier', 'ok');
    expect(okDeliveries.map(({ record }) => JSON.parse(record.body).id).sort()).toEqual(ok);

    const trigger = specOf('process-dossier').trigger;
    if (trigger.kind !== 'queue') throw new Error('process-dossier is a queue consumer');
    const poison = bodies('process-dossier', 'poison');
    expect(poison.map(({ record }) => record.attributes.ApproximateReceiveCount)).toEqual(
      Array.from({ length: trigger.maxReceiveCount }, (_, i) => String(i + 1)),
    );

    const dlq = await cloud.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: cloud.queueUrls['process-dossier'].dlqUrl, MaxNumberOfMessages: 10 }),
    );
    expect(dlq.Messages?.map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([{ kind: 'poison', id: 'p-1' }]);
  });

  it('build records like Lambda’s', () => {
    const record = received['process-dossier'][0]?.record;
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      awsRegion: 'ap-southeast-1',
      messageAttributes: {
        eventType: { dataType: 'String', stringValue: 'DossierSubmitted', stringListValues: [], binaryListValues: [] },
      },
    });
    expect(record?.eventSourceARN).toMatch(/^arn:aws:sqs:ap-southeast-1:000000000000:process-dossier-[0-9a-f]+$/);
    expect(record?.md5OfBody).toMatch(/^[0-9a-f]{32}$/);
    expect(record?.receiptHandle).toBeTruthy();
    expect(record?.attributes).toMatchObject({
      ApproximateReceiveCount: '1',
      SentTimestamp: expect.stringMatching(/^\d+$/),
      ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
      SenderId: expect.any(String),
    });
  });

  it('redeliver a whole batch when the handler throws', async () => {
    const body = JSON.stringify({ kind: 'flaky', id: 'f-1' });
    failOnce.add(body);
    await cloud.clients.sqs.send(new SendMessageCommand({ QueueUrl: cloud.queueUrls.notify.url, MessageBody: body }));
    await cloud.settle();
    expect(bodies('notify', 'flaky').map(({ record }) => record.attributes.ApproximateReceiveCount)).toEqual([
      '1',
      '2',
    ]);
  });

  it('settle() waits for a chain of messages across queues', async () => {
    await cloud.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: cloud.queueUrls['process-dossier'].url,
        MessageBody: JSON.stringify({ kind: 'chain', id: 'c-1' }),
      }),
    );
    await cloud.settle();
    expect(bodies('notify', 'routed').map(({ record }) => JSON.parse(record.body).id)).toEqual(['c-1']);
  });

  it('settle() waits out a message delay longer than its stall window: a timer is not a stall', async () => {
    const body = JSON.stringify({ kind: 'delayed', id: 'd-1' });
    await cloud.clients.sqs.send(
      new SendMessageCommand({ QueueUrl: cloud.queueUrls.notify.url, MessageBody: body, DelaySeconds: 1 }),
    );
    await cloud.settle({ stallMs: 100 });
    expect(bodies('notify', 'delayed').map(({ record }) => JSON.parse(record.body).id)).toEqual(['d-1']);
  });

  it('settle() waits for a handler slower than its stall window: a running invocation is not a stall', async () => {
    const body = JSON.stringify({ kind: 'slow', id: 's-1' });
    await cloud.clients.sqs.send(new SendMessageCommand({ QueueUrl: cloud.queueUrls.notify.url, MessageBody: body }));
    await cloud.settle({ stallMs: 100 });
    expect(bodies('notify', 'slow').map(({ record }) => JSON.parse(record.body).id)).toEqual(['s-1']);
  });

  it('settle() rejects, naming what is pending, when the queues never drain', async () => {
    const stalled = await startLocalCloud({ pollers: false, scheduler: false, logLevel: 'SILENT', loadHandler });
    try {
      await stalled.clients.sqs.send(
        new SendMessageCommand({ QueueUrl: stalled.queueUrls.notify.url, MessageBody: '{}' }),
      );
      await expect(stalled.settle({ stallMs: 200 })).rejects.toThrow(/no progress for 200 ms: .*notify: 1 ready/);
    } finally {
      await stalled.stop();
    }
  });
});
