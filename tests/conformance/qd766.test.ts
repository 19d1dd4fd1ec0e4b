/**
 * Quyết định 766/QĐ-TTg (23/6/2022), Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người
 * dân, doanh nghiệp trong thực hiện TTHC, DVC theo thời gian thực trên môi trường điện tử: each
 * indicator on a small month of dossiers written by hand, its score worked out by hand below.
 *
 * The rules used (shared/domain/indicators/formulas.ts cites them one by one):
 * - five groups, weights 18 / 20 / 22 / 22 / 18 = 100 (the decision's annex);
 * - points inside a group as the national portal scores the index: publicity 1.1 = 6, 1.2 = 4,
 *   1.3 = 2, 1.4 (hồ sơ đồng bộ lên Cổng DVCQG) = 6; progress 2.1 (hồ sơ xử lý đúng hạn) = 20;
 *   digitisation 4.1 (kết quả điện tử) = 6, 4.2 (số hóa hồ sơ) = 4, others 2/4/2/2/2; online service
 *   22 = dịch vụ công trực tuyến 12 (3.1, 3.2, 3.3: 4 each, equal shares) + thanh toán 10 (3.5, 3.6:
 *   5 each, equal shares); satisfaction 5.2 = 5.3 = 5.4 = 6;
 * - an indicator earns points × min(1, ratio ÷ threshold): "đạt từ 80 % trở lên đạt điểm tối đa"
 *   for 4.2, 50 % for 3.3, 90 % for 5.4; no threshold (100 %) elsewhere;
 * - the platform cannot measure some indicators (data in national databases): they are not scored,
 *   and a group scores weight × earned ÷ the points of its measured indicators.
 */
import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../shared/domain/calendar/index.ts';
import { feedbackCountPlaces } from '../../shared/domain/feedback/counting.ts';
import { defaultAnswerWithin, type Feedback } from '../../shared/domain/feedback/feedback.ts';
import { withFeedbackCounts } from '../../shared/domain/feedback/report-counts.ts';
import { answerDeadline } from '../../shared/domain/feedback/rules.ts';
import type { Dossier } from '../../shared/domain/dossier/dossier.ts';
import { type DossierFact, factOf } from '../../shared/domain/indicators/fact.ts';
import {
  indicatorDefinitions,
  indicatorGroupInfo,
  indicatorGroups,
  type Indicators,
} from '../../shared/domain/indicators/formulas.ts';
import { buildReport } from '../../shared/domain/indicators/report.ts';
import { isDigitisedDocument } from '../../shared/use-cases/record-indicators.ts';

const agencies = [{ id: '24.STP', name: 'Sở Tư pháp', level: 'department' as const }];
const march = { kind: 'month' as const, year: 2026, index: 3 };

/** A dossier's fact in March 2026 (instants at +07:00), all fields written out by the cases below. */
const fact = (code: string, f: Partial<DossierFact>): DossierFact => ({
  code,
  version: 5,
  competentAgencyId: '24.STP',
  procedureCode: '1.000001',
  procedureName: 'Thủ tục thử',
  field: 'Tư pháp',
  serviceLevel: 'partly-online',
  channel: 'online',
  status: 'processing',
  submittedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-10T17:00:00+07:00',
  supplementRequests: [],
  feeBearing: false,
  paidOnline: false,
  digitised: false,
  electronicResult: false,
  dvcqgSynced: false,
  ...f,
});

/**
 * Eight dossiers filed in March 2026 at one department:
 *
 * | code | channel | service level | outcome in March                          | digitised | e-result | synced | fee / online | rating |
 * | D1   | online  | fully online  | decided 5/3, due 10/3                     | yes       | yes      | yes    | yes / yes    | 5      |
 * | D2   | online  | partly online | decided 9/3, due 10/3                     | yes       | yes      | no     | yes / no     | 2      |
 * | D3   | counter | partly online | decided 12/3, due 10/3 extended to 16/3   | yes (scan)| no       | yes    | no           | 4      |
 * | D4   | counter | offline       | decided 20/3, due 18/3                    | yes (scan)| yes      | no     | no           | —      |
 * | D5   | DVCQG   | fully online  | open, due 10/4                            | yes       | —        | yes    | no           | —      |
 * | D6   | post    | partly online | open, due 25/3                            | no        | —        | no     | yes / no     | —      |
 * | D7   | counter | offline       | refused at intake 3/3                     | no        | —        | no     | no           | —      |
 * | D8   | online  | partly online | open, due 20/3 extended to 3/4            | yes       | —        | yes    | yes / yes    | —      |
 */
