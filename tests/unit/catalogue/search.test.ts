import { describe, expect, it } from 'vitest';
import { demoProcedures } from '../../../infra/local/seed-catalogue.ts';
import { filterCatalogue, summaryOf } from '../../../shared/domain/catalogue/search.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';

const catalogue = demoProcedures.map(summaryOf);
const codes = (filter: Parameters<typeof filterCatalogue>[1]) => filterCatalogue(catalogue, filter).map((e) => e.code);

describe('summaryOf', () => {
  it('keeps what search needs, with the folded name', () => {
    const summary = summaryOf(demoProcedures.find((p) => p.code === '2.000488') as Procedure);
    expect(summary).toEqual({
      code: '2.000488',
      version: 1,
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
      nameFolded: 'cap phieu ly lich tu phap cho cong dan viet nam, nguoi nuoc ngoai dang cu tru tai viet nam',
      field: 'Lý lịch tư pháp',
      level: 'department',
      agencyId: '24.STP',
      serviceLevel: 'fully-online',
      processingTime: { workingDays: 10 },
      fee: { amount: 200_000, due: 'intake' },
    });
  });
});

describe('filterCatalogue', () => {
  it('sorts by code', () => {
    const all = codes({});
    expect(all).toEqual([...all].sort());
    expect(all).toHaveLength(demoProcedures.length);
  });

  it.each([
    [{ q: 'khai sinh' }, ['1.001193']],
    [{ q: 'KHAI SINH', level: 'commune' as const }, ['1.001193']],
    [{ q: 'khai sinh', level: 'department' as const }, []],
    [{ q: 'ho tich', field: 'Hộ tịch' }, ['9.240102', '9.240103']],
    [{ q: 'ly lich' }, ['2.000488']],
    [{ q: '2.000488' }, ['2.000488']],
  ])('%o → %o', (filter, expected) => expect(codes(filter)).toEqual(expected));

  it('compares the field folded: "ho tich" is "Hộ tịch"', () => {
    const folded = codes({ field: 'ho tich' });
    expect(folded).toEqual(codes({ field: 'Hộ tịch' }));
    expect(folded).toEqual(expect.arrayContaining(['1.001193', '1.000894', '1.000656']));
  });

  it('combines filters with AND', () => {
    const entries = filterCatalogue(catalogue, {
      level: 'department',
      agencyId: '24.STC',
      serviceLevel: 'fully-online',
    });
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: 'department', agencyId: '24.STC', serviceLevel: 'fully-online' });
    }
  });

  it('finds offline procedures', () => {
    expect(filterCatalogue(catalogue, { serviceLevel: 'offline' }).length).toBeGreaterThan(0);
  });
});
