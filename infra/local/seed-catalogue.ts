import type { Agency } from '../../shared/domain/agency.ts';
import type { Procedure } from '../../shared/domain/procedure.ts';

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

/** A first handful of real procedures; the full catalogue comes with the catalogue API. */
export const demoProcedures: Procedure[] = [
  {
    code: '1.001193',
    version: 1,
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 1 },
    fee: null,
    resultType: 'Giấy khai sinh',
  },
  {
    code: '1.000894',
    version: 1,
    name: 'Đăng ký kết hôn',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 1 },
    fee: null,
    resultType: 'Giấy chứng nhận kết hôn',
  },
  {
    code: '1.000656',
    version: 1,
    name: 'Đăng ký khai tử',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 1 },
    fee: null,
    resultType: 'Trích lục khai tử',
  },
  {
    code: '2.000488',
    version: 1,
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'Lý lịch tư pháp',
    level: 'department',
    agencyId: '24.STP',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 10 },
    fee: { amount: 200_000, due: 'intake' },
    resultType: 'Phiếu lý lịch tư pháp',
  },
];