const facts: DossierFact[] = [
  fact('D1', {
    serviceLevel: 'fully-online',
    status: 'decided',
    decidedAt: '2026-03-05T10:00:00+07:00',
    digitised: true,
    electronicResult: true,
    dvcqgSynced: true,
    feeBearing: true,
    paidOnline: true,
    rating: 5,
  }),
  fact('D2', {
    status: 'returned',
    decidedAt: '2026-03-09T10:00:00+07:00',
    digitised: true,
    electronicResult: true,
    feeBearing: true,
    rating: 2,
  }),
  fact('D3', {
    channel: 'counter',
    status: 'decided',
    originalDueAt: '2026-03-10T17:00:00+07:00',
    dueAt: '2026-03-16T17:00:00+07:00',
    decidedAt: '2026-03-12T10:00:00+07:00',
    digitised: true,
    dvcqgSynced: true,
    rating: 4,
  }),
  fact('D4', {
    channel: 'counter',
    serviceLevel: 'offline',
    status: 'decided',
    dueAt: '2026-03-18T17:00:00+07:00',
    decidedAt: '2026-03-20T10:00:00+07:00',
    digitised: true,
    electronicResult: true,
  }),
  fact('D5', {
    channel: 'dvcqg',
    serviceLevel: 'fully-online',
    dueAt: '2026-04-10T17:00:00+07:00',
    digitised: true,
    dvcqgSynced: true,
  }),
  fact('D6', { channel: 'post', dueAt: '2026-03-25T17:00:00+07:00', feeBearing: true }),
  fact('D7', { channel: 'counter', serviceLevel: 'offline', status: 'refused', endedAt: '2026-03-03T10:00:00+07:00' }),
  fact('D8', {
    originalDueAt: '2026-03-20T17:00:00+07:00',
    dueAt: '2026-04-03T17:00:00+07:00',
    digitised: true,
    dvcqgSynced: true,
    feeBearing: true,
    paidOnline: true,
  }),
];

/** Feedback of the department in March: 10 received, 8 answered, 5 of them by their deadline. */
const feedback = [{ agencyId: '24.STP', received: 10, answered: 8, answeredOnTime: 5 }];

