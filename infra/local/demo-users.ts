import type { Role } from '../../shared/domain/caller.ts';

/** A person of the demo province who can sign in locally (`/local/token`, the local OIDC page). */
export interface DemoUser {
  sub: string;
  name: string;
  roles: readonly Role[];
  agencyId?: string;
  /** Contacts the identity provider verified (VNeID gives the phone): the token's `phone_number`, `email`. */
  phone?: string;
  email?: string;
}

/**
 * The named people of the demo province (the README and the tests use them); `npm start` prints a token
 * for each. Under Nghị định 118/2025/NĐ-CP receivers sit at the service centres (the province's,
 * 24.TTPVHCC, and each commune's, `24.<commune>.TTPVHCC`); specialists and leaders at the competent
 * department or commune People's Committee. The rest of the staff is generated (seed-agencies.ts).
 */
export const demoUsers: readonly DemoUser[] = [
  {
    sub: 'citizen-an',
    name: 'Nguyễn Văn An',
    roles: ['citizen'],
    phone: '+84912345678',
    email: 'an.nguyen@example.vn',
  },
  {
    sub: 'citizen-binh',
    name: 'Trần Thị Bình',
    roles: ['citizen'],
    phone: '0987654321',
    email: 'binh.tran@example.vn',
  },
  { sub: 'receiver-hoa', name: 'Lê Thị Hoa', roles: ['receiver'], agencyId: '24.TTPVHCC' },
  { sub: 'specialist-minh', name: 'Phạm Văn Minh', roles: ['specialist'], agencyId: '24.STP' },
  { sub: 'leader-tuan', name: 'Hoàng Anh Tuấn', roles: ['leader'], agencyId: '24.STP' },
  { sub: 'receiver-mai', name: 'Đinh Thị Mai', roles: ['receiver'], agencyId: '24.TTPVHCC' },
  { sub: 'specialist-nam', name: 'Lý Văn Nam', roles: ['specialist'], agencyId: '24.SXD' },
  { sub: 'leader-son', name: 'Trịnh Hồng Sơn', roles: ['leader'], agencyId: '24.SXD' },
  { sub: 'specialist-linh', name: 'Cao Thùy Linh', roles: ['specialist'], agencyId: '24.SNV' },
  { sub: 'leader-dung', name: 'Đặng Quốc Dũng', roles: ['leader'], agencyId: '24.SNV' },
  { sub: 'receiver-lan', name: 'Đỗ Thị Lan', roles: ['receiver'], agencyId: '24.07210.TTPVHCC' },
  { sub: 'specialist-ha', name: 'Phan Thị Hà', roles: ['specialist'], agencyId: '24.07210' },
  { sub: 'leader-hung', name: 'Vũ Mạnh Hùng', roles: ['leader'], agencyId: '24.07210' },
  { sub: 'admin-quang', name: 'Ngô Văn Quang', roles: ['admin'] },
  { sub: 'auditor-thu', name: 'Bùi Thị Thu', roles: ['auditor'] },
];
