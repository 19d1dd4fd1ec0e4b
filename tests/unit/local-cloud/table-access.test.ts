/**
 * The local cloud holds the table grants the manifest declares (infra/local/table-access.ts): a function
 * touching a partition it did not declare is refused as DynamoDB would refuse it in the cloud.
 */
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInvoker } from '../../../infra/local/lambda.ts';
import { partitionUses, tableAccessRefusals } from '../../../infra/local/table-access.ts';
import { tableAllows } from '../../../infra/table-access.ts';

describe('partition uses of a request', () => {
  it('reads the partition key of item requests, marshalled or not', () => {
    expect(partitionUses('GetItemCommand', { Key: { pk: { S: 'DOSSIER#1' } } })).toEqual([
      { action: 'read', partition: 'DOSSIER#1' },
    ]);
    expect(partitionUses('PutItemCommand', { Item: { pk: 'READS#1' } })).toEqual([
      { action: 'write', partition: 'READS#1' },
    ]);
    expect(partitionUses('DeleteItemCommand', { Key: { pk: { S: 'WEBHOOK#x' } } })).toEqual([
      { action: 'delete', partition: 'WEBHOOK#x' },
    ]);
  });

  it("reads a query's partition from its key condition, on the index's own key", () => {
    expect(
      partitionUses('QueryCommand', {
        IndexName: 'byApplicant',
        KeyConditionExpression: '#pk = :pk AND begins_with(gsi1sk, :sk)',
        ExpressionAttributeNames: { '#pk': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': { S: 'APPLICANT#c1' }, ':sk': { S: 'x' } },
      }),
    ).toEqual([{ action: 'read', index: 'byApplicant', partition: 'APPLICANT#c1' }]);
    expect(partitionUses('ScanCommand', {})).toEqual([{ action: 'read', partition: '*' }]);
  });

  it('splits batches and transactions into their items', () => {
    expect(
      partitionUses('TransactWriteItemsCommand', {
        TransactItems: [{ Put: { Item: { pk: { S: 'A#1' } } } }, { Delete: { Key: { pk: { S: 'B#1' } } } }],
      }),
    ).toEqual([
      { action: 'write', partition: 'A#1' },
      { action: 'delete', partition: 'B#1' },
    ]);
  });

  it('matches declared patterns as IAM StringLike does: a trailing * is a prefix, otherwise the whole key', () => {
    const access = { reads: ['DOSSIER#*', 'HOLIDAYS'] };
    expect(tableAllows(access, { action: 'read', partition: 'DOSSIER#7' })).toBe(true);
    expect(tableAllows(access, { action: 'read', partition: 'HOLIDAYS' })).toBe(true);
    expect(tableAllows(access, { action: 'read', partition: 'HOLIDAYSX' })).toBe(false);
    expect(tableAllows(access, { action: 'write', partition: 'DOSSIER#7' })).toBe(false);
    expect(tableAllows(access, { action: 'read', index: 'byApplicant', partition: 'DOSSIER#7' })).toBe(false);
  });
});

describe('the invoker holds each function to its declared partitions', () => {
  beforeAll(() => {
    // Nothing listens there: an allowed request fails on the network, a refused one before it.
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:9';
    process.env.AWS_REGION = 'ap-southeast-1';
    process.env.AWS_ACCESS_KEY_ID = 'local';
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
    process.env.AWS_MAX_ATTEMPTS = '1';
  });

  const invoker = createInvoker(async () => async (event: never) => {
    const { dynamoClient } = await import('../../../shared/adapters/dynamo/client.ts');
    return dynamoClient.send(event);
  });
  const attempt = (name: 'get-holidays' | 'list-my-dossiers', command: unknown) =>
    invoker.invoke(name, command).then(
      () => 'sent',
      (error: Error) => error.name,
    );

  it('refuses a partition the function did not declare, and records it', async () => {
    const before = tableAccessRefusals.length;
    const read = new GetItemCommand({ TableName: 't', Key: { pk: { S: 'DOSSIER#1' }, sk: { S: 'DOSSIER' } } });
    expect(await attempt('get-holidays', read)).toBe('AccessDeniedException');
    expect(tableAccessRefusals.slice(before)).toEqual([
      { function: 'get-holidays', operation: 'GetItemCommand', action: 'read', partition: 'DOSSIER#1' },
    ]);
  });

  it('lets a declared partition through (to the network)', async () => {
    const read = new GetItemCommand({ TableName: 't', Key: { pk: { S: 'HOLIDAYS' }, sk: { S: '2026' } } });
    expect(await attempt('get-holidays', read)).not.toBe('AccessDeniedException');
  });

  it('holds an index query to the index partitions declared for it', async () => {
    const query = (pk: string) =>
      new QueryCommand({
        TableName: 't',
        IndexName: 'byApplicant',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: pk } },
      });
    expect(await attempt('list-my-dossiers', query('FEEDBACKBY#c1'))).toBe('AccessDeniedException');
    expect(await attempt('list-my-dossiers', query('APPLICANT#c1'))).not.toBe('AccessDeniedException');
  });

  it('does not check requests made outside a function (seeding, the tests themselves)', async () => {
    const { dynamoClient } = await import('../../../shared/adapters/dynamo/client.ts');
    const read = new GetItemCommand({ TableName: 't', Key: { pk: { S: 'DOSSIER#1' }, sk: { S: 'DOSSIER' } } });
    const outcome = await dynamoClient.send(read).then(
      () => 'sent',
      (error: Error) => error.name,
    );
    expect(outcome).not.toBe('AccessDeniedException');
  });
});
