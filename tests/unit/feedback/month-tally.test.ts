/**
 * The report's count of an agency-month, from one mark per feedback and count (and the id sets of the
 * single counter item months were stored in before the marks).
 */
import { describe, expect, it } from 'vitest';
import { type FeedbackMark, tallyFeedbackMonth } from '../../../shared/adapters/dynamo/feedback-counters.ts';

const id = (i: number) => `f-${i}`;

describe('tally of an agency-month', () => {
  it('counts 20,000 feedback, each from its own mark', () => {
    const marks: FeedbackMark[] = Array.from({ length: 20_000 }, (_, i) => ({
      count: 'received',
      id: id(i),
      counted: true,
    }));
    marks.push(
      ...Array.from({ length: 5_000 }, (_, i): FeedbackMark => ({ count: 'answered', id: id(i), counted: true })),
    );
    // Two receipts moved away by a forward.
    marks[7] = { count: 'received', id: id(7), counted: false };
    marks[8] = { count: 'received', id: id(8), counted: false };
    expect(tallyFeedbackMonth({ marks, legacyIds: {} })).toEqual({
      received: 19_998,
      answered: 5_000,
      answeredOnTime: 0,
    });
  });

  it('counts the ids of the old counter item once with the marks, and a mark taken back removes one', () => {
    const tally = tallyFeedbackMonth({
      legacyIds: { received: new Set([id(1), id(2), id(3)]), answered: new Set([id(1)]) },
      marks: [
        { count: 'received', id: id(1), counted: true },
        { count: 'received', id: id(3), counted: false },
        { count: 'received', id: id(4), counted: true },
        { count: 'answeredOnTime', id: id(1), counted: true },
      ],
    });
    expect(tally).toEqual({ received: 3, answered: 1, answeredOnTime: 1 });
  });
});