const report = withFeedbackCounts(
  buildReport({ period: march, rootId: '24.STP', agencies, facts }),
  agencies,
  feedback,
);
const indicators = report.totals.indicators;
const group = (g: Indicators['groups'][number]['group']) => {
  const found = indicators.groups.find((x) => x.group === g);
  if (!found) throw new Error(`no group ${g}`);
  return found;
};
const indicator = (g: Indicators['groups'][number]['group'], id: string) => {
  const found = group(g).indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

describe('QĐ 766/QĐ-TTg: five groups, weights 18/20/22/22/18', () => {
  it('the groups, their names and weights, 100 in all', () => {
    expect(indicatorGroups.map((g) => [indicatorGroupInfo[g].vi, indicatorGroupInfo[g].weight])).toEqual([
      ['Công khai, minh bạch', 18],
      ['Tiến độ, kết quả giải quyết', 20],
      ['Số hóa hồ sơ', 22],
      ['Cung cấp dịch vụ trực tuyến', 22],
      ['Mức độ hài lòng', 18],
    ]);
    // 18 + 20 + 22 + 22 + 18 = 100
    expect(indicatorGroups.reduce((sum, g) => sum + indicatorGroupInfo[g].weight, 0)).toBe(100);
  });

  it("each group's indicators share exactly its weight", () => {
    for (const g of indicatorGroups) {
      expect(indicatorDefinitions[g].reduce((sum, d) => sum + d.points, 0)).toBe(indicatorGroupInfo[g].weight);
    }
  });
});

describe('QĐ 766 on a month worked by hand (March 2026, the report judged at its end)', () => {
  it('1.4 dossiers synchronised to DVCQG: D1, D3, D5, D8 of 8 received → 4/8; 6 × 0.5 = 3 points', () => {
    expect(indicator('publicityTransparency', '1.4')).toMatchObject({
      ratio: { numerator: 4, denominator: 8, value: 0.5 },
      score: 3,
    });
    // 1.1, 1.2 and 1.3 are measured on the national database of procedures: not scored here.
    for (const id of ['1.1', '1.2', '1.3'])
      expect(indicator('publicityTransparency', id)).toMatchObject({ ratio: null, score: null });
    // Group: 18 × 3 ÷ 6 (only 1.4's 6 points are measured) = 9.
    expect(group('publicityTransparency')).toMatchObject({ assessedPoints: 6, earnedPoints: 3, score: 9 });
  });

  it('2.1 processed on time, strict (original appointment): 3/7 → 8.57 of 20; lenient 5/7 shown beside it', () => {
    // Decided in March: D1, D2, D3, D4; open at the end of March: D5, D6, D8 → denominator 7 (D7 refused at intake).
    // By the original appointment: D1 (5/3 ≤ 10/3), D2 (9/3 ≤ 10/3); D3 was decided within its extension
    // (12/3 > 10/3): late for the score; D4 late (20/3 > 18/3). Open within the original appointment at
    // 1/4 00:00: D5 (due 10/4) only — D6 is past 25/3, D8 past its original 20/3. → 2 + 1 = 3.
    expect(indicators.processedOnTimeRate).toEqual({ numerator: 3, denominator: 7, value: 0.4286 });
    // 20 × 3/7 = 8.5714… → 8.57
    expect(indicator('progress', '2.1').score).toBe(8.57);
    expect(group('progress')).toMatchObject({ assessedPoints: 20, score: 8.57 });
    // Lenient (the appointment in force): D1, D2, D3 (12/3 ≤ 16/3) decided in time, D5 and D8 (due 3/4) open within → 5/7.
    expect(indicators.processedOnTimeRateWithExtension).toEqual({ numerator: 5, denominator: 7, value: 0.7143 });
    // Among the decided only: 2/4 by the original appointment, 3/4 with the extension.
    expect(indicators.onTimeRateBeforeExtension).toMatchObject({ numerator: 2, denominator: 4 });
    expect(indicators.onTimeRate).toMatchObject({ numerator: 3, denominator: 4 });
  });

  it('4.1 electronic results 3/4 → 4.5 of 6; 4.2 digitised 6/8 → 3.75 of 4 (full from 80 %); group 18.15 of 22', () => {
    // Decided: D1, D2, D4 with a signed electronic result, D3 without → 3/4; 6 × 0.75 = 4.5.
    expect(indicator('digitisation', '4.1')).toMatchObject({
      ratio: { numerator: 3, denominator: 4, value: 0.75 },
      score: 4.5,
    });
    // Received with electronic documents: D1, D2, D3, D4, D5, D8 → 6/8 = 75 %, below 80 %: 4 × 0.75 ÷ 0.8 = 3.75.
    expect(indicator('digitisation', '4.2')).toMatchObject({
      ratio: { numerator: 6, denominator: 8, value: 0.75 },
      score: 3.75,
    });
    // Group: measured points 6 + 4 = 10, earned 4.5 + 3.75 = 8.25 → 22 × 8.25 ÷ 10 = 18.15.
    expect(group('digitisation')).toMatchObject({ assessedPoints: 10, earnedPoints: 8.25, score: 18.15 });
  });

  it('3.3 online among procedures offered online 4/6 → 4 of 4 (full from 50 %); 3.6 paid online 2/4 → 2.5 of 5', () => {
    // Offered online: D1, D2, D3, D5, D6, D8 (D4 and D7 have no online service: out of the denominator).
    // Filed online among them: D1, D2, D5 (DVCQG), D8 → 4/6 = 66.67 % ≥ 50 %: 4 points.
    expect(indicator('onlineService', '3.3')).toMatchObject({
      ratio: { numerator: 4, denominator: 6, value: 0.6667 },
      score: 4,
    });
    // Over every procedure it would be 4/8: shown, not scored.
    expect(indicators.onlineShare).toMatchObject({ numerator: 4, denominator: 8 });
    // Fee-bearing: D1, D2, D6, D8; paid online: D1, D8 → 2/4; 5 × 0.5 = 2.5.
    expect(indicator('onlineService', '3.6')).toMatchObject({
      ratio: { numerator: 2, denominator: 4, value: 0.5 },
      score: 2.5,
    });
    // Group: measured 4 + 5 = 9 points, earned 6.5 → 22 × 6.5 ÷ 9 = 15.888… → 15.89.
    expect(group('onlineService')).toMatchObject({ assessedPoints: 9, earnedPoints: 6.5, score: 15.89 });
  });

  it('5.2 feedback answered on time 5/8 → 3.75; 5.4 satisfaction in service 1/4 → 1.67; group 8.13 of 18', () => {
    // 8 answered in March, 5 by their deadline: 6 × 5/8 = 3.75.
    expect(indicator('satisfaction', '5.2')).toMatchObject({
      ratio: { numerator: 5, denominator: 8, value: 0.625 },
      score: 3.75,
    });
    // 5.4 = 100 % − (late % + dissatisfied %) over the 4 decided: late by the original appointment D3, D4
    // (2/4), rated 1–2: D2 (1/4) → 1 − 0.5 − 0.25 = 0.25 → numerator 4 − 2 − 1 = 1; below 90 %:
    // 6 × 0.25 ÷ 0.9 = 1.666… → 1.67.
    expect(indicator('satisfaction', '5.4')).toMatchObject({
      ratio: { numerator: 1, denominator: 4, value: 0.25 },
      score: 1.67,
    });
    expect(indicator('satisfaction', '5.3')).toMatchObject({ ratio: null, score: null });
    // Group: measured 6 + 6 = 12, earned 3.75 + 1.67 = 5.42 → 18 × 5.42 ÷ 12 = 8.13.
    expect(group('satisfaction')).toMatchObject({ assessedPoints: 12, earnedPoints: 5.42, score: 8.13 });
  });

  it('the index: 9 + 8.57 + 18.15 + 15.89 + 8.13 = 59.74 of 100', () => {
    expect(indicators.index).toEqual({ score: 59.74, outOf: 100 });
  });
});

describe('"in progress, overdue" is judged at the report\'s as-of instant', () => {
  it('generated on 15/3 at noon, the month still running', () => {
    const running = buildReport({
      period: march,
      rootId: '24.STP',
      agencies,
      facts,
      asOf: new Date('2026-03-15T12:00:00+07:00'),
    });
    expect(running.asOf).toBe('2026-03-15T12:00:00+07:00');
    const c = running.totals.counts;
    // At 15/3 12:00: decided D1, D2, D3 (12/3); D4 (decided 20/3) is still open. Open: D4 (due 18/3),
    // D5 (10/4), D6 (25/3), D8 (20/3, extended 3/4): none past due yet → 4 within time, 0 overdue
    // (at the end of March D6 is overdue).
    expect([c.resolved, c.inProgress, c.inProgressWithinTime, c.inProgressOverdue]).toEqual([3, 4, 4, 0]);
    // Strict 2.1 at that instant: D1, D2 by the original date + all 4 open within their original date = 6 of 7.
    expect(running.totals.indicators.processedOnTimeRate).toMatchObject({ numerator: 6, denominator: 7 });
  });
});

describe('facts counted where they happen', () => {
  const dossier = (over: Partial<Dossier>): Dossier =>
    ({
      code: 'H-1',
      version: 9,
      status: 'decided',
      channel: 'counter',
      procedure: { code: '1.000001', version: 1, name: 'Thủ tục thử' },
      competentAgencyId: '24.STP',
      submittedAt: '2026-03-02T09:00:00+07:00',
      dueAt: '2026-03-10T17:00:00+07:00',
      fee: null,
      decision: { outcome: 'approved', decidedAt: '2026-03-05T10:00:00+07:00', by: 'leader' },
      timeline: [],
      ...over,
    }) as Dossier;
  const procedure = { name: 'Thủ tục thử', field: 'Tư pháp', serviceLevel: 'partly-online' as const };

  it('an electronic result is the timeline entry `result-signed`', () => {
    expect(factOf(dossier({}), procedure).electronicResult).toBe(false);
    const signed = dossier({
      timeline: [
        {
          at: '2026-03-05T11:00:00+07:00',
          actor: { sub: 'system', role: 'system' },
          action: 'result-signed',
          agencyId: '24.STP',
          note: 'Kết quả đã được ký số.',
        },
      ],
    });
    expect(factOf(signed, procedure).electronicResult).toBe(true);
  });

  it('digitised: verified uploads (online or scanned at the counter) and the portal’s files, not forms or the result', () => {
    expect(isDigitisedDocument({ kind: 'upload', status: 'verified' })).toBe(true);
    expect(isDigitisedDocument({ kind: 'upload', status: 'pending' })).toBe(false);
    expect(isDigitisedDocument({ kind: 'upload', status: 'quarantined' })).toBe(false);
    expect(isDigitisedDocument({ kind: 'referenced', status: 'referenced' })).toBe(true);
    expect(isDigitisedDocument({ kind: 'form', status: 'verified' })).toBe(false);
    expect(isDigitisedDocument({ kind: 'result', status: 'verified' })).toBe(false);
    const f = factOf(dossier({}), procedure, undefined, { digitisedDocuments: 2, dvcqgAcknowledged: false });
    expect([f.digitised, f.digitisedDocuments]).toEqual([true, 2]);
  });

  it('synchronised to DVCQG: acknowledged by the portal, or filed there', () => {
    const none = { digitisedDocuments: 0, dvcqgAcknowledged: false };
    expect(factOf(dossier({}), procedure, undefined, none).dvcqgSynced).toBe(false);
    expect(factOf(dossier({}), procedure, undefined, { ...none, dvcqgAcknowledged: true }).dvcqgSynced).toBe(true);
    expect(factOf(dossier({ channel: 'dvcqg' }), procedure, undefined, none).dvcqgSynced).toBe(true);
  });
});

describe('feedback answered by its deadline (QĐ 766, 5.2)', () => {
  const calendar = workingCalendar({ holidays: [] });

  it('15 working days from receipt by default: received Monday 2/3/2026 → due Monday 23/3/2026', () => {
    // Working days after the receipt day: 3–6/3 (4), 9–13/3 (9), 16–20/3 (14), 23/3 (15).
    expect(defaultAnswerWithin.workingDays).toBe(15);
    const due = answerDeadline(calendar, '2026-03-02T09:00:00+07:00');
    expect(due.toISOString().slice(0, 10)).toBe('2026-03-23');
  });

  it('an answer by the deadline counts among those on time, a later one does not', () => {
    const base: Feedback = {
      id: 'F1',
      version: 3,
      status: 'answered',
      title: 'Phản ánh',
      content: 'Nội dung',
      agencyId: '24.STP',
      authorId: 'citizen-1',
      anonymous: false,
      filedAt: '2026-03-02T09:00:00+07:00',
      receivedAt: '2026-03-02T09:00:00+07:00',
      forwards: [],
      history: [],
    };
    const deadline = new Date('2026-03-23T17:00:00+07:00');
    const onTime = {
      ...base,
      answer: { text: 'Trả lời', by: 'l', agencyId: '24.STP', at: '2026-03-23T16:00:00+07:00' },
    };
    const late = { ...base, answer: { text: 'Trả lời', by: 'l', agencyId: '24.STP', at: '2026-03-24T08:00:00+07:00' } };
    const places = (f: Feedback) => feedbackCountPlaces(f, deadline).counted.map((p) => p.count);
    expect(places(onTime)).toEqual(['received', 'answered', 'answeredOnTime']);
    expect(places(late)).toEqual(['received', 'answered']);
  });
});
