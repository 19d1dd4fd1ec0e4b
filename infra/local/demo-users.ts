import type { Role } from '../../shared/domain/caller.ts';

/** The people of the demo province. The local cloud issues each a ready token at start. */
export interface DemoUser {
  sub: string;
  name: string;
  roles: readonly Role[];
  agencyId?: string;
}

export const demoUsers: readonly DemoUser[] = [
  { sub: 'citizen-an', name: 'Nguyễn Văn An', roles: ['citizen'] },
  { sub: 'citizen-binh', name: 'Trần Thị Bình', roles: ['citizen'] },
  { sub: 'receiver-hoa', name: 'Lê Thị Hoa', roles: ['receiver'], agencyId: '24.TTPVHCC' },
  { sub: 'specialist-minh', name: 'Phạm Văn Minh', roles: ['specialist'], agencyId: '24.STP' },
  { sub: 'leader-tuan', name: 'Hoàng Anh Tuấn', roles: ['leader'], agencyId: '24.STP' },
  { sub: 'receiver-mai', name: 'Đinh Thị Mai', roles: ['receiver'], agencyId: '24.SXD' },
  { sub: 'specialist-nam', name: 'Lý Văn Nam', roles: ['specialist'], agencyId: '24.SXD' },
  { sub: 'leader-son', name: 'Trịnh Hồng Sơn', roles: ['leader'], agencyId: '24.SXD' },
  { sub: 'receiver-lan', name: 'Đỗ Thị Lan', roles: ['receiver', 'specialist'], agencyId: '24.07210' },
  { sub: 'leader-hung', name: 'Vũ Mạnh Hùng', roles: ['leader'], agencyId: '24.07210' },
  { sub: 'admin-quang', name: 'Ngô Văn Quang', roles: ['admin'] },
  { sub: 'auditor-thu', name: 'Bùi Thị Thu', roles: ['auditor'] },
];
