/**
 * Feedback counts of an agency's month for the reports, against the local cloud: no item may grow with
 * the month's feedback. One item per agency and month holding the ids counted met DynamoDB's 400 KB item
 * limit near 10,000 feedback (an agency-month of a busy province), after which no feedback could be filed
 * or answered there.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { db } from '../../shared/adapters/dynamo/client.ts';
import { feedbackCounters } from '../../shared/adapters/dynamo/feedback-counters.ts';
import { indicatorFactRepository } from '../../shared/adapters/dynamo/indicator-facts.ts';
import type { FeedbackCounters } from '../../shared/use-cases/ports/feedback-counters.ts';
import type { IndicatorFactRepository } from '../../shared/use-cases/ports/indicator-fact-repository.ts';
import { keys } from '../../shared/adapters/dynamo/keys.ts';

let cloud: LocalCloud;
let counters: FeedbackCounters;
let facts: IndicatorFactRepository;
beforeAll(async () => {
  cloud = await startLocalCloud({ scheduler: false });
  counters = feedbackCounters(cloud.tableName);
  facts = indicatorFactRepository(cloud.tableName);
});
afterAll(() => cloud?.stop());

/** An item's size as DynamoDB bills and limits it: attribute names plus values (UTF-8 bytes). */
function itemBytes(item: Record<string, unknown>): number {
  const valueBytes = (value: unknown): number => {
    if (typeof value === 'string') return Buffer.byteLength(value);
    if (typeof value === 'number') return String(value).length;
    if (typeof value === 'boolean') return 1;
    if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueBytes(v), 0);
    return Buffer.byteLength(JSON.stringify(value));
  };
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueBytes(value), 0);
}

/** The largest item stored in an agency-month's partition. */
async function largestItem(agencyId: string, month: string): Promise<number> {
  let largest = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: cloud.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.feedbackCounts(agencyId, month).pk },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) largest = Math.max(largest, itemBytes(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return largest;
}

const feedbackId = (i: number) => `0b6f2c1e-6c2a-4d1b-9f4e-${String(i).padStart(12, '0')}`;

describe('feedback counts of an agency-month', () => {
  it('stores no item that grows with the feedback counted', async () => {
    const [agencyId, month] = ['24.SXD', '2026-11'];
    await counters.add('received', agencyId, month, feedbackId(0));
    const afterOne = await largestItem(agencyId, month);
    // A small batch stands for the month: each feedback must leave the largest item as it was.
    for (let i = 1; i < 120; i++) {
      await counters.add('received', agencyId, month, feedbackId(i));
      if (i % 2 === 0) await counters.add('answered', agencyId, month, feedbackId(i));
    }
    expect(await largestItem(agencyId, month)).toBe(afterOne);
    // At 20,000 feedback a month, what one item holds is still that of one feedback: far under 400 KB.
    expect(afterOne).toBeLessThan(200);
    expect(await facts.feedbackMonth(agencyId, month)).toMatchObject({
      received: 120,
      answered: 59,
      answeredOnTime: 0,
    });
  });

  it('counts a feedback once however often it is counted, and takes a forwarded receipt back', async () => {
    const [agencyId, month] = ['24.STP', '2026-11'];
    for (let i = 0; i < 3; i++) await counters.add('received', agencyId, month, feedbackId(1));
    await counters.add('received', agencyId, month, feedbackId(2));
    await counters.remove('received', agencyId, month, feedbackId(2));
    await counters.remove('received', agencyId, month, feedbackId(2));
    // Taking back what was never counted changes nothing.
    await counters.remove('received', agencyId, month, feedbackId(3));
    expect(await facts.feedbackMonth(agencyId, month)).toMatchObject({ received: 1, answered: 0 });
  });

  it('still counts a month stored in the single counter item used before, and what is marked after', async () => {
    const [agencyId, month] = ['24.SYT', '2026-10'];
    await db.send(
      new PutCommand({
        TableName: cloud.tableName,
        Item: {
          ...keys.feedbackCounts(agencyId, month),
          received: 3,
          receivedIds: new Set([feedbackId(1), feedbackId(2), feedbackId(3)]),
          answered: 1,
          answeredIds: new Set([feedbackId(1)]),
        },
      }),
    );
    // Counted again after the change (a later action on it): still once.
    await counters.add('received', agencyId, month, feedbackId(1));
    // Forwarded away after the change: taken out of the old set's count.
    await counters.remove('received', agencyId, month, feedbackId(3));
    await counters.add('received', agencyId, month, feedbackId(4));
    await counters.add('answeredOnTime', agencyId, month, feedbackId(4));
    expect(await facts.feedbackMonth(agencyId, month)).toMatchObject({ received: 3, answered: 1, answeredOnTime: 1 });
  });
});
