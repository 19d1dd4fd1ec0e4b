import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { stackNamesFor } from '../../infra/stack-names.ts';
import { repoRoot } from '../../infra/local/lambda.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';
import { dossierCodeOf, poisonRecords, wrappedHandlers } from './support/consumers.ts';
import { effects } from './support/effects.ts';

/**
 * notify's fault: every dossier not known healthy is broken, the first one seen failing before its
 * effect, the second after it (the effect is there, the acknowledgement is not).
 */
const healthy = new Set<string>();
const broken = new Map<string, 'before' | 'after'>();
const modeOf = (code: string) => {
  if (healthy.has(code)) return undefined;
  if (!broken.has(code)) broken.set(code, broken.size === 0 ? 'before' : 'after');
  return broken.get(code);
};
let fixed = false;

let cloud: LocalCloud;
let token: string;
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    scheduler: false,
    logLevel: 'SILENT',
    visibilityTimeoutSeconds: 1,
    loadHandler: wrappedHandlers({
      notify: (real) => {
        // One wrapper per mode: a batch may hold dossiers of both.
        const before = poisonRecords(
          (r) => modeOf(dossierCodeOf(r)) === 'before',
          () => (fixed ? 'off' : 'before'),
        );
        const after = poisonRecords(
          (r) => modeOf(dossierCodeOf(r)) === 'after',
          () => (fixed ? 'off' : 'after'),
        );
        return after(before(real));
      },
    }),
  });
  token = await tokenFor(cloud, 'citizen-an');
});
afterAll(() => cloud?.stop());

const file = async (): Promise<string> => {
  const response = await request(cloud, 'POST', '/v1/dossiers', { token, body: birthRegistration() });
  expect(response.status).toBe(201);
  return response.body.code as string;
};

const depth = async (url: string): Promise<number> => {
  const { Attributes = {} } = await cloud.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
};

const redrive = (...args: string[]) =>
  promisify(execFile)(resolve(repoRoot, 'node_modules/.bin/tsx'), ['scripts/redrive-dlq.ts', 'notify', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...cloud.env },
  });

describe('a poison message', () => {
  it('lands in the DLQ after maxReceiveCount, and once the consumer is fixed the redrive script delivers it once', async () => {
    const good = await file();
    healthy.add(good);
    await cloud.settle();
    // Filed one after the other, so notify sees them one after the other.
    await file();
    await cloud.settle();
    await file();
    await cloud.settle();
    const [failsBefore = '', failsAfter = ''] = [...broken.keys()];
    expect([...broken.values()]).toEqual(['before', 'after']);

    const { url, dlqUrl } = cloud.queueUrls.notify;
    expect(await depth(dlqUrl)).toBe(2);
    const before = await effects(cloud.tableName).inboxCounts('citizen-an');
    expect([before.get(good), before.get(failsBefore), before.get(failsAfter)]).toEqual([1, undefined, 1]);

    fixed = true;
    const first = await redrive('--queue-url', url, '--dlq-url', dlqUrl, '--max', '1');
    expect(first.stdout).toMatch(/Đã chuyển 1 tin nhắn/);
    expect(await depth(dlqUrl)).toBe(1);
    const rest = await redrive('--queue-url', url, '--dlq-url', dlqUrl);
    expect(rest.stdout).toMatch(/Đã chuyển 1 tin nhắn/);
    await cloud.settle();

    expect(await depth(dlqUrl)).toBe(0);
    const after = await effects(cloud.tableName).inboxCounts('citizen-an');
    expect([after.get(good), after.get(failsBefore), after.get(failsAfter)]).toEqual([1, 1, 1]);
  });

  it('finds the queues by the names the messaging stack gives them', async () => {
    const sqs = cloud.clients.sqs;
    // On the emulator's endpoint, as the local cloud keeps its own queue URLs.
    const create = async (QueueName: string) =>
      `${cloud.env.AWS_ENDPOINT_URL_SQS}${new URL((await sqs.send(new CreateQueueCommand({ QueueName }))).QueueUrl ?? '').pathname}`;
    // The names the deployment of cdk.json's province at the default stage gives them.
    const { messaging } = stackNamesFor({ provinceCode: '24', stage: 'dev' });
    const dlqUrl = await create(`${messaging}-sync-dvcqg-dlq`);
    const queueUrl = await create(`${messaging}-sync-dvcqg`);
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: dlqUrl,
        MessageBody: '{"id":"e-1"}',
        MessageAttributes: { eventType: { DataType: 'String', StringValue: 'DossierSubmitted' } },
      }),
    );
    const { stdout } = await promisify(execFile)(
      resolve(repoRoot, 'node_modules/.bin/tsx'),
      ['scripts/redrive-dlq.ts', 'sync-dvcqg'],
      { cwd: repoRoot, env: { ...process.env, ...cloud.env } },
    );
    expect(stdout).toMatch(/Đã chuyển 1 tin nhắn/);
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ['All'], WaitTimeSeconds: 1 }),
    );
    expect(Messages?.map((m) => [m.Body, m.MessageAttributes?.eventType?.StringValue])).toEqual([
      ['{"id":"e-1"}', 'DossierSubmitted'],
    ]);
    expect(await depth(dlqUrl)).toBe(0);
  });

  it('refuses a function that reads no queue, naming those that do', async () => {
    await expect(
      promisify(execFile)(resolve(repoRoot, 'node_modules/.bin/tsx'), ['scripts/redrive-dlq.ts', 'submit-dossier'], {
        cwd: repoRoot,
        env: { ...process.env, ...cloud.env },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/notify/) });
  });
});
