import type { Agency } from '../../shared/domain/agency.ts';

/** The province's own agencies (since 1/7/2025 the Sở KH&ĐT is part of the Sở Tài chính). */
export const provinceAgencies: Agency[] = [
  { id: '24.UBND', name: 'Ủy ban nhân dân tỉnh Bắc Ninh', level: 'province', unitCode: '24' },
  {
    id: '24.TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
    level: 'department',
    parentId: '24.UBND',
    saturdayMorning: true,
  },
  { id: '24.STP', name: 'Sở Tư pháp tỉnh Bắc Ninh', level: 'department', parentId: '24.UBND' },
  { id: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh', level: 'department', parentId: '24.UBND' },
  { id: '24.STC', name: 'Sở Tài chính tỉnh Bắc Ninh', level: 'department', parentId: '24.UBND' },
];
