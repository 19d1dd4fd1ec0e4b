/**
 * Nghị định 118/2025/NĐ-CP: the public administration service centre receives the dossier, issues
 * form 01, forwards it to the competent department, and returns the result; the department processes
 * and decides. These tests follow one dossier of a department's procedure through the centre.
 */
import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../shared/domain/agency.ts';
import { workingCalendar } from '../../../shared/domain/calendar/index.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Action } from '../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { fileDossier } from '../../../shared/domain/dossier/file.ts';
import { act, allowedActions } from '../../../shared/domain/dossier/lifecycle.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import { calendar, context, monday, people, permit } from './fixtures.ts';

const centre: Agency = {
  id: '24.TTPVHCC',
  name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
  level: 'department',
};
const sxd: Agency = { id: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh', level: 'department', intakeAgencyId: centre.id };
const centreReceiver: Caller = { sub: 'receiver-mai', roles: ['receiver'], agencyId: centre.id };
const sxdReceiver: Caller = { sub: 'receiver-x', roles: ['receiver'], agencyId: sxd.id };

function file(caller: Caller, channel: 'online' | 'counter'): Dossier {
  return fileDossier({
    caller,
    channel,
    procedure: permit,
    agency: sxd,
    intake: centre,
    application: {
      applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
      returnMethod: 'counter',
      formData: {},
      communeCode: '07210',
    },
    applicantId: 'citizen-an',
    code: '24.SXD-260302-0001',
    pinHash: 'h',
    now: monday,
    calendar,
  }).dossier;
}

const step = (dossier: Dossier, caller: Caller, action: Action, overrides = {}) =>
  act(action, context(dossier, caller, overrides)).dossier;

describe('the service centre holds the dossier at intake', () => {
  it('files an online dossier in the centre’s hands, for the department to decide', () => {
    const d = file(people.applicant, 'online');
    expect(d).toMatchObject({
      status: 'submitted',
      agencyId: centre.id,
      competentAgencyId: sxd.id,
      intakeAgencyId: centre.id,
    });
    // The centre's officials read what they received.
    expect(d.handledBy).toContain(centre.id);
  });

  it('receives a counter filing on the spot at the centre (form 01)', () => {
    const d = file(centreReceiver, 'counter');
    expect(d).toMatchObject({ status: 'received', agencyId: centre.id, workQueue: { agencyId: centre.id } });
    expect(d.timeline.at(-1)).toMatchObject({ action: 'receive', form: '01', agencyId: centre.id });
  });

  it('lets the centre’s receiver receive, not the department’s', () => {
    const d = file(people.applicant, 'online');
    expect(step(d, centreReceiver, { type: 'receive' }).status).toBe('received');
    expect(() => step(d, sxdReceiver, { type: 'receive' })).toThrow(RuleViolation);
  });

  it('counts the legal period on the competent agency’s calendar, not on the centre’s Saturday opening', () => {
    // Filed Friday 6/3/2026 at 16:00 (after the 15:00 cut-off), 10 working days. The centre opens on
    // Saturday mornings; the department does not. On the department's calendar the receipt day is
    // Monday 9/3, the period runs Tuesday 10/3 … Monday 23/3 (10 working days: 10–13, 16–20, 23),
    // due at the close of Monday 23/3/2026 (17:30).
    const friday = new Date('2026-03-06T16:00:00+07:00');
    const d = file(people.applicant, 'online');
    const received = step(
      d,
      centreReceiver,
      { type: 'receive' },
      {
        now: friday,
        calendar: workingCalendar({ saturdayMorning: true }),
        competentCalendar: calendar,
      },
    );
    expect(received.dueAt).toBe('2026-03-23T17:30:00+07:00');
  });
});

describe('the centre forwards, the department decides, the centre returns', () => {
  const received = () => step(file(people.applicant, 'online'), centreReceiver, { type: 'receive' });

  it('hands the dossier to the department’s next step on forward', () => {
    const d = step(received(), centreReceiver, { type: 'forward', assigneeId: 'specialist-nam' });
    expect(d).toMatchObject({
      status: 'processing',
      agencyId: sxd.id,
      workQueue: { agencyId: sxd.id, stepIndex: 1, stepName: 'Thẩm định hồ sơ', assigneeId: 'specialist-nam' },
    });
    expect(d.steps.map((s) => [s.agencyId, s.name, s.endedAt !== undefined])).toEqual([
      [centre.id, 'Tiếp nhận hồ sơ', true],
      [sxd.id, 'Thẩm định hồ sơ', false],
    ]);
    expect(d.handledBy).toEqual(expect.arrayContaining([centre.id, sxd.id]));
  });

  it('returns the decided dossier to the centre for "Trả kết quả"', () => {
    let d = step(received(), centreReceiver, { type: 'forward', assigneeId: 'specialist-nam' });
    d = step(d, people.specialist, { type: 'forward', assigneeId: 'leader-son' });
    d = step(d, people.leader, { type: 'decide', outcome: 'approved' });
    expect(d).toMatchObject({
      status: 'decided',
      agencyId: centre.id,
      competentAgencyId: sxd.id,
      workQueue: { agencyId: centre.id, stepName: 'Trả kết quả' },
    });
    // The department no longer acts on it; the centre's receiver returns it (once signed).
    expect(allowedActions(people.leader, d)).toEqual([]);
    expect(allowedActions(centreReceiver, d)).toEqual(['return-result']);
  });

  it('lets the centre’s receiver record the payment while the department holds the dossier', () => {
    let d = step(received(), centreReceiver, { type: 'forward', assigneeId: 'specialist-nam' });
    d = step(d, people.specialist, { type: 'request-fees' });
    expect(d).toMatchObject({ status: 'awaiting-fees', agencyId: sxd.id });
    expect(allowedActions(centreReceiver, d)).toEqual(['confirm-payment']);
    expect(step(d, centreReceiver, { type: 'confirm-payment' })).toMatchObject({
      status: 'processing',
      agencyId: sxd.id,
    });
  });

  it('keeps a department that receives itself (no centre named) as before', () => {
    const own = fileDossier({
      caller: people.receiver,
      channel: 'counter',
      procedure: permit,
      agency: { ...sxd, intakeAgencyId: undefined } as Agency,
      application: {
        applicant: { fullName: 'A', idNumber: '024090001234', address: 'B' },
        returnMethod: 'online',
        formData: {},
      },
      applicantId: 'walk-in',
      code: '24.SXD-260302-0002',
      pinHash: 'h',
      now: monday,
      calendar,
    }).dossier;
    expect(own).toMatchObject({ status: 'received', agencyId: sxd.id, competentAgencyId: sxd.id });
    expect(own.intakeAgencyId).toBeUndefined();
  });
});
