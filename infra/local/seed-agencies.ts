import type { AgencyRepository } from '../../shared/adapters/dynamo/agency-repository.ts';
import type { Agency } from '../../shared/domain/agency.ts';
import { type HolidaySchedule, vnPublicHolidays } from '../../shared/domain/calendar/index.ts';
import { isOfficialRole, type Official } from '../../shared/domain/official.ts';
import { demoUsers } from './demo-users.ts';

/** The root of the demo tree: the People's Committee of Tỉnh Bắc Ninh. */
export const provinceAgencyId = '24.UBND';

/** The province's own agencies (since 1/7/2025 the Sở KH&ĐT is part of the Sở Tài chính). */
export const provinceAgencies: Agency[] = [
  { id: provinceAgencyId, name: 'Ủy ban nhân dân tỉnh Bắc Ninh', level: 'province', unitCode: '24' },
  {
    id: '24.TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
    level: 'department',
    parentId: provinceAgencyId,
    saturdayMorning: true,
  },
  { id: '24.STP', name: 'Sở Tư pháp tỉnh Bắc Ninh', level: 'department', parentId: provinceAgencyId },
  { id: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh', level: 'department', parentId: provinceAgencyId },
  { id: '24.STC', name: 'Sở Tài chính tỉnh Bắc Ninh', level: 'department', parentId: provinceAgencyId },
];

/**
 * Departments inside two communes (the commune agencies themselves come from the unit list, in
 * seed.ts). Since 1/7/2025 a ward has a Phòng Kinh tế, Hạ tầng và Đô thị, a commune a Phòng Kinh tế,
 * and each its one-stop desk.
 */
export const communeDepartments: Agency[] = [
  {
    id: '24.07210.MC',
    name: 'Bộ phận một cửa Phường Bắc Giang',
    level: 'department',
    parentId: '24.07210',
    saturdayMorning: true,
  },
  {
    id: '24.07210.PKT',
    name: 'Phòng Kinh tế, Hạ tầng và Đô thị Phường Bắc Giang',
    level: 'department',
    parentId: '24.07210',
  },
  {
    id: '24.07210.PVHXH',
    name: 'Phòng Văn hóa - Xã hội Phường Bắc Giang',
    level: 'department',
    parentId: '24.07210',
  },
  { id: '24.07339.MC', name: 'Bộ phận một cửa Xã Tân Yên', level: 'department', parentId: '24.07339' },
  { id: '24.07339.PKT', name: 'Phòng Kinh tế Xã Tân Yên', level: 'department', parentId: '24.07339' },
];

/**
 * The roster: every demo user holding an official role, with the same subject, agency and roles.
 * Province-wide users (the admin, the auditor) have no agency in their token; the roster files them
 * under the province's People's Committee.
 */
export const demoOfficials: Official[] = demoUsers.flatMap((user) => {
  const roles = user.roles.filter(isOfficialRole);
  if (roles.length === 0) return [];
  return [{ sub: user.sub, name: user.name, agencyId: user.agencyId ?? provinceAgencyId, roles, active: true }];
});

/** The national holidays stored as data, so admins can edit a year (2025–2027 as published). */
export const seedHolidays: HolidaySchedule = vnPublicHolidays;

/**
 * Seeds the agency tree (the province's agencies, the communes given, their departments), the
 * officials and the holidays. Call once from `seedDemoProvince`, with `communeAgencies`.
 */
export async function seedAgencyDirectory(agencies: AgencyRepository, communes: readonly Agency[]): Promise<void> {
  await Promise.all([...provinceAgencies, ...communes, ...communeDepartments].map((agency) => agencies.put(agency)));
  await Promise.all(demoOfficials.map((official) => agencies.putOfficial(official)));
  await Promise.all(
    Object.entries(seedHolidays).map(([year, holidays]) => agencies.putHolidays(Number(year), holidays)),
  );
}
