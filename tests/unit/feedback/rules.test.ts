import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/domain/calendar/index.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Feedback, FeedbackStatus } from '../../../shared/domain/feedback/feedback.ts';
import {
  actOnFeedback,
  type FeedbackAction,
  type FeedbackActionType,
  feedbackReader,
  fileFeedback,
} from '../../../shared/domain/feedback/rules.ts';
import type { Official } from '../../../shared/domain/official.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';

const agency = '24.STP';
const people = {
  author: { sub: 'citizen-an', roles: ['citizen'] },
  otherCitizen: { sub: 'citizen-binh', roles: ['citizen'] },
  receiver: { sub: 'receiver-x', roles: ['receiver'], agencyId: agency },
  specialist: { sub: 'specialist-minh', roles: ['specialist'], agencyId: agency },
  assignee: { sub: 'specialist-assigned', roles: ['specialist'], agencyId: agency },
  leader: { sub: 'leader-tuan', roles: ['leader'], agencyId: agency },
  otherLeader: { sub: 'leader-son', roles: ['leader'], agencyId: '24.SXD' },
  auditor: { sub: 'auditor-thu', roles: ['auditor'] },
} as const satisfies Record<string, Caller>;
type Person = keyof typeof people;

const filedAt = new Date('2026-03-02T09:00:00+07:00');
const soon = new Date('2026-03-03T09:00:00+07:00');
const assigneeOfficial: Official = {
  sub: 'specialist-assigned',
  name: 'Cán bộ A',
  agencyId: agency,
  roles: ['specialist'],
  active: true,
};

function feedbackIn(status: FeedbackStatus): Feedback {
  const filed = fileFeedback(
    people.author,
    { title: 'Đường hỏng', content: 'Nội dung', agencyId: agency },
    'f-1',
    filedAt,
  );
  return {
    ...filed,
    status,
    ...(status === 'assigned' || status === 'answered' || status === 'published'
      ? { assigneeId: 'specialist-assigned' }
      : {}),
    ...(status === 'answered' || status === 'published'
      ? { answer: { text: 'Đã sửa', by: 'leader-tuan', agencyId: agency, at: '2026-03-02T10:00:00+07:00' } }
      : {}),
  };
}

const actions: Record<FeedbackActionType, FeedbackAction> = {
  assign: { type: 'assign', assigneeId: 'specialist-assigned' },
  answer: { type: 'answer', text: 'Cơ quan đã chỉ đạo sửa chữa.' },
  forward: { type: 'forward', agencyId: '24.SXD', reason: 'Thuộc thẩm quyền Sở Xây dựng' },
  publish: { type: 'publish', title: 'Đường hỏng', summary: 'Phản ánh về đường hỏng.' },
};

/** The rules, written out independently of the code: action → (from statuses, who). */
const spec: Record<FeedbackActionType, { from: FeedbackStatus[]; by: Person[] }> = {
  assign: { from: ['received', 'assigned'], by: ['receiver', 'leader'] },
  // The assignee answers what was assigned to them; a leader may answer at any open stage.
  answer: { from: ['received', 'assigned'], by: ['leader', 'assignee'] },
  forward: { from: ['received', 'assigned'], by: ['receiver', 'leader'] },
  publish: { from: ['answered'], by: ['leader'] },
};

const statuses: FeedbackStatus[] = ['received', 'assigned', 'answered', 'published'];
const officials: Person[] = ['receiver', 'specialist', 'assignee', 'leader'];

