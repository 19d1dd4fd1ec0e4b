import type { Agency } from '../../../../shared/domain/agency.ts';
import type { Official } from '../../../../shared/domain/official.ts';

/** A two-level tree (Nghị định 118/2025): the province, a department, a ward with its own office. */
export const province: Agency = { id: '24.UBND', name: 'Ủy ban nhân dân tỉnh Bắc Ninh', level: 'province' };
export const sxd: Agency = {
  id: '24.SXD',
  name: 'Sở Xây dựng tỉnh Bắc Ninh',
  level: 'department',
  parentId: '24.UBND',
};
export const ward: Agency = {
  id: '24.07210',
  name: 'Ủy ban nhân dân Phường Bắc Giang',
  level: 'commune',
  parentId: '24.UBND',
  unitCode: '07210',
};
export const wardOffice: Agency = {
  id: '24.07210.VP',
  name: 'Văn phòng HĐND và UBND Phường Bắc Giang',
  level: 'department',
  parentId: '24.07210',
};
export const agencies = [province, sxd, ward, wardOffice];

export const officials: Official[] = [
  { sub: 'receiver-mai', name: 'Trần Thị Mai', agencyId: '24.SXD', roles: ['receiver'], active: true },
  { sub: 'leader-son', name: 'Lê Văn Sơn', agencyId: '24.SXD', roles: ['leader'], active: true },
  { sub: 'specialist-nam', name: 'Phạm Văn Nam', agencyId: '24.SXD', roles: ['specialist'], active: false },
  { sub: 'leader-tuan', name: 'Đỗ Văn Tuấn', agencyId: '24.07210', roles: ['leader'], active: true },
];
