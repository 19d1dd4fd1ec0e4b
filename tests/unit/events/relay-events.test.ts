import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import { streamHandler } from '../../../shared/queue/stream-handler.ts';
import { relayEvents } from '../../../shared/use-cases/relay-events.ts';

const event = (code: string, version: number): DomainEvent => ({
  id: `${code}:${version}:DossierChanged`,
  type: 'DossierChanged',
  dossierCode: code,
  occurredAt: '2026-12-04T09:00:00+07:00',
  data: {
    applicantId: 'citizen-an',
    agencyId: '24.07210',
    action: 'receive',
    from: 'submitted',
    to: 'received',
    dueAt: '',
  },
});

const record = (sequence: string, image: Record<string, unknown>): DynamoDBRecord => ({
  eventName: 'MODIFY',
  dynamodb: { SequenceNumber: sequence, NewImage: marshall(image, { removeUndefinedValues: true }) as never },
});

describe('relaying a dossier write from the table’s stream', () => {
  it('sends the events of the version written, and nothing for a write that carried none', async () => {
    const sent: DomainEvent[][] = [];
    const relay = relayEvents(async (events) => void sent.push([...events]));
    expect(await relay({ version: 3, outboxVersion: 3, outbox: [event('A', 3)] })).toBe(1);
    expect(await relay({ version: 4 })).toBe(0);
    // An outbox left by an earlier version (a write that did not replace it) is never sent again.
    expect(await relay({ version: 5, outboxVersion: 3, outbox: [event('A', 3)] })).toBe(0);
    expect(sent).toEqual([[event('A', 3)]]);
  });

  it('reports the record whose send failed, by its sequence number, and lets the others through', async () => {
    const handler = streamHandler(
      relayEvents(async (events) => {
        if (events.some((e) => e.dossierCode === 'B')) throw new Error('SQS refused');
      }) as (image: Record<string, unknown>) => Promise<unknown>,
    );
    const result = await handler(
      {
        Records: [
          record('1', { code: 'A', version: 2, outboxVersion: 2, outbox: [event('A', 2)] }),
          record('2', { code: 'B', version: 7, outboxVersion: 7, outbox: [event('B', 7)] }),
          record('3', { code: 'C', version: 1 }),
        ],
      },
      { awsRequestId: 'test', functionName: 'relay-events' } as Context,
    );
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });
});
