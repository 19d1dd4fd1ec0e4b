/**
 * `npm run redrive -- <function-name> [--max N] [--stage STAGE] [--province CODE] [--stack NAME]
 * [--queue-url URL --dlq-url URL]`: moves the messages of a queue consumer's dead-letter queue back to
 * its queue, once the fault that sent them there is fixed. Queues are found by the names the messaging
 * stack gives them (`<stack>-<function>`, `<stack>-<function>-dlq`; the stack's name from the province,
 * default cdk.json's `egov:provinceCode`, and the stage, default `dev`) unless both URLs are given.
 *
 * Each batch is sent to the queue before it is deleted from the DLQ, so a crash in between
 * duplicates messages rather than losing them: every consumer deduplicates by event id.
 * Not StartMessageMoveTask: the local emulator (fauxqs) does not implement it, and one code path
 * that runs locally is worth more than a native one that only runs in AWS.
 */
import { parseArgs } from 'node:util';
import {
  DeleteMessageBatchCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { readFileSync } from 'node:fs';
import { queueConsumers } from '../infra/manifest.ts';
import { defaultStage, stackNamesFor } from '../infra/stack-names.ts';

const cdkContext = (
  JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context?: Record<string, unknown> }
).context;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    max: { type: 'string' },
    stage: { type: 'string', default: defaultStage },
    province: { type: 'string', default: String(cdkContext?.['egov:provinceCode'] ?? '') },
    stack: { type: 'string' },
    'queue-url': { type: 'string' },
    'dlq-url': { type: 'string' },
  },
});

const [functionName] = positionals;
if (!functionName || !(queueConsumers as readonly string[]).includes(functionName)) {
  fail(`Cần tên một hàm đọc hàng đợi: ${queueConsumers.join(', ')}.`);
}
const max = values.max === undefined ? Infinity : Number(values.max);
if (max !== Infinity && !(Number.isInteger(max) && max >= 1)) fail('--max phải là số nguyên dương.');
if (Boolean(values['queue-url']) !== Boolean(values['dlq-url']))
  fail('Cần cả --queue-url và --dlq-url, hoặc không cái nào.');

const stack = values.stack ?? stackNamesFor({ provinceCode: values.province, stage: values.stage }).messaging;
const sqs = new SQSClient({});
try {
  const queueUrl = values['queue-url'] ?? (await urlOf(`${stack}-${functionName}`));
  const dlqUrl = values['dlq-url'] ?? (await urlOf(`${stack}-${functionName}-dlq`));
  const moved = await redrive(dlqUrl, queueUrl, max);
  console.log(`Đã chuyển ${moved} tin nhắn từ hàng đợi lỗi về hàng đợi của ${functionName}.`);
} finally {
  sqs.destroy();
}

async function urlOf(queueName: string): Promise<string> {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
  if (!QueueUrl) fail(`Không tìm thấy hàng đợi ${queueName}.`);
  // The local emulator answers with a host that may not resolve: keep its path on the configured endpoint.
  const endpoint = process.env.AWS_ENDPOINT_URL_SQS;
  return endpoint ? `${endpoint.replace(/\/$/, '')}${new URL(QueueUrl).pathname}` : QueueUrl;
}

async function redrive(dlqUrl: string, queueUrl: string, limit: number): Promise<number> {
  let moved = 0;
  while (moved < limit) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: Math.min(10, limit - moved),
        // Long polling asks every SQS server, so an empty answer means the DLQ is empty.
        WaitTimeSeconds: 1,
        VisibilityTimeout: 60,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({
          Id: String(i),
          MessageBody: m.Body ?? '',
          ...(m.MessageAttributes && Object.keys(m.MessageAttributes).length
            ? { MessageAttributes: m.MessageAttributes }
            : {}),
        })),
      }),
    );
    // Only what the queue accepted leaves the DLQ; the rest reappears there after the visibility timeout.
    const accepted = (sent.Successful ?? []).map((s) => Messages[Number(s.Id)]);
    if (accepted.length) {
      const deleted = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: dlqUrl,
          Entries: accepted.map((m, i) => ({ Id: String(i), ReceiptHandle: m?.ReceiptHandle ?? '' })),
        }),
      );
      if (deleted.Failed?.length)
        console.warn(`${deleted.Failed.length} tin đã gửi lại nhưng chưa xoá khỏi hàng đợi lỗi.`);
    }
    moved += accepted.length;
    if (sent.Failed?.length) fail(`${sent.Failed.length} tin bị hàng đợi từ chối; dừng sau ${moved} tin đã chuyển.`);
  }
  return moved;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
