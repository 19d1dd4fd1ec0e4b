/**
 * A forward's assignee: an active official of the agency that holds the dossier for the next step, with
 * the role the procedure gives that step; otherwise 422 `assignee-not-eligible`. At a service centre the
 * agency that will hold it is the competent one (Nghị định 118/2025/NĐ-CP).
 */
import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../shared/domain/agency.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Action } from '../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { fileDossier } from '../../../shared/domain/dossier/file.ts';
import { act, type ActionContext } from '../../../shared/domain/dossier/lifecycle.ts';
import type { Official } from '../../../shared/domain/official.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import { calendar, context, monday, people, permit, roster, submittedPermit } from './fixtures.ts';

const run = (dossier: Dossier, caller: Caller, action: Action, overrides: Partial<ActionContext> = {}) =>
  act(action, context(dossier, caller, overrides)).dossier;

function refusal(f: () => unknown): RuleViolation | undefined {
  try {
    f();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  return undefined;
}

const nam = roster.find((o) => o.sub === 'specialist-nam') as Official;
const received = run(submittedPermit(), people.receiver, { type: 'receive' });
const processing = run(received, people.receiver, { type: 'forward', assigneeId: 'specialist-nam' });

describe('forward at the competent agency (Sở Xây dựng, next step: specialist)', () => {
  it('names an active specialist of the agency', () => {
    expect(processing.workQueue).toMatchObject({ agencyId: '24.SXD', stepIndex: 1, assigneeId: 'specialist-nam' });
  });

  it.each<[string, string, Partial<ActionContext>]>([
    ['a citizen', 'citizen-an', {}],
    ['another agency’s leader', 'leader-tuan', {}],
    ['the agency’s leader, without the step’s role', 'leader-son', {}],
    ['a province-wide auditor', 'auditor-thu', {}],
    ['an official deactivated', 'specialist-nam', { officials: [{ ...nam, active: false }] }],
    ['an official moved away', 'specialist-nam', { officials: [{ ...nam, agencyId: '24.STP' }] }],
    ['a name the use case found no roster entry for', 'specialist-nam', { officials: [] }],
  ])('refuses %s (422 assignee-not-eligible)', (_, assigneeId, overrides) => {
    const error = refusal(() => run(received, people.receiver, { type: 'forward', assigneeId }, overrides));
    expect(error).toMatchObject({ kind: 'invalid', code: 'assignee-not-eligible' });
    expect(error?.message).toMatch(/cán bộ đang hoạt động của cơ quan 24\.SXD có vai trò chuyên viên xử lý/);
  });

  it('checks the role of the step after the next one too', () => {
    expect(
      refusal(() => run(processing, people.specialist, { type: 'forward', assigneeId: 'specialist-nam' }))?.code,
    ).toBe('assignee-not-eligible');
    expect(run(processing, people.specialist, { type: 'forward', assigneeId: 'leader-son' }).workQueue).toMatchObject({
      stepIndex: 2,
      assigneeId: 'leader-son',
    });
  });

  it('leaves a forward without an assignee to the agency’s queue', () => {
    const d = run(received, people.receiver, { type: 'forward' }, { officials: [] });
    expect(d.workQueue).toMatchObject({ agencyId: '24.SXD', stepIndex: 1 });
    expect(d.workQueue?.assigneeId).toBeUndefined();
  });
});

describe('forward from the service centre to the competent agency', () => {
  const centre: Agency = { id: '24.TTPVHCC', name: 'Trung tâm Phục vụ hành chính công', level: 'department' };
  const sxd: Agency = {
    id: '24.SXD',
    name: 'Sở Xây dựng tỉnh Bắc Ninh',
    level: 'department',
    intakeAgencyId: centre.id,
  };
  const centreReceiver: Caller = { sub: 'receiver-hoa', roles: ['receiver'], agencyId: centre.id };
  const hoa: Official = {
    sub: 'receiver-hoa',
    name: 'Lê Thị Hoa',
    agencyId: centre.id,
    roles: ['receiver'],
    active: true,
  };
  const atCentre = run(
    fileDossier({
      caller: people.applicant,
      channel: 'online',
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
      code: '24.SXD-260302-0002',
      pinHash: 'h',
      now: monday,
      calendar,
    }).dossier,
    centreReceiver,
    { type: 'receive' },
  );

  it('names the competent agency’s specialist, who will hold the dossier', () => {
    const d = run(atCentre, centreReceiver, { type: 'forward', assigneeId: 'specialist-nam' });
    expect(d).toMatchObject({ agencyId: '24.SXD', workQueue: { agencyId: '24.SXD', assigneeId: 'specialist-nam' } });
  });

  it('refuses a centre official, though the centre holds the dossier now', () => {
    const officials = [...roster, { ...hoa, roles: ['receiver', 'specialist'] as const }];
    const error = refusal(() =>
      run(atCentre, centreReceiver, { type: 'forward', assigneeId: 'receiver-hoa' }, { officials }),
    );
    expect(error).toMatchObject({ code: 'assignee-not-eligible', details: { agencyId: '24.SXD', role: 'specialist' } });
  });
});
