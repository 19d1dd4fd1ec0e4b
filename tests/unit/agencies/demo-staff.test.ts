/**
 * The demo province is staffed like a real one (Nghị định 118/2025/NĐ-CP): receivers at the province's
 * and every commune's service centre, specialists and a leader at every department and every commune's
 * People's Committee; the named demo users the README and the tests use are kept.
 */
import { describe, expect, it } from 'vitest';
import { communeAgencies, communeCentres } from '../../../infra/local/communes.ts';
import { demoUsers } from '../../../infra/local/demo-users.ts';
import {
  demoAgencies,
  demoOfficials,
  generatedStaff,
  localUsers,
  provinceAgencies,
} from '../../../infra/local/seed-agencies.ts';
import { vietnameseName } from '../../../infra/local/vn-names.ts';

const staffOf = (agencyId: string, role: string) =>
  demoOfficials.filter((o) => o.agencyId === agencyId && o.roles.includes(role as never));

describe('the demo province’s service centres', () => {
  it('gives each of the 99 communes its own centre, which receives for it', () => {
    expect(communeAgencies).toHaveLength(99);
    expect(communeCentres).toHaveLength(99);
    for (const commune of communeAgencies) {
      const centre = communeCentres.find((c) => c.id === commune.intakeAgencyId);
      expect(centre).toMatchObject({ level: 'department', parentId: commune.id });
    }
    expect(communeCentres.find((c) => c.parentId === '24.07210')?.name).toBe(
      'Trung tâm Phục vụ hành chính công Phường Bắc Giang',
    );
  });

  it('has the province’s centre receive for the People’s Committee and the departments', () => {
    for (const agency of provinceAgencies.filter((a) => a.id !== '24.TTPVHCC')) {
      expect(agency.intakeAgencyId, agency.id).toBe('24.TTPVHCC');
    }
    expect(demoAgencies.some((a) => a.id.endsWith('.MC'))).toBe(false);
  });
});

describe('the demo province’s staff', () => {
  it('puts receivers at every centre, specialists and a leader at every other agency', () => {
    for (const agency of demoAgencies) {
      if (agency.id.endsWith('.TTPVHCC')) {
        expect(staffOf(agency.id, 'receiver').length, agency.id).toBeGreaterThanOrEqual(2);
      } else {
        expect(staffOf(agency.id, 'specialist').length, agency.id).toBeGreaterThanOrEqual(2);
        expect(staffOf(agency.id, 'leader').length, agency.id).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('keeps the named demo users, at their agencies under the new model', () => {
    const at = (sub: string) => demoUsers.find((u) => u.sub === sub)?.agencyId;
    expect(at('receiver-hoa')).toBe('24.TTPVHCC');
    expect(at('receiver-mai')).toBe('24.TTPVHCC');
    expect(at('receiver-lan')).toBe('24.07210.TTPVHCC');
    expect(at('specialist-ha')).toBe('24.07210');
    expect(at('leader-hung')).toBe('24.07210');
    expect(localUsers.slice(0, demoUsers.length)).toEqual(demoUsers);
  });

  it('gives every official one subject, and generated ones stable Vietnamese names', () => {
    const subs = localUsers.map((u) => u.sub);
    expect(new Set(subs).size).toBe(subs.length);
    expect(generatedStaff.find((u) => u.sub === 'specialist-24-stc-1')).toMatchObject({
      agencyId: '24.STC',
      roles: ['specialist'],
    });
    // Three words, each capitalised (family, middle, given name), the same for the same subject.
    for (const user of generatedStaff) expect(user.name).toMatch(/^(\p{Lu}\p{Ll}* ){2}\p{Lu}\p{Ll}*$/u);
    expect(vietnameseName('receiver-24-07228-ttpvhcc-1')).toBe(vietnameseName('receiver-24-07228-ttpvhcc-1'));
    expect(new Set(generatedStaff.map((u) => u.name)).size).toBeGreaterThan(generatedStaff.length / 2);
  });
});
