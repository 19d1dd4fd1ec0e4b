import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Action } from '../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { transferTargets } from '../../../shared/domain/dossier/joint.ts';
import { act, type ActionContext } from '../../../shared/domain/dossier/lifecycle.ts';
import { calendar, commune, context, monday, people, permit, submittedPermit, sxd } from './fixtures.ts';

const at = (iso: string) => new Date(iso);
const run = (dossier: Dossier, caller: Caller, action: Action, overrides: Partial<ActionContext> = {}) =>
  act(action, context(dossier, caller, overrides)).dossier;
const violation = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

const received = run(submittedPermit(), people.receiver, { type: 'receive' });
const processing = run(received, people.receiver, { type: 'forward', assigneeId: 'specialist-nam' });

describe('receiving a dossier', () => {
  it('starts the legal clock at receipt and issues the receipt (form 01)', () => {
    // Bộ luật Dân sự 2015, điều 147–148: receipt day Mon 2/3 not counted; 3–6/3 (4), 9–13/3 (9),
    // Mon 16/3 (10): due at its close.
    expect(received.dueAt).toBe('2026-03-16T17:30:00+07:00');
    expect(received.receivedAt).toBe('2026-03-02T09:00:00+07:00');
    expect(received.timeline.at(-1)?.form).toBe('01');
    expect(received.workQueue).toMatchObject({ agencyId: '24.SXD', stepIndex: 0, assigneeId: 'receiver-mai' });
  });

  it('counts from the next morning after the 15:00 cut-off', () => {
    // Receipt day Tue 3/3; 4–6/3 (3), 9–13/3 (8), 16/3 (9), 17/3 (10).
    const late = run(submittedPermit(), people.receiver, { type: 'receive' }, { now: at('2026-03-02T15:30:00+07:00') });
    expect(late.dueAt).toBe('2026-03-17T17:30:00+07:00');
  });
});

describe('moving through the process', () => {
  it('forwards step by step, recording each step for the control slip', () => {
    expect(processing.status).toBe('processing');
    expect(processing.workQueue).toMatchObject({
      stepIndex: 1,
      stepName: 'Thẩm định hồ sơ',
      assigneeId: 'specialist-nam',
    });
    expect(processing.steps.map((s) => [s.name, s.endedAt !== undefined])).toEqual([
      ['Tiếp nhận hồ sơ', true],
      ['Thẩm định hồ sơ', false],
    ]);
    const atLeader = run(processing, people.specialist, { type: 'forward' });
    expect(violation(() => run(atLeader, people.leader, { type: 'forward' }))).toBe('no-next-step');
  });

  it('tells the assigned official', () => {
    const { events } = act({ type: 'forward', assigneeId: 'leader-son' }, context(processing, people.specialist));
    expect(events[0]?.data).toMatchObject({ notifyOfficials: ['leader-son'], action: 'forward' });
  });
});