function attempt(person: Person, status: FeedbackStatus, type: FeedbackActionType) {
  try {
    return actOnFeedback(feedbackIn(status), actions[type], {
      caller: people[person],
      now: soon,
      calendar: defaultCalendar,
      assignee: assigneeOfficial,
      targetExists: true,
    });
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
}

describe('who may do what to a feedback in which status', () => {
  const cases = (Object.keys(spec) as FeedbackActionType[]).flatMap((type) =>
    statuses.flatMap((status) => officials.map((person) => ({ type, status, person }))),
  );
  it.each(cases)('$person: $type from $status', ({ type, status, person }) => {
    const outcome = attempt(person, status, type);
    // Nothing is assigned to anyone yet in `received`: the would-be assignee is just a specialist.
    const who = person === 'assignee' && status === 'received' ? 'specialist' : person;
    const allowed = spec[type].by.includes(who) && spec[type].from.includes(status);
    if (allowed) {
      expect(outcome).not.toBeInstanceOf(RuleViolation);
      expect((outcome as Feedback).version).toBe(2);
    } else {
      expect(outcome).toBeInstanceOf(RuleViolation);
      // Right person in the wrong status: a conflict; the wrong person: forbidden.
      expect((outcome as RuleViolation).kind).toBe(spec[type].by.includes(who) ? 'conflict' : 'forbidden');
    }
  });

  it.each(['otherLeader', 'otherCitizen', 'author'] as const)(
    '%s, outside the agency, is told it does not exist',
    (p) => {
      const outcome = attempt(p, 'received', 'answer');
      expect(outcome).toBeInstanceOf(RuleViolation);
      expect((outcome as RuleViolation).kind).toBe('not-found');
    },
  );

  it('records each step: status, assignee, answer, forward and the published version', () => {
    const ctx = { now: soon, calendar: defaultCalendar, assignee: assigneeOfficial, targetExists: true };
    const assigned = actOnFeedback(feedbackIn('received'), actions.assign, { ...ctx, caller: people.leader });
    expect(assigned).toMatchObject({ status: 'assigned', assigneeId: 'specialist-assigned' });
    const answered = actOnFeedback(assigned, actions.answer, { ...ctx, caller: people.assignee });
    expect(answered.answer).toEqual({
      text: 'Cơ quan đã chỉ đạo sửa chữa.',
      by: 'specialist-assigned',
      agencyId: agency,
      at: '2026-03-03T09:00:00+07:00',
    });
    const published = actOnFeedback(answered, actions.publish, { ...ctx, caller: people.leader });
    expect(published.published).toEqual({
      title: 'Đường hỏng',
      summary: 'Phản ánh về đường hỏng.',
      answer: 'Cơ quan đã chỉ đạo sửa chữa.',
      agencyId: agency,
      filedAt: '2026-03-02T09:00:00+07:00',
      answeredAt: '2026-03-03T09:00:00+07:00',
      publishedAt: '2026-03-03T09:00:00+07:00',
    });
    expect(published.history.map((e) => [e.action, e.to])).toEqual([
      ['file', 'received'],
      ['assign', 'assigned'],
      ['answer', 'answered'],
      ['publish', 'published'],
    ]);

    const forwarded = actOnFeedback(assigned, actions.forward, { ...ctx, caller: people.receiver });
    expect(forwarded).toMatchObject({
      status: 'received',
      agencyId: '24.SXD',
      receivedAt: '2026-03-03T09:00:00+07:00',
    });
    expect(forwarded.assigneeId).toBeUndefined();
    expect(forwarded.forwards).toEqual([
      expect.objectContaining({ from: agency, to: '24.SXD', receivedAt: '2026-03-02T09:00:00+07:00' }),
    ]);
  });

  it('assigns only an active official of the agency holding the feedback', () => {
    const ctx = { caller: people.leader, now: soon, calendar: defaultCalendar };
    for (const assignee of [
      undefined,
      { ...assigneeOfficial, agencyId: '24.SXD' },
      { ...assigneeOfficial, active: false },
      { ...assigneeOfficial, roles: ['auditor'] as const },
    ]) {
      expect(() =>
        actOnFeedback(feedbackIn('received'), actions.assign, { ...ctx, ...(assignee ? { assignee } : {}) }),
      ).toThrow(expect.objectContaining({ code: 'unknown-assignee' }));
    }
  });

  it('refuses forwarding to the same or an unknown agency', () => {
    const ctx = { caller: people.leader, now: soon, calendar: defaultCalendar };
    expect(() =>
      actOnFeedback(feedbackIn('received'), { ...actions.forward, agencyId: agency } as FeedbackAction, {
        ...ctx,
        targetExists: true,
      }),
    ).toThrow(expect.objectContaining({ code: 'same-agency' }));
    expect(() => actOnFeedback(feedbackIn('received'), actions.forward, { ...ctx, targetExists: false })).toThrow(
      expect.objectContaining({ code: 'unknown-agency' }),
    );
  });
});

describe('forwarding within 5 working days of receipt', () => {
  const forwardAt = (receivedAt: string, now: string) => {
    try {
      actOnFeedback({ ...feedbackIn('received'), receivedAt }, actions.forward, {
        caller: people.leader,
        now: new Date(now),
        calendar: defaultCalendar,
        targetExists: true,
      });
      return 'allowed';
    } catch (error) {
      if (error instanceof RuleViolation && error.code === 'forward-too-late') return 'too-late';
      throw error;
    }
  };
  it.each([
    // Bộ luật Dân sự 2015, điều 147–148: receipt day Mon 2/3 not counted; 3–6/3 (4), Mon 9/3 (5): until its close.
    ['2026-03-02T09:00:00+07:00', '2026-03-09T08:00:00+07:00', 'allowed'],
    ['2026-03-02T09:00:00+07:00', '2026-03-09T17:30:00+07:00', 'allowed'],
    ['2026-03-02T09:00:00+07:00', '2026-03-10T08:00:00+07:00', 'too-late'],
    // Received after 15:00 on a Friday: receipt day Mon 9/3; 10–13/3 (4), Mon 16/3 (5).
    ['2026-03-06T16:00:00+07:00', '2026-03-13T17:00:00+07:00', 'allowed'],
    ['2026-03-06T16:00:00+07:00', '2026-03-16T17:30:00+07:00', 'allowed'],
    ['2026-03-06T16:00:00+07:00', '2026-03-17T08:00:00+07:00', 'too-late'],
    // Receipt day Thu 23/4/2026; 24/4 (1), 27/4 in lieu, 28–29/4 (3), 30/4 and 1/5 off, 4/5 (4), 5/5 (5).
    ['2026-04-23T09:00:00+07:00', '2026-05-05T09:00:00+07:00', 'allowed'],
    ['2026-04-23T09:00:00+07:00', '2026-05-06T09:00:00+07:00', 'too-late'],
  ])('received %s, forwarded %s: %s', (receivedAt, now, expected) => {
    expect(forwardAt(receivedAt, now)).toBe(expected);
  });

  it('says so in Vietnamese with a 409', () => {
    expect(forwardAt('2026-03-02T09:00:00+07:00', '2026-03-10T08:00:00+07:00')).toBe('too-late');
    try {
      actOnFeedback(feedbackIn('received'), actions.forward, {
        caller: people.leader,
        now: new Date('2026-03-20T09:00:00+07:00'),
        calendar: defaultCalendar,
        targetExists: true,
      });
    } catch (error) {
      expect(error).toMatchObject({ kind: 'conflict', message: expect.stringContaining('5 ngày làm việc') });
    }
  });
});

describe('filing and reading', () => {
  it('keeps no dossier or contact on anonymous feedback', () => {
    const base = { title: 'T', content: 'C', agencyId: agency, anonymous: true };
    expect(() => fileFeedback(people.author, { ...base, dossierCode: '24.STP-260302-0001' }, 'x', filedAt)).toThrow(
      expect.objectContaining({ code: 'anonymous-with-dossier' }),
    );
    expect(() => fileFeedback(people.author, { ...base, contact: { phone: '0912345678' } }, 'x', filedAt)).toThrow(
      expect.objectContaining({ code: 'anonymous-with-contact' }),
    );
    expect(() => fileFeedback(people.leader, { ...base, anonymous: false }, 'x', filedAt)).toThrow(RuleViolation);
  });

  it.each([
    ['author', 'author'],
    ['otherCitizen', undefined],
    ['receiver', 'official'],
    ['specialist', 'official'],
    ['otherLeader', undefined],
    ['auditor', 'official'],
  ] as const)('%s reads it as %s', (person, reader) => {
    expect(feedbackReader(people[person], feedbackIn('received'))).toBe(reader);
  });
});
