import { describe, expect, it } from 'vitest';
import { ListAgenciesQuery, listAgencies } from '../../../../shared/use-cases/agencies/list-agencies.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { agencies } from './world.ts';

const list = listAgencies(fakeAgencyRepository({ agencies }));
const ids = (page: { items: { id: string }[] }) => page.items.map((a) => a.id);
const query = (q: Record<string, string>) => ListAgenciesQuery.parse(q);

describe('listing agencies', () => {
  it('answers the roots of the tree with no parameter', async () => {
    expect(ids(await list(query({})))).toEqual(['24.UBND']);
  });

  it("answers an agency's children by level, then id", async () => {
    // commune < department in the order of the levels' names.
    expect(ids(await list(query({ parentId: '24.UBND' })))).toEqual(['24.07210', '24.SXD']);
  });

  it("keeps one level of an agency's children", async () => {
    expect(ids(await list(query({ parentId: '24.UBND', level: 'department' })))).toEqual(['24.SXD']);
  });

  it('answers every agency of a level, wherever it sits', async () => {
    expect(ids(await list(query({ level: 'department' })))).toEqual(['24.07210.VP', '24.SXD']);
  });

  it('pages with the cursor', async () => {
    const first = await list(query({ level: 'department', limit: '1' }));
    expect(ids(first)).toEqual(['24.07210.VP']);
    const rest = await list(query({ level: 'department', limit: '1', cursor: first.nextCursor ?? '' }));
    expect(ids(rest)).toEqual(['24.SXD']);
    expect(rest.nextCursor).toBeUndefined();
  });
});
