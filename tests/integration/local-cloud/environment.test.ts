import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { consumersOf, specOf, visibilityTimeoutSeconds } from '../../../infra/manifest.ts';
import { tableLayout } from '../../../shared/adapters/dynamo/table-layout.ts';
import type { readConfig as ReadConfig } from '../../../shared/config.ts';
import { eventTypes } from '../../../shared/domain/events.ts';

let cloud: LocalCloud;
let readConfig: typeof ReadConfig;
beforeAll(async () => {
  process.env.POWERTOOLS_DEV = 'true';
  cloud = await startLocalCloud({ pollers: false, scheduler: false, logLevel: 'ERROR' });
  // Only now: shared/config.ts validates the environment when it is first imported, as a handler would.
  ({ readConfig } = await import('../../../shared/config.ts'));
});
afterAll(() => cloud?.stop());

// These clients get no endpoint, region or credentials: only the environment, as in a handler.
describe('the handlers’ environment', () => {
  it('is what shared/config.ts expects, with a queue list for every event type', () => {
    const config = readConfig(process.env);
    expect(config.TABLE_NAME).toBe(cloud.tableName);
    expect(config.DOCUMENTS_BUCKET).toBe(cloud.bucketName);
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
    expect(Object.keys(config.EVENT_QUEUES).sort()).toEqual([...eventTypes].sort());
    for (const type of eventTypes) {
      const urls = consumersOf(type).map((name) => cloud.queueUrls[name as keyof typeof cloud.queueUrls].url);
      expect(config.EVENT_QUEUES[type]?.map((route) => route.url)).toEqual(urls);
    }
    expect(process.env).toMatchObject({
      AWS_REGION: 'ap-southeast-1',
      POWERTOOLS_SERVICE_NAME: 'egov-one-stop',
      POWERTOOLS_METRICS_NAMESPACE: 'EgovOneStop',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    expect(process.env.POWERTOOLS_DEV).toBeUndefined();
  });

  it('points a default DynamoDB client at the table, with the layout’s keys and indexes', async () => {
    const dynamo = new DynamoDBClient({});
    try {
      const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME }));
      expect(Table?.KeySchema).toEqual([
        { AttributeName: tableLayout.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableLayout.sortKey, KeyType: 'RANGE' },
      ]);
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      const indexes = Object.values(tableLayout.indexes).map((i) => i.indexName);
      expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(indexes.sort());
    } finally {
      dynamo.destroy();
    }
  });

  it('points a default S3 client (path-style) at the documents bucket', async () => {
    const s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' });
    try {
      const key = 'dossiers/TEST/hello.txt';
      await s3.send(new PutObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET, Key: key, Body: 'xin chào' }));
      const object = await s3.send(new GetObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET, Key: key }));
      expect(await object.Body?.transformToString()).toBe('xin chào');
    } finally {
      s3.destroy();
    }
  });

  it('points a default SQS client at the queues of EVENT_QUEUES', async () => {
    const sqs = new SQSClient({});
    try {
      const [{ url } = { url: undefined }] = readConfig(process.env).EVENT_QUEUES.DossierSubmitted ?? [];
      if (!url) throw new Error('DossierSubmitted has no consumer queue');
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'ping' }));
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
      expect(Messages?.map((m) => m.Body)).toEqual(['ping']);
    } finally {
      sqs.destroy();
    }
  });

  it('gives each consumer queue the manifest’s visibility timeout and a DLQ redrive policy', async () => {
    const url = cloud.queueUrls.notify.url;
    const { Attributes } = await cloud.clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
    );
    expect(Attributes?.VisibilityTimeout).toBe(String(visibilityTimeoutSeconds('notify')));
    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toMatchObject({
      deadLetterTargetArn: expect.stringMatching(/:notify-dlq-[0-9a-f]+$/),
      maxReceiveCount: (specOf('notify').trigger as { maxReceiveCount: number }).maxReceiveCount,
    });
  });
});

describe('isolation', () => {
  it('gives each cloud its own names and restores the environment when it stops', async () => {
    const before = process.env.TABLE_NAME;
    const other = await startLocalCloud({ pollers: false, scheduler: false, logLevel: 'SILENT' });
    try {
      expect(other.tableName).not.toBe(cloud.tableName);
      expect(other.bucketName).not.toBe(cloud.bucketName);
      expect(other.queueUrls.notify.url).not.toBe(cloud.queueUrls.notify.url);
      expect(process.env.TABLE_NAME).toBe(other.tableName);
    } finally {
      await other.stop();
    }
    expect(process.env.TABLE_NAME).toBe(before);
  });
});
