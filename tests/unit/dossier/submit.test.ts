import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../shared/domain/agency.ts';
import { workingCalendar } from '../../../shared/domain/calendar/index.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import { placeInIntakeQueue } from '../../../shared/domain/dossier/intake-queue.ts';
import { competentAgencyId } from '../../../shared/domain/dossier/routing.ts';
import { type SubmitInput, submitOnline } from '../../../shared/domain/dossier/submit.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';

const birth: Procedure = {
  code: '1.001193',
  version: 3,
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  serviceLevel: 'fully-online',
  processingTime: { workingDays: 1 },
  fee: null,
  resultType: 'Giấy khai sinh',
  documents: [],
  steps: [{ name: 'Thẩm định', role: 'specialist', duration: { workingHours: 4 } }],
};
const commune: Agency = { id: '24.07210', name: 'Ủy ban nhân dân Phường Bắc Giang', level: 'commune' };
const citizen: Caller = { sub: 'citizen-an', roles: ['citizen'] };

const input = (overrides: Partial<SubmitInput> = {}): SubmitInput => ({
  caller: citizen,
  procedure: birth,
  agency: commune,
  application: {
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
    returnMethod: 'online',
    formData: {},
  },
  code: '24.07210-260209-0001',
  pinHash: 'h',
  now: new Date('2026-02-09T09:00:00+07:00'),
  calendar: workingCalendar(),
  ...overrides,
});

describe('filing a dossier online', () => {
  it('creates a submitted dossier under the procedure version, with its first event', () => {
    const { dossier, events } = submitOnline(input());
    expect(dossier).toMatchObject({
      code: '24.07210-260209-0001',
      version: 1,
      status: 'submitted',
      channel: 'online',
      procedure: { code: '1.001193', version: 3 },
      agencyId: '24.07210',
      applicantId: 'citizen-an',
      submittedAt: '2026-02-09T09:00:00+07:00',
    });
    expect(dossier.timeline).toHaveLength(1);
    expect(events).toEqual([
      expect.objectContaining({ id: '24.07210-260209-0001:1:DossierSubmitted', type: 'DossierSubmitted' }),
    ]);
  });

  it.each([
    // One working day from Monday 09:00 → Tuesday 09:00, due at the end of Tuesday morning.
    ['Monday morning', '2026-02-09T09:00:00+07:00', '2026-02-10T11:30:00+07:00'],
    // After the 15:00 cut-off the count starts Tuesday morning: due end of Tuesday.
    ['Monday after the cut-off', '2026-02-09T15:30:00+07:00', '2026-02-10T17:30:00+07:00'],
    // Friday 13/2 afternoon: the next working day is after Tết (16–20/2), Monday 23/2.
    ['the Friday before Tết', '2026-02-13T14:00:00+07:00', '2026-02-23T17:30:00+07:00'],
  ])('sets the appointment by the agency calendar: %s', (_label, now, due) => {
    expect(submitOnline(input({ now: new Date(now) })).dossier.dueAt).toBe(due);
  });

  it('refuses a caller who is not a citizen', () => {
    const receiver: Caller = { sub: 'r', roles: ['receiver'], agencyId: '24.07210' };
    expect(() => submitOnline(input({ caller: receiver }))).toThrow(RuleViolation);
  });

  it('refuses a procedure offered only at the counter', () => {
    expect(() => submitOnline(input({ procedure: { ...birth, serviceLevel: 'offline' } }))).toThrow(
      /chưa cung cấp dịch vụ công trực tuyến/,
    );
  });
});

describe('the competent agency', () => {
  it('is the commune People’s Committee for a commune-level procedure', () => {
    expect(competentAgencyId(birth, '24', '07210')).toBe('24.07210');
  });

  it('needs the commune for a commune-level procedure', () => {
    expect(() => competentAgencyId(birth, '24', undefined)).toThrow(/chọn xã/);
  });

  it('is the catalogue’s agency for a department-level procedure, whatever commune is given', () => {
    const record = { ...birth, level: 'department' as const, agencyId: '24.STP' };
    expect(competentAgencyId(record, '24', '07210')).toBe('24.STP');
  });
});

describe('placing a dossier in its intake queue', () => {
  const submitted = submitOnline(input()).dossier;
  const now = new Date('2026-02-09T09:00:05+07:00');

  it('queues it once, bumping the version and telling the applicant', () => {
    const decision = placeInIntakeQueue(submitted, commune, now);
    expect(decision?.dossier.version).toBe(2);
    expect(decision?.dossier.workQueue).toEqual({
      agencyId: '24.07210',
      step: 'intake',
      since: '2026-02-09T09:00:05+07:00',
    });
    expect(decision?.events.map((e) => e.id)).toEqual(['24.07210-260209-0001:2:DossierRouted']);
  });

  it('does nothing the second time, so a redelivered event is harmless', () => {
    const once = placeInIntakeQueue(submitted, commune, now);
    expect(once && placeInIntakeQueue(once.dossier, commune, now)).toBeUndefined();
  });
});