describe('a joint procedure crossing levels', () => {
  const toCommune = (dossier: Dossier, caller: Caller) =>
    run(
      dossier,
      caller,
      { type: 'transfer', agencyId: '24.07210' },
      {
        transfer: { allowed: transferTargets(permit, dossier, '24'), agency: commune, calendar },
      },
    );
  const back = (dossier: Dossier, caller: Caller) =>
    run(
      dossier,
      caller,
      { type: 'transfer', agencyId: '24.SXD' },
      {
        transfer: { allowed: transferTargets(permit, dossier, '24'), agency: sxd, calendar },
      },
    );
  const communeSpecialist: Caller = { sub: 'receiver-lan', roles: ['receiver', 'specialist'], agencyId: '24.07210' };

  it('goes to the applicant’s commune with its share of time, then back to resume its step', () => {
    const atCommune = toCommune(processing, people.specialist);
    expect(atCommune.agencyId).toBe('24.07210');
    expect(atCommune.handledBy).toEqual(['24.SXD', '24.07210']);
    expect(atCommune.legs).toEqual([
      // The leg's own share, 2 working days from Mon 2/3 09:00: 3/3 (1), 4/3 (2), at its close.
      expect.objectContaining({ agencyId: '24.07210', dueAt: '2026-03-04T17:30:00+07:00', resumeStepIndex: 1 }),
    ]);
    // The Sở no longer holds it: its officials cannot act, the commune's can.
    expect(violation(() => back(atCommune, people.specialist))).toBe('action-not-allowed');
    expect(violation(() => run(atCommune, communeSpecialist, { type: 'forward' }))).toBe('not-at-competent-agency');

    const returned = back(atCommune, communeSpecialist);
    expect(returned.agencyId).toBe('24.SXD');
    expect(returned.legs[0]?.endedAt).toBeDefined();
    expect(returned.workQueue).toMatchObject({ agencyId: '24.SXD', stepIndex: 1, stepName: 'Thẩm định hồ sơ' });
    // The control slip (form 06) shows each step at the agency that worked on it.
    expect(returned.steps.map((s) => [s.agencyId, s.name])).toEqual([
      ['24.SXD', 'Tiếp nhận hồ sơ'],
      ['24.SXD', 'Thẩm định hồ sơ'],
      ['24.07210', 'Xác nhận hiện trạng của UBND xã'],
      ['24.SXD', 'Thẩm định hồ sơ'],
    ]);
    expect(run(returned, people.leader, { type: 'decide', outcome: 'approved' }).status).toBe('decided');
  });

  it('tells the applicant where it went and why, the leg’s purpose inside the sentence', () => {
    const note = (purpose: string) => {
      const procedure = {
        ...permit,
        joint: [{ agency: { level: 'commune' as const }, purpose, share: { workingDays: 2 } }],
      };
      const transfer = { allowed: transferTargets(procedure, processing, '24'), agency: commune, calendar };
      const action: Action = { type: 'transfer', agencyId: '24.07210' };
      return act(action, context(processing, people.specialist, { procedure, transfer })).dossier.timeline.at(-1)?.note;
    };
    expect(note('Xác nhận hiện trạng')).toBe(
      'Hồ sơ được chuyển đến Ủy ban nhân dân Phường Bắc Giang để xác nhận hiện trạng.',
    );
    // An acronym keeps its capitals.
    expect(note('UBND xã xét duyệt')).toBe(
      'Hồ sơ được chuyển đến Ủy ban nhân dân Phường Bắc Giang để UBND xã xét duyệt.',
    );
  });

  it('refuses an agency the procedure does not name', () => {
    const other = { ...commune, id: '24.STP' };
    expect(
      violation(() =>
        run(
          processing,
          people.specialist,
          { type: 'transfer', agencyId: '24.STP' },
          {
            transfer: { allowed: transferTargets(permit, processing, '24'), agency: other, calendar },
          },
        ),
      ),
    ).toBe('transfer-not-allowed');
  });

  it('lets only the competent agency decide', () => {
    const atCommune = toCommune(processing, people.specialist);
    const communeLeader: Caller = { sub: 'leader-hung', roles: ['leader'], agencyId: '24.07210' };
    expect(violation(() => run(atCommune, communeLeader, { type: 'decide', outcome: 'approved' }))).toBe(
      'not-at-competent-agency',
    );
  });
});

