import { describe, expect, it } from 'vitest';
import { defaultCalendar, workingCalendar } from '../../../shared/domain/calendar/index.ts';
import type { DossierStatus } from '../../../shared/domain/dossier/status.ts';
import {
  deadlineWarning,
  digestMessages,
  digestOf,
  type WatchedDossier,
  warningMessages,
  watchWindow,
} from '../../../shared/domain/notifications/deadline-watch.ts';
import type { Official } from '../../../shared/domain/official.ts';

const at = (local: string) => new Date(`${local}+07:00`);
const dossier = (dueAt: string, o: Partial<WatchedDossier> = {}): WatchedDossier => ({
  code: '24.07210-260302-0001',
  status: 'processing',
  dueAt: at(dueAt).toISOString(),
  agencyId: '24.07210',
  workQueue: { agencyId: '24.07210', stepIndex: 0, stepName: 'Thẩm định', assigneeId: 'receiver-lan', since: '' },
  ...o,
});
const saturdays = workingCalendar({ saturdayMorning: true });

describe('the warning a dossier needs at an instant', () => {
  // 2026-03-10 is a Tuesday; sessions 07:30–11:30 and 13:30–17:30; 30/4 and 1/5 are holidays.
  it.each([
    ['due this afternoon', '2026-03-10T10:00', '2026-03-10T17:30', 'processing', defaultCalendar, 'due-soon'],
    [
      'due at this very instant: still on time',
      '2026-03-10T10:00',
      '2026-03-10T10:00',
      'processing',
      defaultCalendar,
      'due-soon',
    ],
    [
      'due tomorrow morning, seen in the morning (9.5 h left)',
      '2026-03-10T10:00',
      '2026-03-11T11:30',
      'processing',
      defaultCalendar,
      undefined,
    ],
    [
      'due tomorrow evening, seen in the morning',
      '2026-03-10T10:00',
      '2026-03-11T17:30',
      'received',
      defaultCalendar,
      undefined,
    ],
    [
      'due tomorrow morning, seen late in the afternoon (5.5 h left)',
      '2026-03-10T16:00',
      '2026-03-11T11:30',
      'processing',
      defaultCalendar,
      'due-soon',
    ],
    [
      'due tomorrow evening, seen at night (exactly one working day left)',
      '2026-03-10T20:00',
      '2026-03-11T17:30',
      'awaiting-fees',
      defaultCalendar,
      'due-soon',
    ],
    ['due yesterday', '2026-03-10T10:00', '2026-03-09T17:30', 'processing', defaultCalendar, 'overdue'],
    ['one second late', '2026-03-10T17:30:01', '2026-03-10T17:30', 'supplement-requested', defaultCalendar, 'overdue'],
    ['due yesterday but decided', '2026-03-10T10:00', '2026-03-09T17:30', 'decided', defaultCalendar, undefined],
    ['due yesterday but returned', '2026-03-10T10:00', '2026-03-09T17:30', 'returned', defaultCalendar, undefined],
    [
      'Friday afternoon, due Monday morning: the weekend is off',
      '2026-03-13T16:00',
      '2026-03-16T11:30',
      'processing',
      defaultCalendar,
      'due-soon',
    ],
    [
      'same, for an agency open Saturday mornings',
      '2026-03-13T16:00',
      '2026-03-16T11:30',
      'processing',
      saturdays,
      undefined,
    ],
    [
      'before the 30/4–1/5 holidays, due the Monday after',
      '2026-04-29T16:00',
      '2026-05-04T11:30',
      'processing',
      defaultCalendar,
      'due-soon',
    ],
  ] as const)('%s', (_name, now, due, status, calendar, expected) => {
    expect(deadlineWarning(dossier(due, { status: status as DossierStatus }), calendar, at(now))).toBe(expected);
  });
});

const official = (sub: string, roles: Official['roles'], active = true): Official => ({
  sub,
  name: sub,
  agencyId: '24.07210',
  roles,
  active,
});
const roster = [
  official('leader-hung', ['leader']),
  official('leader-old', ['leader'], false),
  official('receiver-lan', ['receiver', 'specialist']),
  official('receiver-other', ['receiver']),
];

