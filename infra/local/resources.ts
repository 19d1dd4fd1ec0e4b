/**
 * The table, bucket and queues, created from the same definitions the CDK stacks read
 * (tableLayout, manifest), so the local cloud cannot drift from the deployed one.
 */
import { randomBytes } from 'node:crypto';
import { CreateTableCommand, type CreateTableCommandInput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import {
  type FunctionName,
  type manifest,
  type QueueTrigger,
  queueConsumers,
  specOf,
  visibilityTimeoutSeconds,
} from '../manifest.ts';
import { localRegion } from './lambda.ts';

/** The manifest functions triggered by a queue. */
export type ConsumerName = {
  [K in FunctionName]: (typeof manifest)[K]['trigger'] extends { kind: 'queue' } ? K : never;
}[FunctionName];

export interface ConsumerQueues {
  name: ConsumerName;
  queueName: string;
  queueUrl: string;
  queueArn: string;
  dlqName: string;
  dlqUrl: string;
  dlqArn: string;
  trigger: QueueTrigger;
}

export interface CloudResources {
  suffix: string;
  tableName: string;
  bucketName: string;
  queues: readonly ConsumerQueues[];
  /** The table was there already: kept by persistent emulators from an earlier start, data and all. */
  existed: boolean;
}

export interface ResourceOptions {
  /** Appended to every name so test files sharing nothing still never share a resource. */
  suffix?: string;
  /** Replaces the manifest's visibility timeout (6× the function timeout) so redelivery tests run in seconds. */
  visibilityTimeoutSeconds?: number;
}

export interface ResourceClients {
  dynamo: DynamoDBClient;
  sqs: SQSClient;
  s3: S3Client;
}

export const newSuffix = (): string => randomBytes(4).toString('hex');

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, indexes } = tableLayout;
  const gsis = Object.values(indexes);
  // Every key attribute is a string: codes, ids and ISO-8601 timestamps sort correctly as text.
  const keyNames = [partitionKey, sortKey, ...gsis.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyNames.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: gsis.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' },
        { AttributeName: i.sortKey, KeyType: 'RANGE' },
      ],
      Projection:
        i.projects.length > 0
          ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...i.projects] }
          : { ProjectionType: 'KEYS_ONLY' },
    })),
    // No TTL: dynalite implements neither UpdateTimeToLive nor expiry, and nothing may depend on it.
  };
}

export async function createResources(
  clients: ResourceClients,
  sqsEndpoint: string,
  options: ResourceOptions = {},
): Promise<CloudResources> {
  const suffix = options.suffix ?? newSuffix();
  const tableName = `egov-one-stop-${suffix}`;
  const bucketName = `egov-one-stop-documents-${suffix}`;
  // Kept from an earlier start (persistent emulators): the same names, found again, not made anew.
  const existed = await alreadyThere(clients.dynamo.send(new CreateTableCommand(tableDefinition(tableName))), [
    'ResourceInUseException',
  ]);
  await alreadyThere(
    clients.s3.send(
      new CreateBucketCommand({ Bucket: bucketName, CreateBucketConfiguration: { LocationConstraint: localRegion } }),
    ),
    ['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'],
  );
  const queues = await Promise.all(
    (queueConsumers as ConsumerName[]).map((name) =>
      createConsumerQueues(clients.sqs, sqsEndpoint, name, suffix, options.visibilityTimeoutSeconds),
    ),
  );
  return { suffix, tableName, bucketName, queues, existed };
}

/** True when the resource existed already (the error names which); other errors are thrown. */
async function alreadyThere(creation: Promise<unknown>, names: readonly string[]): Promise<boolean> {
  try {
    await creation;
    return false;
  } catch (error) {
    if (error instanceof Error && names.includes(error.name)) return true;
    throw error;
  }
}

async function createConsumerQueues(
  sqs: SQSClient,
  sqsEndpoint: string,
  name: ConsumerName,
  suffix: string,
  visibilityOverride: number | undefined,
): Promise<ConsumerQueues> {
  const trigger = specOf(name).trigger as QueueTrigger;
  const dlqName = `${name}-dlq-${suffix}`;
  const dlq = await createQueue(sqs, sqsEndpoint, dlqName, { MessageRetentionPeriod: String(14 * 24 * 3600) });
  const queueName = `${name}-${suffix}`;
  const queue = await createQueue(sqs, sqsEndpoint, queueName, {
    VisibilityTimeout: String(visibilityOverride ?? visibilityTimeoutSeconds(name)),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: trigger.maxReceiveCount }),
  });
  return {
    name,
    queueName,
    queueUrl: queue.url,
    queueArn: queue.arn,
    dlqName,
    dlqUrl: dlq.url,
    dlqArn: dlq.arn,
    trigger,
  };
}

async function createQueue(
  sqs: SQSClient,
  sqsEndpoint: string,
  queueName: string,
  attributes: Record<string, string>,
): Promise<{ url: string; arn: string }> {
  const created = await sqs.send(new CreateQueueCommand({ QueueName: queueName, Attributes: attributes }));
  if (!created.QueueUrl) throw new Error(`CreateQueue ${queueName} returned no QueueUrl`);
  // fauxqs answers http://sqs.<region>.localhost:<port>/…, a host that does not resolve everywhere; and an
  // SQS client whose endpoint comes from AWS_ENDPOINT_URL_SQS redirects to any QueueUrl whose origin differs.
  // The path-style URL on the endpoint itself is one fauxqs accepts and keeps every client on the endpoint.
  const url = `${sqsEndpoint}${new URL(created.QueueUrl).pathname}`;
  const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  const arn = attrs.Attributes?.QueueArn;
  if (!arn) throw new Error(`Queue ${queueName} has no QueueArn`);
  return { url, arn };
}
