import { describe, expect, it } from 'vitest';
import { demoProcedures } from '../../../infra/local/seed-catalogue.ts';
import { readCache } from '../../../shared/adapters/read-cache.ts';
import { summaryOf } from '../../../shared/domain/catalogue/search.ts';
import { SearchProceduresQuery } from '../../../shared/use-cases/catalogue/schemas.ts';
import { encodeOffset, searchProcedures } from '../../../shared/use-cases/catalogue/search-procedures.ts';

function fakeCatalogue() {
  const store = { reads: 0, summaries: demoProcedures.map(summaryOf) };
  return {
    store,
    listSummaries: async () => {
      store.reads++;
      return [...store.summaries];
    },
  };
}

const query = (raw: Record<string, string>) => SearchProceduresQuery.parse(raw);

/** The cache the functions build (shared/composition/search-procedures.ts): a minute. */
const minuteCache = (clock?: () => number) => readCache({ ttlSeconds: 60, ...(clock ? { clock } : {}) });

describe('searchProcedures', () => {
  it('pages through the filtered list with a cursor: no duplicate, no miss', async () => {
    const search = searchProcedures(fakeCatalogue(), minuteCache());
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(query({ limit: '3', ...(cursor ? { cursor } : {}) }));
      expect(page.items.length).toBeLessThanOrEqual(3);
      expect(page.total).toBe(demoProcedures.length);
      seen.push(...page.items.map((item) => item.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(demoProcedures.map((p) => p.code).sort());
  });

  it('never shows the folded name, and has no next cursor on the last page', async () => {
    const page = await searchProcedures(fakeCatalogue(), minuteCache())(query({ q: 'dang ky khai sinh' }));
    expect(page).toEqual({ items: [expect.not.objectContaining({ nameFolded: expect.anything() })], total: 1 });
  });

  it('answers an empty page past the end', async () => {
    const page = await searchProcedures(fakeCatalogue(), minuteCache())(query({ cursor: encodeOffset(1000) }));
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toBeUndefined();
  });

  it.each(['nonsense', encodeOffset(-1), Buffer.from('{"o":"1"}').toString('base64url')])(
    'refuses the forged cursor %j',
    async (cursor) => {
      await expect(searchProcedures(fakeCatalogue(), minuteCache())(query({ cursor }))).rejects.toMatchObject({
        kind: 'bad-request',
        code: 'invalid-cursor',
      });
    },
  );

  it('reads the catalogue once a minute, sharing a read in flight', async () => {
    let now = 0;
    const catalogue = fakeCatalogue();
    const search = searchProcedures(
      catalogue,
      minuteCache(() => now),
    );
    await Promise.all([search(query({})), search(query({ q: 'ket hon' }))]);
    now = 59_999;
    await search(query({}));
    expect(catalogue.store.reads).toBe(1);
    now = 60_000;
    await search(query({}));
    expect(catalogue.store.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const search = searchProcedures(
      {
        listSummaries: async () => {
          if (fail) throw new Error('throttled');
          return demoProcedures.map(summaryOf);
        },
      },
      minuteCache(),
    );
    await expect(search(query({}))).rejects.toThrow('throttled');
    fail = false;
    expect((await search(query({}))).total).toBe(demoProcedures.length);
  });
});