describe('warning messages', () => {
  it('go to the handler and the active leaders, once each; the leader is prompted to issue form 04 while allowed', () => {
    // Due Wednesday 17:30: form 04 may be issued until Tuesday 17:30.
    const messages = warningMessages(
      dossier('2026-03-11T17:30'),
      'due-soon',
      roster,
      defaultCalendar,
      at('2026-03-10T16:00'),
    );
    expect(messages.map((m) => m.recipientId).sort()).toEqual(['leader-hung', 'receiver-lan']);
    const leader = messages.find((m) => m.recipientId === 'leader-hung');
    expect(leader?.title).toBe('Hồ sơ 24.07210-260302-0001 sắp đến hạn giải quyết');
    expect(leader?.body).toContain('(Mẫu số 04)');
    expect(leader?.body).toContain('11/03/2026');
    expect(messages.find((m) => m.recipientId === 'receiver-lan')?.body).not.toContain('Mẫu số 04');
  });

  it('say the extension is no longer possible once its last day has passed', () => {
    const messages = warningMessages(
      dossier('2026-03-10T17:30'),
      'due-soon',
      roster,
      defaultCalendar,
      at('2026-03-10T10:00'),
    );
    expect(messages.find((m) => m.recipientId === 'leader-hung')?.body).toContain('không thể gia hạn nữa');
  });

  it('for an overdue dossier say it is late and cannot be extended', () => {
    const messages = warningMessages(
      dossier('2026-03-09T17:30'),
      'overdue',
      roster,
      defaultCalendar,
      at('2026-03-10T10:00'),
    );
    const leader = messages.find((m) => m.recipientId === 'leader-hung');
    expect(leader?.title).toBe('Hồ sơ 24.07210-260302-0001 đã quá hạn giải quyết');
    expect(leader?.body).toContain('không thể gia hạn nữa');
    expect(leader?.body).not.toContain('trước ngày hẹn');
  });

  it('for a dossier already extended once, say no further extension', () => {
    const extended = dossier('2026-03-11T17:30', { originalDueAt: at('2026-03-05T17:30').toISOString() });
    const messages = warningMessages(extended, 'due-soon', roster, defaultCalendar, at('2026-03-10T16:00'));
    expect(messages.find((m) => m.recipientId === 'leader-hung')?.body).toContain('đã được hẹn lại một lần');
  });

  it('without an assignee go to the leaders only; a leader handling it gets one message', () => {
    const unassigned = dossier('2026-03-10T17:30', { workQueue: undefined });
    expect(
      warningMessages(unassigned, 'due-soon', roster, defaultCalendar, at('2026-03-10T10:00')).map(
        (m) => m.recipientId,
      ),
    ).toEqual(['leader-hung']);
    const byLeader = dossier('2026-03-10T17:30', {
      workQueue: { agencyId: '24.07210', stepIndex: 1, stepName: 'Phê duyệt', assigneeId: 'leader-hung', since: '' },
    });
    expect(warningMessages(byLeader, 'due-soon', roster, defaultCalendar, at('2026-03-10T10:00'))).toHaveLength(1);
  });
});

describe('the daily digest', () => {
  it('counts open dossiers by status, due today and overdue, and goes to the active leaders', () => {
    const now = at('2026-03-10T07:00');
    const digest = digestOf(
      '24.07210',
      [
        dossier('2026-03-10T17:30'),
        dossier('2026-03-10T11:30', { status: 'awaiting-fees' }),
        dossier('2026-03-09T17:30'),
        dossier('2026-03-12T17:30', { status: 'received' }),
        dossier('2026-03-02T17:30', { status: 'decided' }),
      ],
      now,
    );
    expect(digest).toEqual({
      agencyId: '24.07210',
      date: '2026-03-10',
      byStatus: { processing: 2, 'awaiting-fees': 1, received: 1 },
      dueToday: 2,
      overdue: 1,
    });
    const messages = digestMessages(digest, roster);
    expect(messages.map((m) => m.recipientId)).toEqual(['leader-hung']);
    expect(messages[0]?.title).toBe('Tình hình giải quyết hồ sơ ngày 10/03/2026');
    expect(messages[0]?.body).toBe(
      'Hồ sơ đang giải quyết: 4 (Được tiếp nhận: 1; Đang xử lý: 2; Yêu cầu thực hiện nghĩa vụ tài chính: 1). Đến hạn hôm nay: 2. Quá hạn: 1.',
    );
  });
});

describe('the window read from the due-date index', () => {
  it('runs in local dates from the look-back to the days ahead', () => {
    // 00:30 local on the 10th is still the 9th in UTC: the window is in local dates.
    expect(watchWindow(at('2026-03-10T00:30'), 2, 1)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11']);
  });
});