describe('supplements', () => {
  // Thursday 5/3, the last day of the 3-working-day window (receipt day 2/3; 3, 4, 5/3). Days wholly
  // elapsed before it: 3/3 and 4/3, so 2 of the 10 used ('pause').
  const requestedAt = at('2026-03-05T10:00:00+07:00');
  const requested = run(
    processing,
    people.specialist,
    { type: 'request-supplement', defects: ['Thiếu bản vẽ', ' ', 'Thiếu sổ đỏ'] },
    {
      now: requestedAt,
    },
  );
  const supplementedAt = at('2026-03-11T09:00:00+07:00'); // the next Wednesday

  it('lists every defect at once (form 02) and drops blank ones', () => {
    expect(requested.supplement?.defects).toEqual(['Thiếu bản vẽ', 'Thiếu sổ đỏ']);
    expect(requested.timeline.at(-1)?.form).toBe('02');
  });

  it('restarts the clock from zero by default', () => {
    const resumed = run(requested, people.applicant, { type: 'supplement' }, { now: supplementedAt });
    expect(resumed.status).toBe('processing');
    expect(resumed.supplement).toBeUndefined();
    // Receipt day of the supplement Wed 11/3; 12–13/3 (2), 16–20/3 (7), 23–25/3 (10).
    expect(resumed.dueAt).toBe('2026-03-25T17:30:00+07:00');
  });

  it('resumes what was left under the pause rule', () => {
    const resumed = run(
      requested,
      people.applicant,
      { type: 'supplement' },
      { now: supplementedAt, supplementMode: 'pause' },
    );
    // 10 − 2 = 8 days left from receipt day 11/3: 12–13/3 (2), 16–20/3 (7), 23/3 (8).
    expect(resumed.dueAt).toBe('2026-03-23T17:30:00+07:00');
  });

  it('sends an intake supplement back to intake without touching the clock', () => {
    const atIntake = run(submittedPermit(), people.receiver, {
      type: 'request-supplement',
      defects: ['Thiếu tờ khai'],
    });
    const back = run(atIntake, people.applicant, { type: 'supplement' });
    expect(back.status).toBe('submitted');
    expect(back.dueAt).toBe(atIntake.dueAt);
  });
});

describe('the one extension (form 04)', () => {
  it('moves the appointment once and keeps the original for the indicators', () => {
    const extended = run(processing, people.leader, {
      type: 'request-extension',
      extraWorkingDays: 3,
      reason: 'Chờ xác minh',
    });
    // The old appointment, the close of 16/3, moved 3 working days: 17, 18, 19/3, at its close.
    expect(extended.originalDueAt).toBe('2026-03-16T17:30:00+07:00');
    expect(extended.dueAt).toBe('2026-03-19T17:30:00+07:00');
    expect(extended.timeline.at(-1)?.form).toBe('04');
    expect(
      violation(() =>
        run(extended, people.leader, { type: 'request-extension', extraWorkingDays: 1, reason: 'Lần hai' }),
      ),
    ).toBe('already-extended');
  });

  it('is refused on the due day itself', () => {
    expect(
      violation(() =>
        run(
          processing,
          people.leader,
          { type: 'request-extension', extraWorkingDays: 1, reason: 'Muộn' },
          {
            now: at('2026-03-16T08:00:00+07:00'),
          },
        ),
      ),
    ).toBe('extension-too-late');
  });
});

describe('decision and return', () => {
  it('needs reasons to refuse', () => {
    expect(violation(() => run(processing, people.leader, { type: 'decide', outcome: 'refused' }))).toBe(
      'reasons-required',
    );
    const refused = run(processing, people.leader, {
      type: 'decide',
      outcome: 'refused',
      reasons: 'Không phù hợp quy hoạch',
    });
    expect(refused.decision).toMatchObject({
      outcome: 'refused',
      reasons: 'Không phù hợp quy hoạch',
      by: 'leader-son',
    });
  });

  it('does not return a result whose fee, due at result, is unpaid', () => {
    const decided = run(processing, people.leader, { type: 'decide', outcome: 'approved' });
    expect(violation(() => run(decided, people.receiver, { type: 'return-result' }))).toBe('fee-unpaid');
  });

  it('leaves every work queue once closed', () => {
    const withdrawn = run(processing, people.applicant, { type: 'withdraw', reason: 'Đổi ý' });
    expect(withdrawn.workQueue).toBeUndefined();
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('stamps every step with who, when, from and to', () => {
    expect(processing.timeline.map((e) => [e.action, e.from, e.to, e.actor.sub])).toEqual([
      ['file', undefined, 'submitted', 'citizen-an'],
      ['receive', 'submitted', 'received', 'receiver-mai'],
      ['forward', 'received', 'processing', 'receiver-mai'],
    ]);
    expect(monday.toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });
});
