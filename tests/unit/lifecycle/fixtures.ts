import type { Agency } from '../../../shared/domain/agency.ts';
import { workingCalendar } from '../../../shared/domain/calendar/index.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { fileDossier } from '../../../shared/domain/dossier/file.ts';
import type { ActionContext } from '../../../shared/domain/dossier/lifecycle.ts';
import { isOfficialRole, type Official } from '../../../shared/domain/official.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';

/** A joint construction-permit-like procedure: three steps at Sở Xây dựng, a commune leg. */
export const permit: Procedure = {
  code: '1.009999',
  version: 2,
  name: 'Cấp giấy phép xây dựng (thử nghiệm)',
  field: 'Xây dựng',
  level: 'department',
  agencyId: '24.SXD',
  serviceLevel: 'partly-online',
  processingTime: { workingDays: 10 },
  fee: { schedule: { kind: 'fixed', amount: 150_000 }, due: 'result' },
  resultType: 'Giấy phép',
  documents: [],
  steps: [
    { name: 'Tiếp nhận hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
    { name: 'Thẩm định hồ sơ', role: 'specialist', duration: { workingDays: 6 } },
    { name: 'Lãnh đạo Sở ký', role: 'leader', duration: { workingDays: 1 } },
  ],
  joint: [{ agency: { level: 'commune' }, purpose: 'Xác nhận hiện trạng của UBND xã', share: { workingDays: 2 } }],
};

export const sxd: Agency = { id: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh', level: 'department' };
export const commune: Agency = { id: '24.07210', name: 'Ủy ban nhân dân Phường Bắc Giang', level: 'commune' };
export const calendar = workingCalendar();

export const people = {
  applicant: { sub: 'citizen-an', roles: ['citizen'] },
  otherCitizen: { sub: 'citizen-binh', roles: ['citizen'] },
  receiver: { sub: 'receiver-mai', roles: ['receiver'], agencyId: '24.SXD' },
  specialist: { sub: 'specialist-nam', roles: ['specialist'], agencyId: '24.SXD' },
  leader: { sub: 'leader-son', roles: ['leader'], agencyId: '24.SXD' },
  otherAgencyLeader: { sub: 'leader-tuan', roles: ['leader'], agencyId: '24.STP' },
  auditor: { sub: 'auditor-thu', roles: ['auditor'] },
} satisfies Record<string, Caller>;

/** The roster as the people above are on it: every official active at their token's agency (province-wide under 24.UBND). */
export const roster: Official[] = Object.values(people as Record<string, Caller>).flatMap((caller) => {
  const roles = caller.roles.filter(isOfficialRole);
  return roles.length === 0
    ? []
    : [{ sub: caller.sub, name: caller.sub, agencyId: caller.agencyId ?? '24.UBND', roles, active: true }];
});

export const monday = new Date('2026-03-02T09:00:00+07:00');

export function submittedPermit(now = monday): Dossier {
  return fileDossier({
    caller: people.applicant,
    channel: 'online',
    procedure: permit,
    agency: sxd,
    application: {
      applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
      returnMethod: 'online',
      formData: {},
      communeCode: '07210',
    },
    applicantId: 'citizen-an',
    code: '24.SXD-260302-0001',
    pinHash: 'h',
    now,
    calendar,
  }).dossier;
}

export function context(dossier: Dossier, caller: Caller, overrides: Partial<ActionContext> = {}): ActionContext {
  return {
    caller,
    dossier,
    procedure: permit,
    calendar,
    now: monday,
    supplementMode: 'restart',
    officials: roster,
    ...overrides,
  };
}
