import { describe, expect, it } from 'vitest';
import type { Feedback } from '../../../../shared/domain/feedback/feedback.ts';
import { reconcileFeedbackCounts } from '../../../../shared/use-cases/feedback/feedback-counts.ts';
import { fakeFeedbackCounters } from '../../../support/fakes/feedback-counters.ts';

const received: Feedback = {
  id: 'fb-1',
  version: 1,
  status: 'received',
  title: 't',
  content: 'c',
  agencyId: '24.SXD',
  authorId: 'citizen-an',
  anonymous: false,
  filedAt: '2026-03-31T16:00:00+07:00',
  receivedAt: '2026-03-31T16:00:00+07:00',
  forwards: [],
  history: [],
};
const forward = (from: string, to: string, receivedAt: string) => ({
  from,
  to,
  reason: 'r',
  at: receivedAt,
  by: 'x',
  receivedAt,
});

describe('reconciling the feedback counts after a write', () => {
  it('counts a feedback once however often it runs', async () => {
    const counters = fakeFeedbackCounters();
    await reconcileFeedbackCounts(counters, received);
    await reconcileFeedbackCounts(counters, received);
    expect(counters.tally('received', '24.SXD', '2026-03')).toBe(1);
    expect(counters.tally('answered', '24.SXD', '2026-03')).toBe(0);
  });

  it('counts the answer in the month it was given, and on time only against a deadline not passed', async () => {
    const counters = fakeFeedbackCounters();
    const answered: Feedback = {
      ...received,
      status: 'answered',
      answer: { text: 'a', by: 'leader-son', agencyId: '24.SXD', at: '2026-04-01T08:00:00+07:00' },
    };
    await reconcileFeedbackCounts(counters, answered, new Date('2026-04-01T08:00:00+07:00'));
    expect(counters.tally('received', '24.SXD', '2026-03')).toBe(1);
    expect(counters.tally('answered', '24.SXD', '2026-04')).toBe(1);
    expect(counters.tally('answeredOnTime', '24.SXD', '2026-04')).toBe(1);
    const other = fakeFeedbackCounters();
    await reconcileFeedbackCounts(other, answered, new Date('2026-04-01T07:59:59+07:00'));
    expect(other.tally('answeredOnTime', '24.SXD', '2026-04')).toBe(0);
    // Without the holding agency's deadline nothing is said about on time.
    const unknown = fakeFeedbackCounters();
    await reconcileFeedbackCounts(unknown, answered);
    expect(unknown.tally('answeredOnTime', '24.SXD', '2026-04')).toBe(0);
  });

  it('moves the receipt with a forward, and keeps it where a second forward brought it back', async () => {
    const counters = fakeFeedbackCounters();
    await reconcileFeedbackCounts(counters, received);
    const atStp: Feedback = {
      ...received,
      agencyId: '24.STP',
      receivedAt: '2026-04-02T09:00:00+07:00',
      forwards: [forward('24.SXD', '24.STP', received.receivedAt)],
    };
    await reconcileFeedbackCounts(counters, atStp);
    expect(counters.tally('received', '24.SXD', '2026-03')).toBe(0);
    expect(counters.tally('received', '24.STP', '2026-04')).toBe(1);
    const back: Feedback = {
      ...atStp,
      agencyId: '24.SXD',
      receivedAt: '2026-04-03T09:00:00+07:00',
      forwards: [...atStp.forwards, forward('24.STP', '24.SXD', atStp.receivedAt)],
    };
    await reconcileFeedbackCounts(counters, back);
    expect(counters.tally('received', '24.STP', '2026-04')).toBe(0);
    expect(counters.tally('received', '24.SXD', '2026-03')).toBe(0);
    expect(counters.tally('received', '24.SXD', '2026-04')).toBe(1);
  });
});
