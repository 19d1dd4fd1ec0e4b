import { describe, expect, it } from 'vitest';
import { feedbackCountPlaces } from '../../../shared/domain/feedback/counting.ts';
import type { Feedback } from '../../../shared/domain/feedback/feedback.ts';
import { withFeedbackCounts } from '../../../shared/domain/feedback/report-counts.ts';
import { buildReport, type ReportAgency } from '../../../shared/domain/indicators/report.ts';

const base: Feedback = {
  id: 'f',
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

describe('where a feedback counts', () => {
  it('is received by its agency in the month of receipt (Vietnam time), answered in the month of the answer', () => {
    expect(
      feedbackCountPlaces({
        ...base,
        status: 'answered',
        answer: { text: 'a', by: 'x', agencyId: '24.SXD', at: '2026-04-01T08:00:00+07:00' },
      }),
    ).toEqual({
      counted: [
        { count: 'received', agencyId: '24.SXD', month: '2026-03' },
        { count: 'answered', agencyId: '24.SXD', month: '2026-04' },
      ],
      notCounted: [],
    });
  });

  it('moves the receipt with a forward, and back again when it returns', () => {
    const forwarded: Feedback = {
      ...base,
      agencyId: '24.STP',
      receivedAt: '2026-04-02T09:00:00+07:00',
      forwards: [{ from: '24.SXD', to: '24.STP', reason: 'r', at: '', by: 'x', receivedAt: base.receivedAt }],
    };
    expect(feedbackCountPlaces(forwarded)).toEqual({
      counted: [{ count: 'received', agencyId: '24.STP', month: '2026-04' }],
      notCounted: [{ count: 'received', agencyId: '24.SXD', month: '2026-03' }],
    });
    const back: Feedback = {
      ...forwarded,
      agencyId: '24.SXD',
      receivedAt: '2026-03-31T17:00:00+07:00',
      forwards: [
        ...forwarded.forwards,
        { from: '24.STP', to: '24.SXD', reason: 'r', at: '', by: 'x', receivedAt: forwarded.receivedAt },
      ],
    };
    expect(feedbackCountPlaces(back).notCounted).toEqual([{ count: 'received', agencyId: '24.STP', month: '2026-04' }]);
  });
});

describe('feedback counts in a report', () => {
  it('adds each agency its counts, rolled up to the root, with the answered rate', () => {
    const agencies: ReportAgency[] = [
      { id: '24.UBND', name: 'Tỉnh', level: 'province' },
      { id: '24.SXD', name: 'Sở XD', level: 'department', parentId: '24.UBND' },
      { id: '24.STP', name: 'Sở TP', level: 'department', parentId: '24.UBND' },
    ];
    const report = buildReport({
      period: { kind: 'month', year: 2026, index: 3 },
      rootId: '24.UBND',
      agencies,
      facts: [],
    });
    const withCounts = withFeedbackCounts(report, agencies, [
      { agencyId: '24.SXD', received: 3, answered: 2 },
      { agencyId: '24.STP', received: 1, answered: 1 },
      { agencyId: '99.ELSE', received: 7, answered: 7 },
    ]);
    expect(withCounts.totals.counts).toMatchObject({ feedbackReceived: 4, feedbackAnswered: 3 });
    expect(withCounts.totals.indicators.feedbackAnsweredRate).toMatchObject({ numerator: 3, denominator: 4 });
    const row = (id: string) => withCounts.byAgency.find((r) => r.agencyId === id)?.counts;
    expect(row('24.SXD')).toMatchObject({ feedbackReceived: 3, feedbackAnswered: 2 });
    expect(row('24.STP')).toMatchObject({ feedbackReceived: 1, feedbackAnswered: 1 });
    expect(row('24.UBND')).toMatchObject({ feedbackReceived: 4, feedbackAnswered: 3 });
  });
});
