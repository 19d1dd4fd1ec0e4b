import type { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { batchPut } from '../../../shared/adapters/dynamo/batch-put.ts';

type Request = { PutRequest: { Item: Record<string, unknown> } };

/** A table that leaves the first `refusals` items of each call unprocessed, as DynamoDB does when throttled. */
function throttledTable(refusals: (call: number) => number) {
  const stored: Record<string, unknown>[] = [];
  const calls: number[] = [];
  const client = {
    send: async (command: BatchWriteCommand) => {
      const requests = (command.input.RequestItems?.t ?? []) as Request[];
      calls.push(requests.length);
      const refused = requests.slice(0, refusals(calls.length));
      stored.push(...requests.slice(refused.length).map((r) => r.PutRequest.Item));
      return { UnprocessedItems: refused.length ? { t: refused } : {} };
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, stored, calls };
}

const items = Array.from({ length: 60 }, (_, i) => ({ pk: `P#${i}`, sk: 'S' }));

describe('batchPut', () => {
  it('sends 25 items a call and sends again what the table left unprocessed, until all are stored', async () => {
    // Every call's first two items are refused while the first five calls last.
    const table = throttledTable((call) => (call <= 5 ? 2 : 0));
    await batchPut(table.client, 't', items);
    expect(table.calls.slice(0, 3).sort()).toEqual([10, 25, 25]);
    expect(table.stored.map((i) => i.pk).sort()).toEqual(items.map((i) => i.pk).sort());
  });

  it('gives up, naming the table, when the items stay unprocessed', async () => {
    vi.useFakeTimers();
    try {
      const table = throttledTable(() => 25);
      const outcome = expect(batchPut(table.client, 't', items.slice(0, 3))).rejects.toThrow(
        /3 item\(s\) left unprocessed by t/,
      );
      await vi.runAllTimersAsync();
      await outcome;
      expect(table.calls).toHaveLength(9);
    } finally {
      vi.useRealTimers();
    }
  });
});
