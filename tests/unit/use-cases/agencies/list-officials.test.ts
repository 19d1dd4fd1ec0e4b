import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import { listOfficials } from '../../../../shared/use-cases/agencies/list-officials.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { agencies, officials } from './world.ts';

const list = listOfficials(fakeAgencyRepository({ agencies, officials }));
const admin: Caller = { sub: 'admin-ha', roles: ['admin'] };
const leader: Caller = { sub: 'leader-son', roles: ['leader'], agencyId: '24.SXD' };

describe("an agency's roster", () => {
  it('is listed to an admin, by subject, page by page', async () => {
    const first = await list(admin, '24.SXD', { limit: 2 });
    expect(first.items.map((o) => o.sub)).toEqual(['leader-son', 'receiver-mai']);
    const rest = await list(admin, '24.SXD', { limit: 2, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) });
    expect(rest.items.map((o) => [o.sub, o.active])).toEqual([['specialist-nam', false]]);
    expect(rest.nextCursor).toBeUndefined();
  });

  it('is listed to a leader of the agency', async () => {
    expect((await list(leader, '24.SXD', { limit: 10 })).items).toHaveLength(3);
  });

  it('refuses a cursor of another agency’s roster', async () => {
    const first = await list(admin, '24.SXD', { limit: 1 });
    await expect(list(admin, '24.07210', { limit: 1, cursor: first.nextCursor ?? '' })).rejects.toMatchObject({
      code: 'invalid-cursor',
    });
  });

  it.each<[string, Caller, string]>([
    ['a leader of another agency', { sub: 'leader-tuan', roles: ['leader'], agencyId: '24.07210' }, '24.SXD'],
    ['a receiver of the agency', { sub: 'receiver-mai', roles: ['receiver'], agencyId: '24.SXD' }, '24.SXD'],
    ['an auditor', { sub: 'auditor-thu', roles: ['auditor'] }, '24.SXD'],
    ['an admin, for an agency that does not exist', admin, '24.99999'],
  ])('is not found for %s', async (_who, caller, agencyId) => {
    await expect(list(caller, agencyId, { limit: 10 })).rejects.toMatchObject({
      kind: 'not-found',
      code: 'not-found',
      message: `Không tìm thấy cơ quan ${agencyId}.`,
    });
  });
});
