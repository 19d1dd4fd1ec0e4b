/**
 * Observes every AWS SDK v3 call made in this (bench) process, handlers included: the clients are
 * created at module scope in the handlers, so instead of touching them the bench patches `send` on
 * the smithy `Client` prototype they all share. Bench-only; nothing in the platform imports this.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { s3Transport } from '../../../shared/adapters/s3/s3-rest.ts';

export interface SdkCall {
  /** The client instance, so the local cloud's own clients (its pollers) can be told apart. */
  client: object;
  service: string;
  command: string;
  input: Record<string, unknown>;
  output?: Record<string, unknown>;
  error?: unknown;
}

export type SdkObserver = {
  /** May change the command's input before it is sent. */
  before?: (call: SdkCall) => void;
  after?: (call: SdkCall) => void;
};

type Send = (this: object, command: { input: Record<string, unknown> }, ...rest: unknown[]) => Promise<unknown>;

const serviceOf = (client: object): string => {
  if (client instanceof DynamoDBDocumentClient || client instanceof DynamoDBClient) return 'dynamodb';
  if (client instanceof SQSClient) return 'sqs';
  if (client instanceof S3Client) return 's3';
  if (client instanceof KMSClient) return 'kms';
  if (client instanceof SESv2Client) return 'ses';
  if (client instanceof SecretsManagerClient) return 'secretsmanager';
  return client.constructor.name;
};

/** Patches every distinct `send` the SDK clients inherit; returns the undo. */
export function observeSdkCalls(observer: SdkObserver): () => void {
  const classes = [
    DynamoDBClient,
    DynamoDBDocumentClient,
    SQSClient,
    S3Client,
    KMSClient,
    SESv2Client,
    SecretsManagerClient,
  ];
  const undo: (() => void)[] = [];
  const patched = new Set<object>();
  for (const cls of classes) {
    let proto: object | null = cls.prototype;
    // The first prototype up the chain that owns `send` (smithy's Client; the document client has its own class).
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'send'))
      proto = Object.getPrototypeOf(proto) as object;
    if (!proto || patched.has(proto)) continue;
    patched.add(proto);
    const target = proto as { send: Send };
    const original = target.send;
    target.send = function (this: object, command, ...rest) {
      const call: SdkCall = {
        client: this,
        service: serviceOf(this),
        command: command.constructor.name.replace(/Command$/, ''),
        input: command.input,
      };
      return observed(observer, call, async () => {
        const output = (await original.call(this, command, ...rest)) as Record<string, unknown>;
        return { output, seen: output };
      });
    };
    undo.push(() => {
      target.send = original;
    });
  }
  // The platform's S3 calls (shared/adapters/s3/s3-rest.ts) go out through one transport, not an SDK client.
  const s3Send = s3Transport.send;
  s3Transport.send = (http, request, named) =>
    observed(
      observer,
      { client: s3Transport, service: 's3', command: named.operation, input: { Bucket: named.bucket, Key: named.key } },
      async () => {
        const output = await s3Send(http, request, named);
        return { output, seen: { statusCode: output.response.statusCode } };
      },
    );
  undo.push(() => {
    s3Transport.send = s3Send;
  });
  return () => undo.forEach((u) => u());
}

/** Runs one call between the observer's `before` and `after`, with what it answered or threw on `call`. */
async function observed<T>(
  observer: SdkObserver,
  call: SdkCall,
  run: () => Promise<{ output: T; seen: Record<string, unknown> }>,
): Promise<T> {
  observer.before?.(call);
  try {
    const { output, seen } = await run();
    call.output = seen;
    return output;
  } catch (error) {
    call.error = error;
    throw error;
  } finally {
    observer.after?.(call);
  }
}
