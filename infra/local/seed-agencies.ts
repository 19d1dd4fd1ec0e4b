import type { AgencyRepository } from '../../shared/use-cases/ports/agency-repository.ts';
import type { Agency } from '../../shared/domain/agency.ts';
import { type HolidaySchedule, vnPublicHolidays } from '../../shared/domain/calendar/index.ts';
import type { Role } from '../../shared/domain/caller.ts';
import { isOfficialRole, type Official } from '../../shared/domain/official.ts';
import { communeAgencies, communeCentres } from './communes.ts';
import { type DemoUser, demoUsers } from './demo-users.ts';
import { vietnameseName } from './vn-names.ts';

/** The root of the demo tree: the People's Committee of Tỉnh Bắc Ninh. */
export const provinceAgencyId = '24.UBND';

/** The province's public administration service centre: it receives for the province's agencies. */
export const provinceCentreId = '24.TTPVHCC';

/**
 * The province's own agencies (since 1/7/2025 the Sở KH&ĐT is part of the Sở Tài chính, and the Sở Nội vụ
 * took over the Sở LĐ-TB&XH's work for people with meritorious service). The province's
 * service centre receives, forwards and returns for the People's Committee and the departments
 * (Nghị định 118/2025/NĐ-CP).
 */
export const provinceAgencies: Agency[] = [
  {
    id: provinceAgencyId,
    name: 'Ủy ban nhân dân tỉnh Bắc Ninh',
    level: 'province',
    unitCode: '24',
    intakeAgencyId: provinceCentreId,
  },
  {
    id: provinceCentreId,
    name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
    level: 'department',
    parentId: provinceAgencyId,
    saturdayMorning: true,
  },
  ...[
    { id: '24.STP', name: 'Sở Tư pháp tỉnh Bắc Ninh' },
    { id: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh' },
    { id: '24.STC', name: 'Sở Tài chính tỉnh Bắc Ninh' },
    { id: '24.SNV', name: 'Sở Nội vụ tỉnh Bắc Ninh' },
  ].map((d): Agency => ({ ...d, level: 'department', parentId: provinceAgencyId, intakeAgencyId: provinceCentreId })),
];

/**
 * Departments inside two communes (the commune agencies themselves and their service centres come
 * from the unit list, in communes.ts). Since 1/7/2025 a ward has a Phòng Kinh tế, Hạ tầng và Đô thị, a
 * commune a Phòng Kinh tế; the commune's centre receives for them.
 */
export const communeDepartments: Agency[] = [
  {
    id: '24.07210.PKT',
    name: 'Phòng Kinh tế, Hạ tầng và Đô thị Phường Bắc Giang',
    level: 'department',
    parentId: '24.07210',
    intakeAgencyId: '24.07210.TTPVHCC',
  },
  {
    id: '24.07210.PVHXH',
    name: 'Phòng Văn hóa - Xã hội Phường Bắc Giang',
    level: 'department',
    parentId: '24.07210',
    intakeAgencyId: '24.07210.TTPVHCC',
  },
  {
    id: '24.07339.PKT',
    name: 'Phòng Kinh tế Xã Tân Yên',
    level: 'department',
    parentId: '24.07339',
    intakeAgencyId: '24.07339.TTPVHCC',
  },
];

/** Every agency of the demo province, as seeded: the province's, the communes, their centres and departments. */
export const demoAgencies: Agency[] = [
  ...provinceAgencies,
  ...communeAgencies,
  ...communeCentres,
  ...communeDepartments,
];

/** How many officials of each role an agency has: receivers at the centres, specialists and a leader elsewhere. */
function staffing(agency: Agency): Partial<Record<Role, number>> {
  if (agency.id.endsWith('.TTPVHCC')) return { receiver: 2 };
  return { specialist: 2, leader: 1 };
}

/**
 * The generated staff of every seeded agency, beside the named demo users: as many of each role as
 * {@link staffing} asks, less the named ones already there. Subjects are stable
 * (`specialist-24-stc-1`), names fictional and deterministic (vn-names.ts). They sign in locally like
 * the named users; `npm start` prints tokens for the named ones only.
 */
export const generatedStaff: DemoUser[] = demoAgencies.flatMap((agency) =>
  Object.entries(staffing(agency)).flatMap(([role, wanted]) => {
    const named = demoUsers.filter((u) => u.agencyId === agency.id && u.roles.includes(role as Role)).length;
    return Array.from({ length: Math.max(0, (wanted ?? 0) - named) }, (_, i): DemoUser => {
      const sub = `${role}-${agency.id.toLowerCase().replaceAll('.', '-')}-${i + 1}`;
      return { sub, name: vietnameseName(sub), roles: [role as Role], agencyId: agency.id };
    });
  }),
);

/** Everyone who can sign in locally: the named demo users first, then the generated staff. */
export const localUsers: readonly DemoUser[] = [...demoUsers, ...generatedStaff];

/**
 * The roster: every local user holding an official role, with the same subject, agency and roles.
 * Province-wide users (the admin, the auditor) have no agency in their token; the roster files them
 * under the province's People's Committee.
 */
export const demoOfficials: Official[] = localUsers.flatMap((user) => {
  const roles = user.roles.filter(isOfficialRole);
  if (roles.length === 0) return [];
  return [{ sub: user.sub, name: user.name, agencyId: user.agencyId ?? provinceAgencyId, roles, active: true }];
});

/** The national holidays stored as data, so admins can edit a year (2025–2027 as published). */
export const seedHolidays: HolidaySchedule = vnPublicHolidays;

/**
 * Seeds the agency tree (the province's agencies, the communes given, their service centres and
 * departments), the officials and the holidays, into a fresh table: batched writes (a few dozen calls
 * for ~200 agencies and ~500 officials), so every test file's cloud is seeded in well under a second.
 * Call once from `seedDemoProvince`, with `communeAgencies`.
 */
export async function seedAgencyDirectory(agencies: AgencyRepository, communes: readonly Agency[]): Promise<void> {
  const seeded = new Set(communes.map((c) => c.id));
  const centres = communeCentres.filter((c) => seeded.has(c.parentId ?? ''));
  const all = [...provinceAgencies, ...communes, ...centres, ...communeDepartments];
  const placed = new Set(all.map((a) => a.id));
  await agencies.importDirectory({
    agencies: all,
    officials: demoOfficials.filter((o) => placed.has(o.agencyId)),
    holidays: seedHolidays,
  });
}
